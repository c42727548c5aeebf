// `npm start`: read the configuration, build the app, listen, print the URL.
import { buildApp } from './app.ts';
import { EnvError, readEnv } from './env.ts';

export async function main(): Promise<void> {
  let env;
  try {
    env = readEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const app = buildApp({ logger: process.env.NODE_ENV !== 'test' });
  try {
    await app.listen({ port: env.port, host: env.host });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? `端口 ${env.port} 已被占用（设置 PORT 换一个端口）` : (err as Error).message;
    process.stderr.write(`无法启动服务器：${reason}\n`);
    process.exit(1);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.port;
  const shown = env.host === '0.0.0.0' || env.host === '::' ? 'localhost' : env.host;
  process.stdout.write(`智能制造能力成熟度评估平台已启动 Platform ready: http://${shown}:${port}/\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
}
