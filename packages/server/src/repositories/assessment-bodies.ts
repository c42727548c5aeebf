// All SQL about assessment bodies (评估机构).
import { escapeLike, type QualificationGrade } from '@cmmm/db';
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

export const findAssessmentBodyByCreditCode = (db: Db, creditCode: string) =>
  db.selectFrom('assessment_body').selectAll().where('credit_code', '=', creditCode).executeTakeFirst();

export const findAssessmentBodiesByIds = (db: Db, ids: readonly string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('assessment_body').selectAll().where('id', 'in', [...ids]).execute();

/** Bodies by name or credit code (contains, case-insensitive), by name; one page and the total. */
export async function listAssessmentBodies(db: Db, options: { q?: string; limit: number; offset: number }) {
  let query = db.selectFrom('assessment_body');
  if (options.q) {
    const like = `%${escapeLike(options.q)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb('credit_code', 'ilike', like)]));
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('name').orderBy('id').limit(options.limit).offset(options.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * Per body, how many of its people hold an approved qualification of one of `grades` valid on `day`
 * ('YYYY-MM-DD'); bodies with none are absent.
 */
export async function countQualifiedPeople(db: Db, bodyIds: readonly string[], grades: readonly QualificationGrade[], day: string): Promise<Map<string, number>> {
  if (bodyIds.length === 0 || grades.length === 0) return new Map();
  const rows = await db
    .selectFrom('assessor as a')
    .innerJoin('qualification as q', 'q.assessor_id', 'a.id')
    .select(['a.body_id', (eb) => eb.fn.count<string>('a.id').distinct().as('n')])
    .where('a.body_id', 'in', [...bodyIds])
    .where('q.status', '=', 'approved')
    .where('q.grade', 'in', [...grades])
    .where('q.obtained_on', '<=', day)
    .where('q.valid_until', '>=', day)
    .groupBy('a.body_id')
    .execute();
  return new Map(rows.map((r) => [r.body_id!, Number(r.n)]));
}

export async function updateAssessmentBody(
  db: Db,
  id: string,
  patch: { name?: string; regionCode?: string; contactName?: string; contactMobile?: string; address?: string | null },
): Promise<void> {
  const set = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.regionCode !== undefined ? { region_code: patch.regionCode } : {}),
    ...(patch.contactName !== undefined ? { contact_name: patch.contactName } : {}),
    ...(patch.contactMobile !== undefined ? { contact_mobile: patch.contactMobile } : {}),
    ...(patch.address !== undefined ? { address: patch.address } : {}),
  };
  if (Object.keys(set).length) await db.updateTable('assessment_body').set(set).where('id', '=', id).execute();
}

export async function countDemoAssessmentBodies(db: Db): Promise<number> {
  const row = await db.selectFrom('assessment_body').select((eb) => eb.fn.countAll<string>().as('n')).where('is_demo', '=', true).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The demo bodies, once their demo people and accounts are gone; a body some account, person or
 * formal assessment still names (a real enterprise may have applied to it) stays.
 */
export async function deleteDemoAssessmentBodies(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('assessment_body as b')
    .where('b.is_demo', '=', true)
    .where(({ exists, not, or, selectFrom }) =>
      not(
        or([
          exists(selectFrom('account as acc').select('acc.id').whereRef('acc.body_id', '=', 'b.id')),
          exists(selectFrom('assessor as a').select('a.id').whereRef('a.body_id', '=', 'b.id')),
          exists(selectFrom('formal_assessment as f').select('f.id').whereRef('f.body_id', '=', 'b.id')),
        ]),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
