// All SQL about training courses (标准培训) and their participants.
import type { CourseType } from '@cmmm/db';
import type { Db } from './db-types.ts';

export const findTrainingCourse = (db: Db, id: string) => db.selectFrom('training_course').selectAll().where('id', '=', id).executeTakeFirst();

export interface NewTrainingCourse {
  id: string;
  courseType: CourseType;
  title: string;
  place: string;
  startsOn: string;
  endsOn: string;
  trainerId?: string | null;
  isDemo?: boolean;
}

export async function insertTrainingCourse(db: Db, c: NewTrainingCourse): Promise<void> {
  await db
    .insertInto('training_course')
    .values({
      id: c.id,
      course_type: c.courseType,
      title: c.title,
      place: c.place,
      starts_on: c.startsOn,
      ends_on: c.endsOn,
      trainer_id: c.trainerId ?? null,
      is_demo: c.isDemo ?? false,
    })
    .execute();
}

const withTrainer = (db: Db) =>
  db.selectFrom('training_course as c').leftJoin('assessor as t', 't.id', 'c.trainer_id').selectAll('c').select('t.name as trainer_name');

/** One course with its trainer's name. */
export const findTrainingCourseWithTrainer = (db: Db, id: string) => withTrainer(db).where('c.id', '=', id).executeTakeFirst();

/** Courses, latest start first; one page and the total. */
export async function listTrainingCourses(db: Db, options: { limit: number; offset: number }) {
  const [rows, count] = await Promise.all([
    withTrainer(db).orderBy('c.starts_on', 'desc').orderBy('c.created_at', 'desc').orderBy('c.id').limit(options.limit).offset(options.offset).execute(),
    db.selectFrom('training_course').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The participants of these courses, with their names and the certificate a pass brought, by name. */
export const participantsOf = (db: Db, courseIds: readonly string[]) =>
  courseIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('training_participant as p')
        .innerJoin('assessor as a', 'a.id', 'p.assessor_id')
        .leftJoin('qualification as q', 'q.id', 'p.qualification_id')
        .select(['p.course_id', 'p.assessor_id', 'p.result', 'p.qualification_id', 'a.name', 'q.certificate_number'])
        .where('p.course_id', 'in', [...courseIds])
        .orderBy('a.name')
        .orderBy('p.assessor_id')
        .execute();

export const findParticipant = (db: Db, courseId: string, assessorId: string) =>
  db.selectFrom('training_participant').selectAll().where('course_id', '=', courseId).where('assessor_id', '=', assessorId).executeTakeFirst();

/** Enrols unless already enrolled; whether a row was added. */
export async function insertParticipant(db: Db, courseId: string, assessorId: string): Promise<boolean> {
  const result = await db
    .insertInto('training_participant')
    .values({ course_id: courseId, assessor_id: assessorId })
    .onConflict((oc) => oc.columns(['course_id', 'assessor_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function setParticipantResult(db: Db, courseId: string, assessorId: string, result: 'passed' | 'failed', qualificationId: string | null): Promise<void> {
  await db
    .updateTable('training_participant')
    .set({ result, qualification_id: qualificationId })
    .where('course_id', '=', courseId)
    .where('assessor_id', '=', assessorId)
    .execute();
}

/** The participation, locked until the transaction ends (one result at a time, on every server). */
export const lockParticipant = (db: Db, courseId: string, assessorId: string) =>
  db.selectFrom('training_participant').selectAll().where('course_id', '=', courseId).where('assessor_id', '=', assessorId).forUpdate().executeTakeFirst();
