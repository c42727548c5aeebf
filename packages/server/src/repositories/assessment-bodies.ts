// All SQL about assessment bodies (评估机构).
import type { Db } from './db-types.ts';

export const findAssessmentBody = (db: Db, id: string) => db.selectFrom('assessment_body').selectAll().where('id', '=', id).executeTakeFirst();

export interface NewAssessmentBody {
  id: string;
  name: string;
  creditCode: string;
  regionCode: string;
  contactName: string;
  contactMobile: string;
  address?: string | null;
  isDemo?: boolean;
}

export async function insertAssessmentBody(db: Db, b: NewAssessmentBody): Promise<void> {
  await db
    .insertInto('assessment_body')
    .values({
      id: b.id,
      name: b.name,
      credit_code: b.creditCode,
      region_code: b.regionCode,
      contact_name: b.contactName,
      contact_mobile: b.contactMobile,
      address: b.address ?? null,
      is_demo: b.isDemo ?? false,
    })
    .execute();
}
