// Rate limit counters shared by every server process, and known devices, on both databases.
import { randomUUID } from 'node:crypto';
import { sql } from '@cmmm/db';
import { testDatabases } from '@cmmm/db/testing';
import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from './harness.ts';
import {
  deleteKnownDevicesOfAccount,
  deleteKnownDevicesUnusedSince,
  findKnownDevice,
  insertKnownDevice,
  touchKnownDevice,
} from '../src/repositories/known-devices.ts';
import { clearCounter, clearCountersWithPrefix, deleteExpiredCounters, hitCounter, peekCounter } from '../src/repositories/rate-limits.ts';

const T0 = new Date('2026-11-21T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const WINDOW = 60_000;

describe.each(testDatabases)('$name', ({ openMigrated }) => {
  const database = useMigratedDatabase(openMigrated, sql`truncate rate_limit_counter`);

  describe('rate limit counters', () => {
    it('counts hits in a window and restarts at 1 once the window is over', async () => {
      const { db } = database;
      expect(await peekCounter(db, 'k', T0)).toBeUndefined();
      expect(await hitCounter(db, 'k', WINDOW, T0)).toEqual({ hits: 1, windowStart: T0, resetAt: at(WINDOW) });
      expect(await hitCounter(db, 'k', WINDOW, at(1_000))).toEqual({ hits: 2, windowStart: T0, resetAt: at(WINDOW) });
      expect(await hitCounter(db, 'k', WINDOW, at(WINDOW - 1))).toEqual({ hits: 3, windowStart: T0, resetAt: at(WINDOW) });
      expect(await peekCounter(db, 'k', at(WINDOW - 1))).toEqual({ hits: 3, windowStart: T0, resetAt: at(WINDOW) });
      expect(await peekCounter(db, 'k', at(WINDOW))).toBeUndefined();
      expect(await hitCounter(db, 'k', WINDOW, at(WINDOW))).toEqual({ hits: 1, windowStart: at(WINDOW), resetAt: at(2 * WINDOW) });
      expect(await hitCounter(db, 'other', WINDOW, at(WINDOW))).toMatchObject({ hits: 1 });
    });

    it('counts concurrent hits exactly', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => hitCounter(database.db, 'busy', WINDOW, T0)));
      expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect((await peekCounter(database.db, 'busy', T0))?.hits).toBe(20);
    });

    it('clears one key, keys by literal prefix, and expired windows', async () => {
      const { db } = database;
      const account = randomUUID();
      for (const key of [`login:${account}`, `login:${account}:10.0.0.1`, `login:${account}:::1`, 'login:other', 'a_%b', 'abcd']) {
        await hitCounter(db, key, WINDOW, T0);
      }
      await hitCounter(db, 'long', 10 * WINDOW, T0);
      expect(await clearCountersWithPrefix(db, `login:${account}`)).toBe(3);
      expect(await clearCountersWithPrefix(db, 'a_%')).toBe(1);
      expect(await peekCounter(db, 'abcd', T0)).toBeDefined();
      await clearCounter(db, 'abcd');
      expect(await peekCounter(db, 'abcd', T0)).toBeUndefined();
      expect(await deleteExpiredCounters(db, at(WINDOW))).toBe(1); // login:other
      expect(await peekCounter(db, 'long', at(WINDOW))).toMatchObject({ hits: 1 });
      expect(await deleteExpiredCounters(db, at(10 * WINDOW))).toBe(1);
    });
  });

  describe('known devices', () => {
    it('finds a device only with its account, touches it, and forgets the account’s devices', async () => {
      const { db } = database;
      const account = async () => {
        const id = randomUUID();
        await db.insertInto('account').values({ id, username: id, password_hash: 'x', display_name: 'x', mobile: null, role: 'platform_admin' }).execute();
        return id;
      };
      const [a, b] = [await account(), await account()];
      await insertKnownDevice(db, { tokenHash: 'h1', accountId: a, at: T0 });
      await insertKnownDevice(db, { tokenHash: 'h2', accountId: a, at: T0 });
      await insertKnownDevice(db, { tokenHash: 'h3', accountId: b, at: T0 });
      expect(await findKnownDevice(db, 'h1', a)).toEqual({ token_hash: 'h1', account_id: a, created_at: T0, last_used_at: T0 });
      expect(await findKnownDevice(db, 'h1', b)).toBeUndefined();
      await touchKnownDevice(db, 'h1', at(5_000));
      expect((await findKnownDevice(db, 'h1', a))?.last_used_at).toEqual(at(5_000));
      expect(await deleteKnownDevicesUnusedSince(db, at(1))).toBe(2); // h2, h3
      expect(await deleteKnownDevicesOfAccount(db, a)).toBe(1);
      await insertKnownDevice(db, { tokenHash: 'h4', accountId: b, at: T0 });
      await db.deleteFrom('account').where('id', '=', b).execute(); // cascades
      expect(await findKnownDevice(db, 'h4', b)).toBeUndefined();
    });
  });
});
