// `cmmm db migrate`, `cmmm demo seed [--enterprises N]`, `cmmm demo clear`: over the platform's
// database, configured like `npm start` (DATA_DIR, DATABASE_URL).
import { clearDemo, DatabaseLockedError, EnvError, migratePlatform, seedDemo } from '@cmmm/server/tasks';
import { CliError, EXIT } from '../cli-error.ts';

async function guarded<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (err) {
    if (err instanceof EnvError) throw new CliError(EXIT.usage, err.problems.map((message) => ({ code: 'CONFIG', path: '', message })));
    if (err instanceof DatabaseLockedError) {
      throw new CliError(EXIT.invalid, [{ code: 'DATABASE_LOCKED', path: '', message: `${err.message}（请先停止服务器，或通过 DATABASE_URL 使用 PostgreSQL 服务器）` }]);
    }
    throw err;
  }
}

export async function dbMigrate(): Promise<string> {
  const { applied } = await guarded(migratePlatform);
  return applied.length ? `已执行迁移 applied: ${applied.join(', ')}\n` : '数据库已是最新 database is up to date\n';
}

export async function demoSeed(enterprises: number): Promise<string> {
  const outcome = await guarded(() => seedDemo(enterprises));
  const levels = Object.entries(outcome.levels)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([level, n]) => `${level === '0' ? '未达到一级' : `${level}级`} ${n}`)
    .join('，');
  return `已创建演示数据 demo data created: ${outcome.enterprises} 家企业（${levels}）\n`;
}

export async function demoClear(): Promise<string> {
  const { enterprises, accounts } = await guarded(clearDemo);
  return `已删除演示数据 demo data removed: ${enterprises} 家企业，${accounts} 个账户\n`;
}
