// The audit trail's hash chain: appends, reading with filters and pages, and verification that finds
// an edited row at that row and a deleted one at the next, on both databases.
import { randomUUID } from 'node:crypto';
import { sql } from '@cmmm/db';
import { testDatabases } from '@cmmm/db/testing';
import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from './harness.ts';
import { auditHash, canonicalAuditText, GENESIS_HASH, type AuditFields } from '../src/audit/chain.ts';
import { appendAuditEvent, listAuditEvents, verifyAuditChain, type AuditEventInput } from '../src/repositories/audit-events.ts';

const T0 = new Date('2026-11-21T08:00:00.123Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

const fields = (overrides: Partial<AuditFields> = {}): AuditFields => ({
  at: T0,
  actorId: null,
  actorRole: null,
  action: 'account.created',
  subjectType: 'account',
  subjectId: 'a1',
  enterpriseId: null,
  regionCode: null,
  summary: {},
  requestId: null,
  ...overrides,
});

describe('the chain (pure)', () => {
  it('serialises with sorted keys at every depth and Dates as ISO strings', () => {
    const text = canonicalAuditText(GENESIS_HASH, fields({ summary: { b: 1, a: { d: [1, { f: true, e: null }], c: 'x' } } }));
    expect(text).toContain('"summary":{"a":{"c":"x","d":[1,{"e":null,"f":true}]},"b":1}');
    expect(text).toContain('"at":"2026-11-21T08:00:00.123Z"');
    expect(Object.keys(JSON.parse(text))).toEqual([...Object.keys(JSON.parse(text))].sort());
    expect(auditHash(GENESIS_HASH, fields({ summary: { b: 1, a: 2 } }))).toBe(auditHash(GENESIS_HASH, fields({ summary: { a: 2, b: 1 } })));
  });

  it('hashes every field and the previous hash', () => {
    const base = auditHash(GENESIS_HASH, fields());
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash('1'.repeat(64), fields())).not.toBe(base);
    expect(auditHash(GENESIS_HASH, fields({ at: new Date(T0.getTime() + 1) }))).not.toBe(base);
    expect(auditHash(GENESIS_HASH, fields({ summary: { x: 1 } }))).not.toBe(base);
    expect(auditHash(GENESIS_HASH, fields({ requestId: 'r' }))).not.toBe(base);
  });
});

