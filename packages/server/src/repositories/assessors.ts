// All SQL about assessors (评估人员) and their qualifications. Qualifications are only ever added and
// decided: the grade path is history (seed 002 晋级程序).
import { escapeLike, type QualificationGrade, type QualificationStatus } from '@cmmm/db';
import type { Db } from './db-types.ts';

export const findAssessor = (db: Db, id: string) => db.selectFrom('assessor').selectAll().where('id', '=', id).executeTakeFirst();

export const findAssessorsByIds = (db: Db, ids: readonly string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('assessor').selectAll().where('id', 'in', [...ids]).execute();

/** The person behind a login, if the account is an assessor's. */
export const findAssessorByAccount = (db: Db, accountId: string) => db.selectFrom('assessor').selectAll().where('account_id', '=', accountId).executeTakeFirst();

/** Every qualification of these people, oldest first. */
export const qualificationsOf = (db: Db, assessorIds: readonly string[]) =>
  assessorIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('qualification').selectAll().where('assessor_id', 'in', [...assessorIds]).orderBy('obtained_on').orderBy('created_at').execute();

/** Approved qualifications of these grades held by the people of a body (e.g. its high-maturity leads). */
export const qualificationsOfBodyPeople = (db: Db, bodyId: string, grades: readonly QualificationGrade[]) =>
  db
    .selectFrom('qualification')
    .innerJoin('assessor', 'assessor.id', 'qualification.assessor_id')
    .selectAll('qualification')
    .where('assessor.body_id', '=', bodyId)
    .where('qualification.grade', 'in', [...grades])
    .where('qualification.status', '=', 'approved')
    .execute();

export interface NewAssessor {
  id: string;
  name: string;
  mobile: string;
  bodyId?: string | null;
  enterpriseId?: string | null;
  accountId?: string | null;
  listedPublicly?: boolean;
  isDemo?: boolean;
}

export async function insertAssessor(db: Db, a: NewAssessor): Promise<void> {
  await db
    .insertInto('assessor')
    .values({
      id: a.id,
      name: a.name,
      mobile: a.mobile,
      body_id: a.bodyId ?? null,
      enterprise_id: a.enterpriseId ?? null,
      account_id: a.accountId ?? null,
      listed_publicly: a.listedPublicly ?? true,
      is_demo: a.isDemo ?? false,
    })
    .execute();
}

export interface NewQualification {
  id: string;
  assessorId: string;
  grade: QualificationGrade;
  certificateNumber: string;
  issuingBody: string;
  obtainedOn: string;
  validUntil: string;
  status: QualificationStatus;
  decidedBy?: string | null;
  decidedAt?: Date | null;
  trainingId?: string | null;
}

export async function insertQualification(db: Db, q: NewQualification): Promise<void> {
  await db
    .insertInto('qualification')
    .values({
      id: q.id,
      assessor_id: q.assessorId,
      grade: q.grade,
      certificate_number: q.certificateNumber,
      issuing_body: q.issuingBody,
      obtained_on: q.obtainedOn,
      valid_until: q.validUntil,
      status: q.status,
      decided_by: q.decidedBy ?? null,
      decided_at: q.decidedAt ?? null,
      training_id: q.trainingId ?? null,
    })
    .execute();
}

// ---- people, with what their views show

const withNames = (db: Db) =>
  db
    .selectFrom('assessor as a')
    .leftJoin('assessment_body as b', 'b.id', 'a.body_id')
    .leftJoin('enterprise as e', 'e.id', 'a.enterprise_id')
    .leftJoin('account as acc', 'acc.id', 'a.account_id');

const selectWithNames = (db: Db) =>
  withNames(db).selectAll('a').select(['b.name as body_name', 'e.name as enterprise_name', 'e.region_code as enterprise_region_code', 'acc.username as username']);

/** One person with the names of their body, enterprise and login. */
export const findAssessorWithNames = (db: Db, id: string) => selectWithNames(db).where('a.id', '=', id).executeTakeFirst();

/** The person behind a login, with the names of their body, enterprise and login. */
export const findAssessorWithNamesByAccount = (db: Db, accountId: string) => selectWithNames(db).where('a.account_id', '=', accountId).executeTakeFirst();

export type AssessorWithNames = NonNullable<Awaited<ReturnType<typeof findAssessorWithNames>>>;

export interface AssessorFilter {
  /** Only this body's people. */
  bodyId?: string;
  /** Only this enterprise's internal assessors. */
  enterpriseId?: string;
  /** false: no enterprise's internal assessors. */
  internal?: false;
  /** Name or a certificate number, contains. */
  q?: string;
  /** Holds an approved qualification of this grade (or of one of these) valid on `day`. */
  grade?: QualificationGrade;
  anyGrade?: readonly QualificationGrade[];
  /** Only people who chose to be listed in 信息查询. */
  listedPublicly?: true;
  day: string;
  /** Has a qualification waiting for a decision. */
  pending?: boolean;
  limit: number;
  offset: number;
}

/** People matching every part of the filter, newest first; one page and the total. */
export async function listAssessors(db: Db, f: AssessorFilter): Promise<{ rows: AssessorWithNames[]; total: number }> {
  let query = withNames(db);
  if (f.bodyId !== undefined) query = query.where('a.body_id', '=', f.bodyId);
  if (f.enterpriseId !== undefined) query = query.where('a.enterprise_id', '=', f.enterpriseId);
  if (f.internal === false) query = query.where('a.enterprise_id', 'is', null);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('a.name', 'ilike', like),
        eb.exists(eb.selectFrom('qualification as q').select('q.id').whereRef('q.assessor_id', '=', 'a.id').where('q.certificate_number', 'ilike', like)),
      ]),
    );
  }
  if (f.listedPublicly) query = query.where('a.listed_publicly', '=', true);
  for (const grades of [f.grade ? [f.grade] : null, f.anyGrade ?? null]) {
    if (!grades || grades.length === 0) continue;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('qualification as q')
          .select('q.id')
          .whereRef('q.assessor_id', '=', 'a.id')
          .where('q.status', '=', 'approved')
          .where('q.grade', 'in', [...grades])
          .where('q.obtained_on', '<=', f.day)
          .where('q.valid_until', '>=', f.day),
      ),
    );
  }
  if (f.pending) {
    query = query.where((eb) => eb.exists(eb.selectFrom('qualification as q').select('q.id').whereRef('q.assessor_id', '=', 'a.id').where('q.status', '=', 'pending')));
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll('a')
      .select(['b.name as body_name', 'e.name as enterprise_name', 'e.region_code as enterprise_region_code', 'acc.username as username'])
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function updateAssessorFields(db: Db, id: string, patch: { name?: string; mobile?: string; listedPublicly?: boolean }): Promise<void> {
  const set = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.mobile !== undefined ? { mobile: patch.mobile } : {}),
    ...(patch.listedPublicly !== undefined ? { listed_publicly: patch.listedPublicly } : {}),
  };
  if (Object.keys(set).length) await db.updateTable('assessor').set(set).where('id', '=', id).execute();
}

