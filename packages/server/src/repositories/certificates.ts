// All SQL about certificates of conformity an enterprise holds.
import { escapeLike, type CertificateStatus } from '@cmmm/db';
import { sql } from 'kysely';
import type { Db } from './db-types.ts';

export const certificatesOfEnterprise = (db: Db, enterpriseId: string) =>
  db.selectFrom('certificate').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('issued_on').execute();

export interface NewCertificate {
  id: string;
  enterpriseId: string;
  /** null for a 自定义评估's certificate, which carries `capability` instead. */
  level: number | null;
  capability?: { domainId: string; name: string; level: number }[] | null;
  certificateNumber: string;
  scope: string;
  issuedOn: string;
  validUntil: string;
  /** The formal assessment it was issued for, and that assessment's body (certificates the platform issues). */
  assessmentId?: string | null;
  bodyId?: string | null;
  isDemo?: boolean;
}

export async function insertCertificate(db: Db, c: NewCertificate): Promise<void> {
  await db
    .insertInto('certificate')
    .values({
      id: c.id,
      enterprise_id: c.enterpriseId,
      region_code: sql<string>`(select region_code from enterprise where id = ${c.enterpriseId})`, // where it was issued, counted by 获证企业
      level: c.level,
      capability: c.capability ? JSON.stringify(c.capability) : null,
      certificate_number: c.certificateNumber,
      scope: c.scope,
      issued_on: c.issuedOn,
      valid_until: c.validUntil,
      assessment_id: c.assessmentId ?? null,
      body_id: c.bodyId ?? null,
      is_demo: c.isDemo ?? false,
    })
    .execute();
}

export const findCertificateByNumber = (db: Db, certificateNumber: string) =>
  db.selectFrom('certificate').selectAll().where('certificate_number', '=', certificateNumber).executeTakeFirst();

export const findCertificate = (db: Db, id: string) => db.selectFrom('certificate').selectAll().where('id', '=', id).executeTakeFirst();

// ---- the certificates' list and their status after issue (reviewers and the platform admin)

export interface CertificateListFilter {
  /** Part of the number or of the enterprise's name. */
  text?: string;
  /** A whole credit code (upper case). */
  creditCode?: string;
  status?: CertificateStatus;
}

function listedCertificates(db: Db, f: CertificateListFilter) {
  let q = db.selectFrom('certificate as c').innerJoin('enterprise as e', 'e.id', 'c.enterprise_id');
  if (f.text !== undefined) {
    const pattern = `%${escapeLike(f.text)}%`;
    q = q.where((eb) => eb.or([eb('c.certificate_number', 'ilike', pattern), eb('e.name', 'ilike', pattern)]));
  }
  if (f.creditCode !== undefined) q = q.where('e.credit_code', '=', f.creditCode);
  if (f.status !== undefined) q = q.where('c.status', '=', f.status);
  return q;
}

/** One page of certificates with their enterprise, newest first, and how many match. */
export async function listCertificates(db: Db, f: CertificateListFilter, page: { limit: number; offset: number }) {
  const [rows, count] = await Promise.all([
    listedCertificates(db, f)
      .selectAll('c')
      .select(['e.name as enterprise_name', 'e.credit_code as enterprise_credit_code'])
      .orderBy('c.issued_on', 'desc')
      .orderBy('c.certificate_number')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    listedCertificates(db, f)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * Moves a certificate from the status it was read with to another, recording why: the WHERE on the old
 * status makes a concurrent change (another reviewer, the daily expiry) lose instead of overwrite.
 * Returns false when the status had moved.
 */
export async function changeCertificateStatus(db: Db, c: { id: string; from: CertificateStatus; to: CertificateStatus; reason: string; at: Date }): Promise<boolean> {
  const updated = await db
    .updateTable('certificate')
    .set({ status: c.to, status_reason: c.reason, status_changed_at: c.at })
    .where('id', '=', c.id)
    .where('status', '=', c.from)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
