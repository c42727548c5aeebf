// `npm start`: configuration → database (embedded by default) → migrations → first-start setup →
// listen → print the URL (and, on an empty database, the platform admin's one-time credentials).
import { connectDatabase, DatabaseLockedError, migrateToLatest, type Database } from '@cmmm/db';
import { buildApp } from './app.ts';
import { EnvError, readEnv, type Env } from './env.ts';
import { bootstrapPlatform } from './services/bootstrap-platform.ts';
import { serviceContext } from './context.ts';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

export async function main(): Promise<void> {
  let env: Env;
  try {
    env = readEnv();
  } catch (err) {
    if (err instanceof EnvError) fail(err.message);
    throw err;
  }

  let database: Database;
  try {
    database = await connectDatabase({ dataDir: env.dataDir, databaseUrl: env.databaseUrl });
    await migrateToLatest(database.db);
  } catch (err) {
    if (err instanceof DatabaseLockedError) fail(err.message);
    fail(`无法打开数据库 (cannot open the database)：${(err as Error).message}`);
  }

  const logLevel = process.env.NODE_ENV === 'test' ? 'silent' : env.logLevel;
  const log = {
    info: (obj: object, msg?: string) => app.log.info(obj, msg),
    warn: (obj: object, msg?: string) => app.log.warn(obj, msg),
  };
  const ctx = serviceContext(database, log);
  const app = await buildApp({ ctx, logLevel, cookieSecure: env.cookieSecure });
  const setup = await bootstrapPlatform(ctx);

  try {
    await app.listen({ port: env.port, host: env.host });
  } catch (err) {
    await database.close();
    const code = (err as NodeJS.ErrnoException).code;
    fail(`无法启动服务器：${code === 'EADDRINUSE' ? `端口 ${env.port} 已被占用（设置 PORT 换一个端口）` : (err as Error).message}`);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.port;
  const shown = env.host === '0.0.0.0' || env.host === '::' ? 'localhost' : env.host;
  const where = database.kind === 'embedded' ? `嵌入式数据库 embedded database: ${env.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  process.stdout.write(`智能制造能力成熟度评估平台已启动 Platform ready: http://${shown}:${port}/  (${where})\n`);
  if (setup.admin) {
    process.stdout.write(
      `首次启动：已创建平台管理员（仅显示这一次，首次登录须修改密码）\n` +
        `First start: platform admin created (shown once; change the password at first login)\n` +
        `  用户名 username: ${setup.admin.username}\n  一次性密码 one-time password: ${setup.admin.password}\n`,
    );
  }
  const stop = () => void app.close().then(() => database.close()).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
