// All SQL about certificates of conformity an enterprise holds.
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