// ---- qualifications

export const findQualification = (db: Db, id: string) => db.selectFrom('qualification').selectAll().where('id', '=', id).executeTakeFirst();

export const findQualificationByCertificateNumber = (db: Db, certificateNumber: string) =>
  db.selectFrom('qualification').selectAll().where('certificate_number', '=', certificateNumber).executeTakeFirst();

/** Decides a pending qualification (only the decision columns change); false when it was not pending. */
export async function decidePendingQualification(
  db: Db,
  id: string,
  decision: { status: 'approved' | 'rejected'; decidedBy: string; decidedAt: Date; rejectReason: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('qualification')
    .set({ status: decision.status, decided_by: decision.decidedBy, decided_at: decision.decidedAt, reject_reason: decision.rejectReason })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- 信息查询 (public)

/**
 * Approved qualifications of `grades` held by people listed publicly, by name; `q` matches the name,
 * the body's name or the certificate number (contains). Never the mobile.
 */
export async function listDirectoryQualifications(db: Db, f: { q?: string; grades: readonly QualificationGrade[]; limit: number; offset: number }) {
  let query = db
    .selectFrom('qualification as q')
    .innerJoin('assessor as a', 'a.id', 'q.assessor_id')
    .leftJoin('assessment_body as b', 'b.id', 'a.body_id')
    .where('a.listed_publicly', '=', true)
    .where('q.status', '=', 'approved')
    .where('q.grade', 'in', [...f.grades]);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    query = query.where((eb) => eb.or([eb('a.name', 'ilike', like), eb('b.name', 'ilike', like), eb('q.certificate_number', 'ilike', like)]));
  }
  const [rows, count] = await Promise.all([
    query
      .select(['a.name', 'q.grade', 'b.name as body_name', 'q.certificate_number', 'q.obtained_on', 'q.valid_until', 'q.status'])
      .orderBy('a.name')
      .orderBy('a.id')
      .orderBy('q.obtained_on')
      .orderBy('q.created_at')
      .orderBy('q.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

// ---- demo data

/**
 * The demo people and the demo courses, in the order their references allow: participations, the
 * people's qualifications (they may name a demo course), the courses, the people. A demo person on a
 * formal assessment's team (a real enterprise may have applied to a demo body) stays, and so does a
 * demo course a remaining qualification came from, with its trainer.
 */
export async function deleteDemoAssessorsAndCourses(db: Db): Promise<{ assessors: number; trainingCourses: number }> {
  const leaving = db
    .selectFrom('assessor as a')
    .select('a.id')
    .where('a.is_demo', '=', true)
    .where(({ exists, not, selectFrom, or }) =>
      not(
        or([
          exists(selectFrom('team_member as t').select('t.assessor_id').whereRef('t.assessor_id', '=', 'a.id')),
          exists(
            selectFrom('formal_assessment as f')
              .select('f.id')
              .where((eb) => eb.or([eb('f.lead_assessor_id', '=', eb.ref('a.id')), eb('f.internal_assessor_id', '=', eb.ref('a.id'))])),
          ),
        ]),
      ),
    );
  const people = (await leaving.execute()).map((r) => r.id);
  if (people.length) {
    await db.deleteFrom('training_participant').where('assessor_id', 'in', people).execute();
    await db.deleteFrom('qualification').where('assessor_id', 'in', people).execute();
  }
  const courses = await db
    .deleteFrom('training_course as c')
    .where('c.is_demo', '=', true)
    .where(({ exists, not, selectFrom }) => not(exists(selectFrom('qualification as q').select('q.id').whereRef('q.training_id', '=', 'c.id'))))
    .executeTakeFirst();
  const gone = people.length
    ? await db
        .deleteFrom('assessor as a')
        .where('a.id', 'in', people)
        .where(({ exists, not, selectFrom }) => not(exists(selectFrom('training_course as c').select('c.id').whereRef('c.trainer_id', '=', 'a.id'))))
        .executeTakeFirst()
    : { numDeletedRows: 0n };
  return { assessors: Number(gone.numDeletedRows), trainingCourses: Number(courses.numDeletedRows) };
}
