// All SQL about login sessions.
import type { Db } from './db-types.ts';

export async function insertSession(db: Db, s: { tokenHash: string; accountId: string; csrfToken: string; expiresAt: Date }): Promise<void> {
  await db.insertInto('session').values({ token_hash: s.tokenHash, account_id: s.accountId, csrf_token: s.csrfToken, expires_at: s.expiresAt }).execute();
}

/** The live session with its account, or undefined. Read on every request: one indexed join. */
export const findLiveSession = (db: Db, tokenHash: string, now: Date) =>
  db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.account_id')
    .select(['session.token_hash', 'session.csrf_token', 'session.expires_at', 'account.id as account_id', 'account.role', 'account.enterprise_id', 'account.region_code', 'account.body_id', 'account.must_change_password', 'account.locked_until'])
    .where('session.token_hash', '=', tokenHash)
    .where('session.expires_at', '>', now)
    .executeTakeFirst();

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfAccount(db: Db, accountId: string): Promise<void> {
  await db.deleteFrom('session').where('account_id', '=', accountId).execute();
}

/** Every session of the account but one (a password change keeps the session it was made in). */
export async function deleteOtherSessionsOfAccount(db: Db, accountId: string, keepTokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('account_id', '=', accountId).where('token_hash', '!=', keepTokenHash).execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<=', now).execute();
}
