// Commands over the platform's database, configured like `npm start` (DATA_DIR, DATABASE_URL):
// `cmmm db migrate|backup|restore`, `cmmm demo seed|clear`, `cmmm audit verify`, `cmmm admin unlock`.
// main.ts loads this module only when one of them runs (it brings in the server tasks and the database).
import {
  backupPlatform,
  BackupError,
  clearDemo,
  DatabaseLockedError,
  EnvError,
  migratePlatform,
  restorePlatform,
  seedDemo,
  TaskError,
  unlockAccount,
  verifyAuditTrail,
  type BackupSummary,
} from '@cmmm/server/tasks';
import { CliError, EXIT } from '../cli-error.ts';

async function guarded<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (err) {
    if (err instanceof EnvError) throw new CliError(EXIT.usage, err.problems.map((message) => ({ code: 'CONFIG', path: '', message })));
    if (err instanceof DatabaseLockedError) {
      throw new CliError(EXIT.invalid, [{ code: 'DATABASE_LOCKED', path: '', message: `${err.message}（请先停止服务器，或通过 DATABASE_URL 使用 PostgreSQL 服务器）` }]);
    }
    if (err instanceof BackupError) {
      throw new CliError(err.code === 'BACKUP_UNREADABLE' ? EXIT.unreadable : EXIT.invalid, [{ code: err.code, path: '', message: err.message }]);
    }
    if (err instanceof TaskError) throw new CliError(EXIT.invalid, [{ code: err.code, path: '', message: err.message }]);
    throw err;
  }
}

export async function dbMigrate(): Promise<string> {
  const { applied } = await guarded(migratePlatform);
  return applied.length ? `已执行迁移 applied: ${applied.join(', ')}\n` : '数据库已是最新 database is up to date\n';
}

/** The tables of a backup and their row counts, one per line, and the totals. */
function tableCounts({ tables }: Pick<BackupSummary, 'tables'>): string {
  const width = Math.max(0, ...tables.map((t) => t.table.length));
  const rows = tables.reduce((sum, t) => sum + t.rows, 0);
  return `${tables.map((t) => `  ${t.table.padEnd(width)}  ${t.rows}\n`).join('')}共 ${tables.length} 张数据表，${rows} 行 (${tables.length} tables, ${rows} rows)\n`;
}

export async function dbBackup(file: string): Promise<string> {
  const summary = await guarded(() => backupPlatform(file));
  return `已备份到 backed up to ${summary.file}（迁移 migrations: ${summary.migrations.length}）\n${tableCounts(summary)}`;
}

export async function dbRestore(file: string): Promise<string> {
  const summary = await guarded(() => restorePlatform(file));
  const migrated = summary.migrated.length ? `先执行迁移 first applied: ${summary.migrated.join(', ')}\n` : '';
  return `${migrated}已从 ${summary.file} 恢复 restored（备份时间 made at ${summary.createdAt}）\n${tableCounts(summary)}`;
}

export async function demoSeed(enterprises: number): Promise<string> {
  const started = Date.now();
  // One line per chunk of the set-based path, on stderr (stdout keeps the summary alone).
  const progress = (done: number, total: number) => {
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(`演示数据 demo data: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} 家企业 enterprises (${Math.round((100 * done) / total)}%, ${seconds.toFixed(0)} s, ${Math.round(done / seconds)}/s)\n`);
  };
  const outcome = await guarded(() => seedDemo(enterprises, progress));
  const levels = Object.entries(outcome.levels)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([level, n]) => `${level === '0' ? '未达到一级' : `${level}级`} ${n}`)
    .join('，');
  return `已创建演示数据 demo data created: ${outcome.enterprises} 家企业（${levels}）\n`;
}

export async function demoClear(): Promise<string> {
  const { enterprises, accounts, assessmentBodies, assessors, trainingCourses } = await guarded(clearDemo);
  return `已删除演示数据 demo data removed: ${enterprises} 家企业，${accounts} 个账户，${assessmentBodies} 个评估机构，${assessors} 名评估人员，${trainingCourses} 期培训\n`;
}

const BROKEN_REASONS = {
  hash_mismatch: '哈希与内容不符：该事件被修改过 (hash mismatch: the event was edited)',
  broken_link: '与前一事件的哈希链接不符：其前有事件被删除或插入 (prev_hash mismatch: an event before it was deleted or inserted)',
} as const;

export async function auditVerify(): Promise<string> {
  const { checked, firstBroken } = await guarded(verifyAuditTrail);
  if (!firstBroken) return `已检查 ${checked} 条审计事件 checked ${checked} audit events：完整 intact\n`;
  throw new CliError(EXIT.invalid, [{
    code: 'AUDIT_CHAIN_BROKEN',
    path: '',
    message: `已检查 ${checked} 条审计事件，第一个断裂处：事件 id ${firstBroken.id}，${BROKEN_REASONS[firstBroken.reason]}`,
  }]);
}

export async function adminUnlock(username: string): Promise<string> {
  const outcome = await guarded(() => unlockAccount(username));
  const lockedUntil = outcome.lockedUntil ? outcome.lockedUntil.toISOString() : '无 none';
  return (
    `已解除账户 ${outcome.username} 的登录锁定 unlocked (account ${outcome.accountId})：` +
    `locked_until ${lockedUntil} → 无，failed_logins ${outcome.failedLogins} → 0，` +
    `清除登录计数器 login counters cleared: ${outcome.counters}\n`
  );
}
