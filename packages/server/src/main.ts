// `npm start`: configuration → database (embedded by default) → migrations → first-start setup →
// listen → print the URL (and, on an empty database, the platform admin's one-time credentials).
// SIGTERM/SIGINT drain: stop accepting, finish the requests under way, close the report workers
// and the database, exit 0.
import { connectDatabase, DatabaseLockedError, migrateToLatest, type Database } from '@cmmm/db';
import { sql } from 'kysely';
import { createRenderPool } from '@cmmm/report/views';
import { stat } from 'node:fs/promises';
import { lazyFsBlobStore } from './storage/lazy-blob-store.ts';
import { fsRegionMapFiles } from './storage/region-map-files.ts';
import { buildApp } from './app.ts';
import { serviceContext, type Log } from './context.ts';
import { EnvError, readEnv, type Env } from './env.ts';
import { bootstrapPlatform } from './services/platform/bootstrap-platform.ts';
import { runScheduledWork } from './services/formal-assessment/scheduled-work.ts';
import { aliyunSmsSender } from './sms/aliyun-sms.ts';
import { removeExpiredState } from './services/platform/remove-expired-state.ts';
import { handOverIndexReports, takeOverIndexReports } from './services/index-reports/take-over-index-reports.ts';

/** Give the requests under way this long to finish on shutdown. */
const DRAIN_MS = 25_000;
const HOUSEKEEPING_MS = 10 * 60_000;
/** How often a server looks for 指数报告 jobs to take over (a dead server's, once its lease ran out). */
const TAKE_OVER_MS = 30_000;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** The real clock, or one that starts at CLOCK_START and runs on in real time from this process's start. */
function clockFrom(start: Date | undefined): (() => Date) | undefined {
  if (!start) return undefined;
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

export async function main(): Promise<void> {
  let env: Env;
  try {
    env = readEnv();
  } catch (err) {
    if (err instanceof EnvError) fail(err.message);
    throw err;
  }

  // The operator's region maps: a MAP_DIR that is not a directory stops the start, like any wrong setting.
  if (env.mapDir && !(await stat(env.mapDir).then((s) => s.isDirectory(), () => false))) {
    fail(`配置有误 (configuration problems):\n  - MAP_DIR 须为存放地区地图（GeoJSON 文件）的目录，${env.mapDir} 不是目录或无法访问`);
  }

  const logLevel = env.quiet ? 'silent' : env.logLevel;
  // The app's logger exists once the app is built; until then (and for the pool) write to stderr.
  let log: Log = { info: () => {}, warn: (obj, msg) => process.stderr.write(`${msg ?? ''} ${JSON.stringify(obj)}\n`) };
  const proxyLog: Log = { info: (o, m) => log.info(o, m), warn: (o, m) => log.warn(o, m) };

  let database: Database;
  const onError = (err: Error) => proxyLog.warn({ err: { message: err.message } }, 'database connection error');
  try {
    database = await connectDatabase({ dataDir: env.dataDir, databaseUrl: env.databaseUrl, fromImage: true, onError });
    await migrateToLatest(database.db);
  } catch (err) {
    if (err instanceof DatabaseLockedError) fail(err.message);
    fail(`无法打开数据库 (cannot open the database)：${(err as Error).message}`);
  }
  // The replica is migrated by the primary's replication; it is only read. Reached once here, so that a
  // wrong address stops the start rather than the first dashboard.
  let replica: Database | undefined;
  if (env.databaseReadUrl) {
    try {
      replica = await connectDatabase({ dataDir: env.dataDir, databaseUrl: env.databaseReadUrl, onError });
      await sql`select 1`.execute(replica.db);
    } catch (err) {
      await Promise.allSettled([database.close(), replica?.close()]);
      fail(`无法连接统计读副本 (cannot reach DATABASE_READ_URL)：${(err as Error).message}`);
    }
  }

  const reports = createRenderPool({ threads: env.reportThreads });
  let draining = false;
  const evidence = { store: lazyFsBlobStore(env.evidenceDir), maxBytes: env.evidenceMaxBytes };
  const scheme = { noticeDays: env.noticeDays, certificateYears: env.certificateYears };
  // SMS_MODE=aliyun sends through the provider; the default (outbox) is the context's own.
  const sms = env.aliyunSms ? await aliyunSmsSender(env.aliyunSms, proxyLog) : undefined;
  const maps = env.mapDir ? fsRegionMapFiles(env.mapDir) : undefined;
  const ctx = serviceContext(database, proxyLog, { publicUrl: env.publicUrl, reports, evidence, scheme, sms, maps, now: clockFrom(env.clockStart), reportingDatabase: replica });
  const app = await buildApp({ ctx, logLevel, cookieSecure: env.cookieSecure, trustProxy: env.trustProxy, webDist: env.webDist, isDraining: () => draining });
  log = { info: (obj, msg) => app.log.info(obj, msg), warn: (obj, msg) => app.log.warn(obj, msg) };
  const setup = await bootstrapPlatform(ctx);

  try {
    await app.listen({ port: env.port, host: env.host });
  } catch (err) {
    await Promise.allSettled([reports.close(), database.close(), replica?.close()]);
    const code = (err as NodeJS.ErrnoException).code;
    fail(`无法启动服务器：${code === 'EADDRINUSE' ? `端口 ${env.port} 已被占用（设置 PORT 换一个端口）` : (err as Error).message}`);
  }
  reports.warm();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.port;
  const shown = env.host === '0.0.0.0' || env.host === '::' ? 'localhost' : env.host;
  const where = database.kind === 'embedded' ? `嵌入式数据库 embedded database: ${env.dataDir}` : `PostgreSQL (DATABASE_URL${replica ? '; 统计读副本 statistics from DATABASE_READ_URL' : ''})`;
  if (setup.admin) {
    process.stdout.write(
      `首次启动：已创建平台管理员（仅显示这一次，首次登录须修改密码）\n` +
        `First start: platform admin created (shown once; change the password at first login)\n` +
        `  用户名 username: ${setup.admin.username}\n  一次性密码 one-time password: ${setup.admin.password}\n`,
    );
  }
  // The ready line comes last: whoever waits for it has the credentials above already.
  process.stdout.write(`智能制造能力成熟度评估平台已启动 Platform ready: http://${shown}:${port}/  (${where})\n`);

  const housekeeping = setInterval(() => {
    removeExpiredState(ctx).catch((err: Error) => log.warn({ err: { message: err.message } }, 'housekeeping failed'));
  }, HOUSEKEEPING_MS);
  housekeeping.unref();
  // The certificate lifecycle (issue after 公示, reminders, expiry): each effect claimed in the database, so every server may run it.
  const lifecycle = () =>
    runScheduledWork(ctx)
      .then((done) => {
        if (done.issued.length + done.reminded.length + done.expired.length) log.info({ ...done }, 'certificate lifecycle');
      })
      .catch((err: Error) => log.warn({ err: { message: err.message } }, 'certificate lifecycle failed'));
  void lifecycle();
  setInterval(() => void lifecycle(), HOUSEKEEPING_MS).unref();
  // 指数报告 jobs nobody holds: each claimed in the database, so every server may look; one look at a time here.
  let takingOver = false;
  const takeOver = () => {
    if (takingOver || draining) return;
    takingOver = true;
    takeOverIndexReports(ctx, () => draining)
      .then((done) => {
        if (done.taken.length + done.abandoned.length) log.info({ ...done }, 'index reports taken over');
      })
      .catch((err: Error) => log.warn({ err: { message: err.message } }, 'index report take-over failed'))
      .finally(() => (takingOver = false));
  };
  takeOver();
  const takingOverTimer = setInterval(takeOver, TAKE_OVER_MS);
  takingOverTimer.unref();

  const stop = (signal: string) => {
    if (draining) return;
    draining = true;
    log.info({ signal }, 'draining: no new requests; finishing those under way');
    clearInterval(housekeeping);
    clearInterval(takingOverTimer);
    const forced = setTimeout(() => process.exit(1), DRAIN_MS);
    forced.unref();
    void app
      .close()
      .then(() => handOverIndexReports(ctx).catch((err: Error) => log.warn({ err: { message: err.message } }, 'index reports not handed over')))
      .then(() => reports.close())
      .then(() => Promise.all([database.close(), replica?.close()]))
      .then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
