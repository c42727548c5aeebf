// All SQL about assessors (评估人员) and their qualifications. Qualifications are only ever added and
// decided: the grade path is history (seed 002 晋级程序).
import type { QualificationGrade, QualificationStatus } from '@cmmm/db';
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
