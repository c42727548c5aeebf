// All SQL about rate limit counters: fixed windows in one table, shared by every server process
// (request rate limits, login failures, SMS sends).
import { likePrefix } from '@cmmm/db';
import type { Db } from './db-types.ts';

export interface Counter {
  /** Hits in the current window, this one included. */
  hits: number;
  windowStart: Date;
  /** When the window ends (and the counter may be deleted). */
  resetAt: Date;
}

const toCounter = (row: { hits: number; window_start: Date; expires_at: Date }): Counter => ({
  hits: row.hits,
  windowStart: row.window_start,
  resetAt: row.expires_at,
});

/**
 * Counts one hit on key, in one atomic statement (concurrent hits from any process count exactly): a
 * window that started windowMs or longer ago restarts at 1, otherwise hits + 1.
 */
export async function hitCounter(db: Db, key: string, windowMs: number, now: Date): Promise<Counter> {
  const resetAt = new Date(now.getTime() + windowMs);
  const staleBefore = new Date(now.getTime() - windowMs);
  const row = await db
    .insertInto('rate_limit_counter')
    .values({ key, window_start: now, hits: 1, expires_at: resetAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const stale = eb('rate_limit_counter.window_start', '<=', staleBefore);
        return {
          window_start: eb.case().when(stale).then(eb.ref('excluded.window_start')).else(eb.ref('rate_limit_counter.window_start')).end(),
          hits: eb.case().when(stale).then(eb.lit(1)).else(eb('rate_limit_counter.hits', '+', eb.lit(1))).end(),
          expires_at: eb.case().when(stale).then(eb.ref('excluded.expires_at')).else(eb.ref('rate_limit_counter.expires_at')).end(),
        };
      }),
    )
    .returning(['hits', 'window_start', 'expires_at'])
    .executeTakeFirstOrThrow();
  return toCounter(row);
}

/** The counter of a window still open at now, without counting a hit. */
export async function peekCounter(db: Db, key: string, now: Date): Promise<Counter | undefined> {
  const row = await db
    .selectFrom('rate_limit_counter')
    .select(['hits', 'window_start', 'expires_at'])
    .where('key', '=', key)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row && toCounter(row);
}

export async function clearCounter(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rate_limit_counter').where('key', '=', key).execute();
}

/** Deletes every counter whose key starts with prefix (taken literally); returns how many. */
export async function clearCountersWithPrefix(db: Db, prefix: string): Promise<number> {
  const result = await db.deleteFrom('rate_limit_counter').where('key', 'like', likePrefix(prefix)).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes the counters of windows that ended; returns how many. */
export async function deleteExpiredCounters(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limit_counter').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
