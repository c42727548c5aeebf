// All SQL about certificates of conformity an enterprise holds.
import type { Db } from './db-types.ts';

export const certificatesOfEnterprise = (db: Db, enterpriseId: string) =>
  db.selectFrom('certificate').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('issued_on').execute();

export interface NewCertificate {
  id: string;
  enterpriseId: string;
  level: number;
  certificateNumber: string;
  scope: string;
  issuedOn: string;
  validUntil: string;
  assessmentId?: string | null;
  isDemo?: boolean;
}

export async function insertCertificate(db: Db, c: NewCertificate): Promise<void> {
  await db
    .insertInto('certificate')
    .values({
      id: c.id,
      enterprise_id: c.enterpriseId,
      level: c.level,
      certificate_number: c.certificateNumber,
      scope: c.scope,
      issued_on: c.issuedOn,
      valid_until: c.validUntil,
      assessment_id: c.assessmentId ?? null,
      is_demo: c.isDemo ?? false,
    })
    .execute();
}

export const findCertificateByNumber = (db: Db, certificateNumber: string) =>
  db.selectFrom('certificate').selectAll().where('certificate_number', '=', certificateNumber).executeTakeFirst();

export const findCertificate = (db: Db, id: string) => db.selectFrom('certificate').selectAll().where('id', '=', id).executeTakeFirst();
