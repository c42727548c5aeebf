// Administrative tasks over the platform's database, for the `cmmm` CLI: the server's public face for
// `cmmm db migrate|backup|restore`, `cmmm demo seed|clear`, `cmmm audit verify` and `cmmm admin unlock`
// (same configuration as `npm start`). The service layer is loaded only by the tasks that use it.
import { backupDatabase, connectDatabase, migrateToLatest, restoreDatabase, type Database } from '@cmmm/db';
import { readEnv } from './env.ts';
import { clearFailedLogins, findAccountByUsername } from './repositories/accounts.ts';
import { appendAuditEvent, verifyAuditChain } from './repositories/audit-events.ts';
import { findEnterpriseById } from './repositories/enterprises.ts';
import { clearCountersWithPrefix } from './repositories/rate-limits.ts';

export { EnvError } from './env.ts';
export { BackupError, DatabaseLockedError } from '@cmmm/db';
export type { BackupSummary, RestoreSummary } from '@cmmm/db';
export type { AuditChainReport } from './repositories/audit-events.ts';

/** An expected failure of a task: a stable code and a Chinese message. */
export class TaskError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TaskError';
  }
}

/**
 * Opens the configured database, runs the task, closes it. A new embedded database starts from the
 * pre-initialised image, except for `cmmm db migrate`, which applies (and names) every migration itself.
 */
async function withDatabase<T>(task: (database: Database) => Promise<T>, fromImage = true): Promise<T> {
  const env = readEnv();
  const database = await connectDatabase({ dataDir: env.dataDir, databaseUrl: env.databaseUrl, fromImage });
  try {
    return await task(database);
  } finally {
    await database.close();
  }
}

/** Opens the configured database, brings it to the latest migration, runs the task. */
const withMigratedDatabase = <T>(task: (database: Database) => Promise<T>) =>
  withDatabase(async (d) => {
    await migrateToLatest(d.db);
    return task(d);
  });

const quiet = { info: () => {}, warn: () => {} };
async function contextFor(database: Database) {
  const { serviceContext } = await import('./context.ts');
  return serviceContext(database, quiet);
}

export const migratePlatform = () => withDatabase((d) => migrateToLatest(d.db), false);

export const seedDemo = (enterprises: number, onProgress?: (done: number, total: number) => void) =>
  withMigratedDatabase(async (d) => {
    const { seedDemoData } = await import('./services/platform/demo-data.ts');
    return seedDemoData(await contextFor(d), { enterprises, onProgress });
  });

export const clearDemo = () =>
  withMigratedDatabase(async (d) => {
    const { clearDemoData } = await import('./services/platform/demo-data.ts');
    return clearDemoData(await contextFor(d));
  });

/** Writes a portable backup of the whole database to file (see @cmmm/db backup.ts). */
export const backupPlatform = (file: string) => withDatabase((d) => backupDatabase(d.db, file));

/** Replaces the database's content with the backup's, in one transaction. */
export const restorePlatform = (file: string) => withDatabase((d) => restoreDatabase(d.db, file));

/** Checks every event of the audit trail against its hash and its predecessor. */
export const verifyAuditTrail = () => withMigratedDatabase((d) => verifyAuditChain(d.db));

export interface UnlockOutcome {
  accountId: string;
  username: string;
  /** What the account held before. */
  lockedUntil: Date | null;
  failedLogins: number;
  /** Login rate-limit counters removed (the account's and its per-address ones). */
  counters: number;
}

/**
 * Lifts the login lock-out of an account: its locked_until and failed_logins, and every `login:<id>…`
 * counter. Recorded in the audit trail as done by the operator (no actor).
 */
export const unlockAccount = (username: string) =>
  withMigratedDatabase((d) =>
    d.db.transaction().execute(async (trx): Promise<UnlockOutcome> => {
      const name = username.trim().toLowerCase();
      const account = await findAccountByUsername(trx, name);
      if (!account) throw new TaskError('ACCOUNT_NOT_FOUND', `没有用户名为「${name}」的账户`);
      await clearFailedLogins(trx, account.id);
      const counters = await clearCountersWithPrefix(trx, `login:${account.id}`);
      const enterprise = account.enterprise_id ? await findEnterpriseById(trx, account.enterprise_id) : undefined;
      const before = { lockedUntil: account.locked_until, failedLogins: account.failed_logins };
      await appendAuditEvent(trx, {
        at: new Date(),
        action: 'account.unlocked',
        subjectType: 'account',
        subjectId: account.id,
        enterpriseId: enterprise?.id ?? null,
        regionCode: enterprise?.region_code ?? null,
        summary: { via: 'cli', before, countersCleared: counters },
      });
      return { accountId: account.id, username: account.username, ...before, counters };
    }),
  );
