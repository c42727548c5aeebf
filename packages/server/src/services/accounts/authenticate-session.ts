// Who a request comes from: the live session of its cookie's token digest, with its account. Run by
// the session plugin before every API route (so it takes no actor: it is how the actor is found).
import type { CachedSession } from '../../caches.ts';
import type { ServiceContext } from '../../context.ts';

/** On the embedded database a session read is kept this long (changes made here evict it at once). */
const SESSION_CACHE_MS = 5_000;

/** The live session of a token digest: from the database (every server sees a revocation at once),
 *  or on the embedded database from this process's short cache, which every change here evicts. */
export async function authenticateSession(ctx: ServiceContext, tokenHash: string): Promise<CachedSession | undefined> {
  const now = ctx.now();
  const cache = ctx.caches.sessions;
  const cached = cache?.get(tokenHash);
  if (cached && cached.until > Date.now() && cached.expiresAt > now) return cached;
  const row = await ctx.repos.sessions.findLiveSession(tokenHash, now);
  if (!row || (row.locked_until && row.locked_until > now)) {
    cache?.delete(tokenHash);
    return undefined;
  }
  const session: CachedSession = {
    tokenHash,
    accountId: row.account_id,
    role: row.role,
    enterpriseId: row.enterprise_id,
    regionCode: row.region_code,
    bodyId: row.body_id,
    mustChangePassword: row.must_change_password,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    until: Date.now() + SESSION_CACHE_MS,
  };
  cache?.set(tokenHash, session);
  return session;
}

