// The audit trail's hash chain (pure): each event's hash is SHA-256 over a canonical serialisation of
// its fields and the previous event's hash, so editing a row breaks its own hash and deleting or
// inserting one breaks the next row's link. The id is not hashed (it is the database's), prev_hash is.
import { createHash } from 'node:crypto';

/** prev_hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hashed fields of an event, as stored (summary as it reads back from jsonb). */
export interface AuditFields {
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  enterpriseId: string | null;
  regionCode: string | null;
  summary: Readonly<Record<string, unknown>>;
  requestId: string | null;
}

/**
 * Canonical JSON of the fields and the previous hash: object keys sorted at every depth, Dates as ISO
 * strings, undefined members left out (as JSON and jsonb do).
 */
export function canonicalAuditText(prevHash: string, fields: AuditFields): string {
  return canonicalJson({
    action: fields.action,
    actor_id: fields.actorId,
    actor_role: fields.actorRole,
    at: fields.at,
    enterprise_id: fields.enterpriseId,
    prev_hash: prevHash,
    region_code: fields.regionCode,
    request_id: fields.requestId,
    subject_id: fields.subjectId,
    subject_type: fields.subjectType,
    summary: fields.summary,
  });
}

/** SHA-256 (hex) of the canonical text: the event's hash. */
export function auditHash(prevHash: string, fields: AuditFields): string {
  return createHash('sha256').update(canonicalAuditText(prevHash, fields), 'utf8').digest('hex');
}

function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON(): unknown }).toJSON());
    const members = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
