// All SQL about the audit trail: appending an event to the hash chain, reading the trail, verifying it.
import { likePrefix, type AuditEventRow } from '@cmmm/db';
import { sql } from 'kysely';
import { auditHash, GENESIS_HASH, type AuditFields } from '../audit/chain.ts';
import type { Db } from './db-types.ts';

/** Advisory lock key ("CMMMAUDI") that makes appends of concurrent transactions chain in commit order. */
const CHAIN_LOCK = '4849617367951819849';

export interface AuditEventInput {
  at: Date;
  actorId?: string | null;
  actorRole?: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  enterpriseId?: string | null;
  /** The enterprise's GB/T 2260 county code. */
  regionCode?: string | null;
  /** Short before/after; JSON values only (Dates become ISO strings). */
  summary?: Readonly<Record<string, unknown>>;
  requestId?: string | null;
}

/**
 * Appends one event, chained to the last one. Must run inside a READ COMMITTED transaction (the
 * default): the advisory lock it takes is held until commit, so the next append, from any server
 * process, reads this row as the last one. Append late in the transaction: the lock serialises appends.
 */
export async function appendAuditEvent(db: Db, event: AuditEventInput): Promise<AuditEventRow> {
  return (await appendAuditEvents(db, [event]))[0]!;
}

/** Appends several events in this order, each chained to the one before: one lock, one read, one insert. */
export async function appendAuditEvents(db: Db, events: readonly AuditEventInput[]): Promise<AuditEventRow[]> {
  if (!db.isTransaction) throw new Error('appendAuditEvent must run inside a transaction');
  if (!events.length) return [];
  const { rows } = await sql<{ isolation: string }>`
    select pg_advisory_xact_lock(${sql.lit(CHAIN_LOCK)}::bigint)::text, current_setting('transaction_isolation') as isolation
  `.execute(db);
  // A snapshot taken before the lock could miss the last committed event and fork the chain.
  if (rows[0]?.isolation !== 'read committed') throw new Error('appendAuditEvent needs a READ COMMITTED transaction');
  const last = await db.selectFrom('audit_event').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  let prevHash = last?.hash ?? GENESIS_HASH;
  const values = events.map((event) => {
    const fields: AuditFields = {
      at: event.at,
      actorId: event.actorId ?? null,
      actorRole: event.actorRole ?? null,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      enterpriseId: event.enterpriseId ?? null,
      regionCode: event.regionCode ?? null,
      // Hash what jsonb will give back: JSON values only.
      summary: JSON.parse(JSON.stringify(event.summary ?? {})) as Record<string, unknown>,
      requestId: event.requestId ?? null,
    };
    const hash = auditHash(prevHash, fields);
    const row = {
      at: fields.at,
      actor_id: fields.actorId,
      actor_role: fields.actorRole,
      action: fields.action,
      subject_type: fields.subjectType,
      subject_id: fields.subjectId,
      enterprise_id: fields.enterpriseId,
      region_code: fields.regionCode,
      summary: JSON.stringify(fields.summary),
      request_id: fields.requestId,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  // The identity follows the order of the values: the chain reads in id order.
  const inserted = await db.insertInto('audit_event').values(values).returningAll().execute();
  return inserted.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}

export interface AuditEventFilter {
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  /** Events at or after. */
  from?: Date;
  /** Events before. */
  to?: Date;
  /** Significant digits of a region's GB/T 2260 code (320500 → 3205): events of enterprises inside it. */
  regionPrefix?: string;
  /** Keyset cursor: only events with a smaller id (the last id of the previous page). */
  before?: string;
  limit: number;
}

/** Events matching the filter, newest first. */
export async function listAuditEvents(db: Db, filter: AuditEventFilter): Promise<AuditEventRow[]> {
  let query = db.selectFrom('audit_event').selectAll();
  if (filter.subjectType !== undefined) query = query.where('subject_type', '=', filter.subjectType);
  if (filter.subjectId !== undefined) query = query.where('subject_id', '=', filter.subjectId);
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  if (filter.regionPrefix !== undefined) query = query.where('region_code', 'like', likePrefix(filter.regionPrefix));
  if (filter.before !== undefined) query = query.where(sql<boolean>`id < ${filter.before}::bigint`);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}

export interface AuditChainReport {
  checked: number;
  /** The first row whose hash does not match its fields (edited), or whose prev_hash is not the previous row's hash (a row deleted or inserted before it). */
  firstBroken: null | { id: string; reason: 'hash_mismatch' | 'broken_link' };
}

/** Reads the whole trail in id order, in batches, and checks every hash and link. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<AuditChainReport> {
  let prevHash = GENESIS_HASH;
  let after: string | undefined;
  let checked = 0;
  for (;;) {
    let query = db.selectFrom('audit_event').selectAll().orderBy('id').limit(batchSize);
    if (after !== undefined) query = query.where(sql<boolean>`id > ${after}::bigint`);
    const rows = await query.execute();
    for (const row of rows) {
      checked++;
      if (row.prev_hash !== prevHash) return { checked, firstBroken: { id: row.id, reason: 'broken_link' } };
      if (row.hash !== auditHash(row.prev_hash, fieldsOf(row))) return { checked, firstBroken: { id: row.id, reason: 'hash_mismatch' } };
      prevHash = row.hash;
    }
    if (rows.length < batchSize) return { checked, firstBroken: null };
    after = rows[rows.length - 1]!.id;
  }
}

const fieldsOf = (row: AuditEventRow): AuditFields => ({
  at: row.at,
  actorId: row.actor_id,
  actorRole: row.actor_role,
  action: row.action,
  subjectType: row.subject_type,
  subjectId: row.subject_id,
  enterpriseId: row.enterprise_id,
  regionCode: row.region_code,
  summary: row.summary,
  requestId: row.request_id,
});
