// All SQL about self-diagnoses (assessment rows of kind self_diagnosis), their answers and levels.
import type { Survey } from '@cmmm/contract';
import type { AssessmentRow, Grade } from '@cmmm/db';
import type { EnterpriseType, ScoreResult } from '@cmmm/model';
import { sql } from 'kysely';
import type { Db } from './db-types.ts';

export async function insertSelfDiagnosis(
  db: Db,
  d: { id: string; enterpriseId: string; editionId: string; enterpriseType: EnterpriseType; tailored: string[]; createdAt: Date },
): Promise<void> {
  await db
    .insertInto('assessment')
    .values({
      id: d.id,
      enterprise_id: d.enterpriseId,
      kind: 'self_diagnosis',
      edition_id: d.editionId,
      enterprise_type: d.enterpriseType,
      tailored: JSON.stringify(d.tailored),
      status: 'draft',
      current_level: 1,
      created_at: d.createdAt,
    })
    .execute();
}

export const findSelfDiagnosis = (db: Db, id: string) =>
  db.selectFrom('assessment').selectAll().where('id', '=', id).where('kind', '=', 'self_diagnosis').executeTakeFirst();

/** The row, locked until the transaction ends (submitting a level, saving the survey). */
export const lockSelfDiagnosis = (db: Db, id: string) =>
  db.selectFrom('assessment').selectAll().where('id', '=', id).where('kind', '=', 'self_diagnosis').forUpdate().executeTakeFirst();

export const listSelfDiagnoses = (db: Db, enterpriseId: string) =>
  db.selectFrom('assessment').selectAll().where('enterprise_id', '=', enterpriseId).where('kind', '=', 'self_diagnosis').orderBy('created_at', 'desc').execute();

export async function countSelfDiagnosesSince(db: Db, enterpriseId: string, from: Date, to: Date): Promise<number> {
  const row = await db
    .selectFrom('assessment')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('enterprise_id', '=', enterpriseId)
    .where('kind', '=', 'self_diagnosis')
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function saveSurvey(db: Db, id: string, survey: Survey): Promise<void> {
  await db.updateTable('assessment').set({ survey: JSON.stringify(survey), status: 'answering' }).where('id', '=', id).execute();
}

/**
 * Saves one answer if, at that moment, the diagnosis is being answered at this requirement's level
 * by this enterprise — one statement. Where transactions run concurrently (a PostgreSQL server) it
 * waits FOR SHARE on the row a level submission holds FOR UPDATE and re-checks, so it cannot slip
 * into a level just submitted; the embedded database runs one transaction at a time, so there the
 * lock (which halves the statement's speed) is not needed. Returns false when nothing was saved.
 */
export interface AnswerToSave {
  assessmentId: string;
  /** The saver's own enterprise: an answer goes only into its diagnoses. */
  enterpriseId: string;
  requirementId: string;
  /** The requirement's level: saved only while it is the diagnosis's level being answered. */
  level: number;
  grade: Grade;
  at: Date;
}

/**
 * Autosaves in one statement: each saved only while its diagnosis is being answered at its level, as
 * the database sees it when the statement runs (a submission committed before refuses it, one after
 * scores it). Returns `assessmentId requirementId` of those saved. No two may be of the same diagnosis
 * and requirement (one statement changes a row once). `concurrent`: share-lock the diagnoses, so a
 * submission on another connection waits for this statement.
 */
export async function saveAnswersIfOpen(db: Db, answers: readonly AnswerToSave[], concurrent: boolean): Promise<Set<string>> {
  const input = JSON.stringify(answers.map((a) => ({ assessment_id: a.assessmentId, enterprise_id: a.enterpriseId, requirement_id: a.requirementId, level: a.level, grade: a.grade, at: a.at.toISOString() })));
  const { rows } = await sql<{ assessment_id: string; requirement_id: string }>`
    insert into assessment_answer (assessment_id, requirement_id, grade, updated_at)
    select a.id, x.requirement_id, x.grade, x.at
      from jsonb_to_recordset(${input}::jsonb) as x(assessment_id uuid, enterprise_id uuid, requirement_id text, level int, grade text, at timestamptz)
      join assessment a on a.id = x.assessment_id and a.enterprise_id = x.enterprise_id and a.status = 'answering' and a.current_level = x.level
       ${concurrent ? sql`for share of a` : sql``}
    on conflict (assessment_id, requirement_id) do update set grade = excluded.grade, updated_at = excluded.updated_at
    returning assessment_id, requirement_id`.execute(db);
  return new Set(rows.map((r) => `${r.assessment_id} ${r.requirement_id}`));
}

export async function upsertAnswers(db: Db, assessmentId: string, answers: readonly { requirementId: string; grade: Grade }[], at: Date): Promise<void> {
  if (!answers.length) return;
  await db
    .insertInto('assessment_answer')
    .values(answers.map((x) => ({ assessment_id: assessmentId, requirement_id: x.requirementId, grade: x.grade, updated_at: at })))
    .onConflict((oc) => oc.columns(['assessment_id', 'requirement_id']).doUpdateSet((eb) => ({ grade: eb.ref('excluded.grade'), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}

/** The diagnosis's answers; a bulk demo diagnosis (no answer rows of its own) reads its template's. */
export async function listAnswers(db: Db, assessmentId: string): Promise<Record<string, Grade>> {
  const rows = await db.selectFrom('assessment_answer').select(['requirement_id', 'grade']).where('assessment_id', '=', assessmentId).execute();
  if (rows.length) return Object.fromEntries(rows.map((r) => [r.requirement_id, r.grade]));
  const template = await db
    .selectFrom('assessment')
    .innerJoin('demo_diagnosis_template as t', 't.id', 'assessment.demo_template_id')
    .select('t.answers')
    .where('assessment.id', '=', assessmentId)
    .executeTakeFirst();
  return template?.answers ?? {};
}

export const listLevelOutcomes = (db: Db, assessmentId: string) =>
  db.selectFrom('assessment_level').selectAll().where('assessment_id', '=', assessmentId).orderBy('level').execute();

export async function recordLevelOutcome(db: Db, o: { assessmentId: string; level: number; score: number; reached: boolean; at: Date }): Promise<void> {
  await db.insertInto('assessment_level').values({ assessment_id: o.assessmentId, level: o.level, score: o.score, reached: o.reached, submitted_at: o.at }).execute();
}

export async function openNextLevel(db: Db, id: string, level: number): Promise<void> {
  await db.updateTable('assessment').set({ current_level: level }).where('id', '=', id).execute();
}

export async function completeSelfDiagnosis(db: Db, id: string, result: ScoreResult, at: Date, reportNumber: string): Promise<void> {
  await db
    .updateTable('assessment')
    .set({ status: 'completed', level: result.level, total_score: result.totalScore, result: JSON.stringify(result), completed_at: at, report_number: reportNumber })
    .where('id', '=', id)
    .execute();
}

export const findByReportNumber = (db: Db, reportNumber: string) =>
  db
    .selectFrom('assessment')
    .innerJoin('enterprise', 'enterprise.id', 'assessment.enterprise_id')
    .select(['assessment.id', 'assessment.level', 'assessment.total_score', 'assessment.completed_at', 'assessment.edition_id', 'enterprise.name', 'enterprise.credit_code', 'assessment.report_number'])
    .where('assessment.report_number', '=', reportNumber)
    .where('assessment.status', '=', 'completed')
    .executeTakeFirst();

export type SelfDiagnosisRow = AssessmentRow;
