// All SQL about login sessions.
import type { Db } from './db-types.ts';

export async function insertSession(db: Db, s: { tokenHash: string; accountId: string; csrfToken: string; expiresAt: Date }): Promise<void> {
  await db.insertInto('session').values({ token_hash: s.tokenHash, account_id: s.accountId, csrf_token: s.csrfToken, expires_at: s.expiresAt }).execute();
}

const liveSession = (db: Db, tokenHash: string, now: Date) =>
  db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.account_id')
    .select(['session.token_hash', 'session.csrf_token', 'session.expires_at', 'account.id as account_id', 'account.role', 'account.enterprise_id', 'account.region_code', 'account.must_change_password'])
    .where('session.token_hash', '=', tokenHash)
    .where('session.expires_at', '>', now)
    .executeTakeFirst();

type LiveSession = NonNullable<Awaited<ReturnType<typeof liveSession>>>;

/**
 * Sessions are read on every request, so live ones are kept for a few seconds. Every change that
 * ends a session or changes its account (logout, password, role, lock) evicts here at once; another
 * server process on the same PostgreSQL sees it within CACHE_MS.
 */
const CACHE_MS = 5_000;
const cache = new Map<string, { session: LiveSession; until: number }>();

export function evictAccountSessions(accountId: string): void {
  for (const [hash, entry] of cache) if (entry.session.account_id === accountId) cache.delete(hash);
}

/** The live session with its account, or undefined. */
export async function findLiveSession(db: Db, tokenHash: string, now: Date): Promise<LiveSession | undefined> {
  const cached = cache.get(tokenHash);
  if (cached && cached.until > Date.now() && cached.session.expires_at > now) return cached.session;
  const session = await liveSession(db, tokenHash, now);
  if (session) {
    if (cache.size >= 10_000) cache.delete(cache.keys().next().value!);
    cache.set(tokenHash, { session, until: Date.now() + CACHE_MS });
  } else cache.delete(tokenHash);
  return session;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  cache.delete(tokenHash);
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfAccount(db: Db, accountId: string): Promise<void> {
  evictAccountSessions(accountId);
  await db.deleteFrom('session').where('account_id', '=', accountId).execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<=', now).execute();
}