describe.each(testDatabases)('$name', ({ openMigrated }) => {
  const database = useMigratedDatabase(openMigrated, sql`truncate audit_event restart identity`);

  const append = (event: Partial<AuditEventInput> = {}) =>
    database.db.transaction().execute((trx) =>
      appendAuditEvent(trx, { at: T0, action: 'account.created', subjectType: 'account', subjectId: 'a1', ...event }),
    );

  async function appendFive() {
    const rows = [];
    for (let i = 0; i < 5; i++) rows.push(await append({ at: minutes(i), summary: { i, after: { name: `n${i}` }, when: minutes(i) } }));
    return rows;
  }

  it('chains appended events and verifies a clean trail', async () => {
    const rows = await appendFive();
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[2]!.summary).toEqual({ i: 2, after: { name: 'n2' }, when: minutes(2).toISOString() });
    expect(await verifyAuditChain(database.db)).toEqual({ checked: 5, firstBroken: null });
    expect(await verifyAuditChain(database.db, 2)).toEqual({ checked: 5, firstBroken: null });
    expect(await verifyAuditChain(database.db, 5)).toEqual({ checked: 5, firstBroken: null });
  });

  it('verifies an empty trail', async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ checked: 0, firstBroken: null });
  });

  it('finds an edited summary at that row', async () => {
    const rows = await appendFive();
    await sql`update audit_event set summary = '{"i": 2, "after": {"name": "forged"}}' where id = ${rows[2]!.id}::bigint`.execute(database.db);
    expect(await verifyAuditChain(database.db, 2)).toEqual({ checked: 3, firstBroken: { id: rows[2]!.id, reason: 'hash_mismatch' } });
  });

  it('finds a deleted row at the next one', async () => {
    const rows = await appendFive();
    await sql`delete from audit_event where id = ${rows[2]!.id}::bigint`.execute(database.db);
    expect(await verifyAuditChain(database.db)).toEqual({ checked: 3, firstBroken: { id: rows[3]!.id, reason: 'broken_link' } });
  });

  it('refuses to append outside a transaction, or in one whose snapshot could be stale', async () => {
    await expect(appendAuditEvent(database.db, { at: T0, action: 'x', subjectType: 'x', subjectId: 'x' })).rejects.toThrow('inside a transaction');
    await expect(
      database.db.transaction().setIsolationLevel('repeatable read').execute((trx) => appendAuditEvent(trx, { at: T0, action: 'x', subjectType: 'x', subjectId: 'x' })),
    ).rejects.toThrow('READ COMMITTED');
    expect(await verifyAuditChain(database.db)).toEqual({ checked: 0, firstBroken: null });
  });

  it('lists by subject, actor, time and region, newest first, in keyset pages', async () => {
    const actor = randomUUID();
    await append({ at: minutes(0), subjectType: 'enterprise', subjectId: 'e1', regionCode: '320505', enterpriseId: randomUUID() });
    await append({ at: minutes(1), subjectType: 'account', subjectId: 'a1', regionCode: '320583', actorId: actor, actorRole: 'platform_admin' });
    await append({ at: minutes(2), subjectType: 'account', subjectId: 'a2', regionCode: '321002' });
    await append({ at: minutes(3), subjectType: 'account', subjectId: 'a1', regionCode: '110105', actorId: actor });
    await append({ at: minutes(4), subjectType: 'sub_platform', subjectId: '320500' });
    const ids = async (filter: Parameters<typeof listAuditEvents>[1]) => (await listAuditEvents(database.db, filter)).map((e) => e.id);

    expect(await ids({ limit: 10 })).toEqual(['5', '4', '3', '2', '1']);
    expect(await ids({ subjectType: 'account', subjectId: 'a1', limit: 10 })).toEqual(['4', '2']);
    expect(await ids({ actorId: actor, limit: 10 })).toEqual(['4', '2']);
    expect(await ids({ from: minutes(1), to: minutes(3), limit: 10 })).toEqual(['3', '2']);
    expect(await ids({ regionPrefix: '32', limit: 10 })).toEqual(['3', '2', '1']);
    expect(await ids({ regionPrefix: '3205', limit: 10 })).toEqual(['2', '1']);
    expect(await ids({ regionPrefix: '3_', limit: 10 })).toEqual([]); // taken literally
    expect(await ids({ limit: 2 })).toEqual(['5', '4']);
    expect(await ids({ before: '4', limit: 2 })).toEqual(['3', '2']);
    expect(await ids({ before: '2', limit: 2 })).toEqual(['1']);
  });

  it('chains appends of concurrent transactions in commit order', async () => {
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
    await Promise.all(
      Array.from({ length: 8 }, (_, t) =>
        database.db.transaction().execute(async (trx) => {
          await pause();
          await appendAuditEvent(trx, { at: T0, action: 'x', subjectType: 'tx', subjectId: `${t}-a` });
          await pause(); // holds the chain lock: the others wait for this commit
          await appendAuditEvent(trx, { at: T0, action: 'x', subjectType: 'tx', subjectId: `${t}-b` });
        }),
      ),
    );
    // One that rolls back leaves a gap in the ids, not a break in the chain.
    await expect(database.db.transaction().execute(async (trx) => {
      await appendAuditEvent(trx, { at: T0, action: 'x', subjectType: 'tx', subjectId: 'rolled-back' });
      throw new Error('boom');
    })).rejects.toThrow('boom');
    await append({ subjectId: 'last' });
    expect(await verifyAuditChain(database.db, 3)).toEqual({ checked: 17, firstBroken: null });
  });
});
