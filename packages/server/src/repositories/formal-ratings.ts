// 正式评估 on site: the first meeting, evidence and its files, each assessor's ratings and their
// submission, the consensus (组内一致意见) and the per-domain summaries.
import type { EvidenceMethod, RatedGradeColumn } from '@cmmm/db';
import { sql } from 'kysely';
import type { Db } from './db-types.ts';

// ---- 首次会议

export const findFirstMeeting = (db: Db, assessmentId: string) => db.selectFrom('first_meeting').selectAll().where('assessment_id', '=', assessmentId).executeTakeFirst();

export async function saveFirstMeeting(db: Db, m: { assessmentId: string; heldOn: string; attendees: string; planConfirmed: boolean; agreedItems: string; by: string; at: Date }): Promise<void> {
  const values = { held_on: m.heldOn, attendees: m.attendees, plan_confirmed: m.planConfirmed, agreed_items: m.agreedItems, recorded_by: m.by, recorded_at: m.at };
  await db
    .insertInto('first_meeting')
    .values({ assessment_id: m.assessmentId, ...values })
    .onConflict((oc) => oc.column('assessment_id').doUpdateSet(values))
    .execute();
}

// ---- evidence and files

export async function insertEvidence(
  db: Db,
  e: { id: string; assessmentId: string; requirementId: string; method: EvidenceMethod; source: string; collectedOn: string; note: string; by: string; at: Date },
): Promise<void> {
  await db
    .insertInto('evidence')
    .values({ id: e.id, assessment_id: e.assessmentId, requirement_id: e.requirementId, method: e.method, source: e.source, collected_on: e.collectedOn, note: e.note, created_by: e.by, created_at: e.at })
    .execute();
}

export const findEvidence = (db: Db, assessmentId: string, evidenceId: string) =>
  db.selectFrom('evidence').selectAll().where('assessment_id', '=', assessmentId).where('id', '=', evidenceId).executeTakeFirst();

/** Evidence of an assessment (or of one requirement), oldest first. */
export function listEvidence(db: Db, assessmentId: string, requirementId?: string) {
  let q = db.selectFrom('evidence').selectAll().where('assessment_id', '=', assessmentId);
  if (requirementId) q = q.where('requirement_id', '=', requirementId);
  return q.orderBy('created_at').orderBy('id').execute();
}

/** How many pieces of evidence each requirement has. */
export async function countEvidenceByRequirement(db: Db, assessmentId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('evidence')
    .select(['requirement_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('assessment_id', '=', assessmentId)
    .groupBy('requirement_id')
    .execute();
  return new Map(rows.map((r) => [r.requirement_id, Number(r.n)]));
}

/** Records a stored content once (content-addressed: the same bytes are one row). */
export async function ensureBlob(db: Db, b: { sha256: string; size: number; mediaType: string; at: Date }): Promise<void> {
  await db
    .insertInto('blob')
    .values({ sha256: b.sha256, size: b.size, media_type: b.mediaType, created_at: b.at })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** Attaches a content to a piece of evidence; false when it was already attached (a duplicate). */
export async function attachFile(db: Db, f: { id: string; evidenceId: string; sha256: string; fileName: string; by: string; at: Date }): Promise<boolean> {
  const inserted = await db
    .insertInto('evidence_file')
    .values({ id: f.id, evidence_id: f.evidenceId, sha256: f.sha256, file_name: f.fileName, uploaded_by: f.by, uploaded_at: f.at })
    .onConflict((oc) => oc.columns(['evidence_id', 'sha256']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!inserted;
}

const filesQuery = (db: Db) =>
  db
    .selectFrom('evidence_file')
    .innerJoin('blob', 'blob.sha256', 'evidence_file.sha256')
    .innerJoin('evidence', 'evidence.id', 'evidence_file.evidence_id')
    .select(['evidence_file.id', 'evidence_file.evidence_id', 'evidence_file.sha256', 'evidence_file.file_name', 'evidence_file.uploaded_at', 'evidence_file.uploaded_by', 'blob.size', 'blob.media_type', 'evidence.assessment_id']);

export const listFilesOfAssessment = (db: Db, assessmentId: string) =>
  filesQuery(db).where('evidence.assessment_id', '=', assessmentId).orderBy('evidence_file.uploaded_at').orderBy('evidence_file.id').execute();

export const findFile = (db: Db, assessmentId: string, fileId: string) =>
  filesQuery(db).where('evidence.assessment_id', '=', assessmentId).where('evidence_file.id', '=', fileId).executeTakeFirst();

export const findFileOfEvidence = (db: Db, evidenceId: string, sha256: string) =>
  filesQuery(db).where('evidence_file.evidence_id', '=', evidenceId).where('evidence_file.sha256', '=', sha256).executeTakeFirst();

export type EvidenceFileRecord = NonNullable<Awaited<ReturnType<typeof findFile>>>;

/** Detaches a file from its evidence; false when it was gone already. */
export async function deleteFile(db: Db, fileId: string): Promise<boolean> {
  const deleted = await db.deleteFrom('evidence_file').where('id', '=', fileId).executeTakeFirst();
  return Number(deleted.numDeletedRows) === 1;
}

/** Forgets a content no evidence file references any more; true when this call removed its row. */
export async function deleteUnreferencedBlob(db: Db, sha256: string): Promise<boolean> {
  const deleted = await db
    .deleteFrom('blob')
    .where('sha256', '=', sha256)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('evidence_file').select('evidence_file.id').where('evidence_file.sha256', '=', sha256))))
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) === 1;
}

// ---- ratings

export const listRatings = (db: Db, assessmentId: string) =>
  db.selectFrom('rating').selectAll().where('assessment_id', '=', assessmentId).orderBy('requirement_id').orderBy('assessor_id').execute();

/** One rating as the working sheet shows it. */
export interface SheetRating {
  assessor_id: string;
  requirement_id: string;
  grade: RatedGradeColumn;
  note: string | null;
}

/** One consensus as the working sheet shows it. */
export interface SheetConsensus {
  requirement_id: string;
  grade: RatedGradeColumn;
  note: string;
  finding: string | null;
  updated_at: Date;
}

/**
 * The working sheet's bulk rows in one round trip: every rating (by requirement, then assessor), every
 * consensus (by requirement) and the evidence count per requirement. Each table comes back aggregated to
 * one JSON value in the database: a 五级 sheet of three raters has ~1,500 ratings, and decoding them row
 * by row, field by field, cost several times the query itself (`npm run bench -- formal`).
 */
export async function readSheetRows(db: Db, assessmentId: string): Promise<{ ratings: SheetRating[]; consensus: SheetConsensus[]; evidence: Map<string, number> }> {
  const { rows } = await sql<{ ratings: [string, string, RatedGradeColumn, string | null][]; consensus: [string, RatedGradeColumn, string, string | null, string][]; evidence: Record<string, number> }>`
    select
      (select coalesce(json_agg(json_build_array(r.assessor_id, r.requirement_id, r.grade, r.note) order by r.requirement_id, r.assessor_id), '[]'::json)
         from rating r where r.assessment_id = ${assessmentId}) as ratings,
      (select coalesce(json_agg(json_build_array(c.requirement_id, c.grade, c.note, c.finding, c.updated_at) order by c.requirement_id), '[]'::json)
         from consensus_rating c where c.assessment_id = ${assessmentId}) as consensus,
      (select coalesce(json_object_agg(e.requirement_id, e.n), '{}'::json)
         from (select requirement_id, count(*) as n from evidence where assessment_id = ${assessmentId} group by requirement_id) e) as evidence
  `.execute(db);
  const row = rows[0]!;
  return {
    ratings: row.ratings.map(([assessor_id, requirement_id, grade, note]) => ({ assessor_id, requirement_id, grade, note })),
    consensus: row.consensus.map(([requirement_id, grade, note, finding, at]) => ({ requirement_id, grade, note, finding, updated_at: new Date(at) })),
    evidence: new Map(Object.entries(row.evidence).map(([id, n]) => [id, Number(n)])),
  };
}

export const findRating = (db: Db, assessmentId: string, assessorId: string, requirementId: string) =>
  db.selectFrom('rating').selectAll().where('assessment_id', '=', assessmentId).where('assessor_id', '=', assessorId).where('requirement_id', '=', requirementId).executeTakeFirst();

export async function saveRating(db: Db, r: { assessmentId: string; assessorId: string; requirementId: string; grade: RatedGradeColumn; note: string | null; at: Date }): Promise<void> {
  await db
    .insertInto('rating')
    .values({ assessment_id: r.assessmentId, assessor_id: r.assessorId, requirement_id: r.requirementId, grade: r.grade, note: r.note, updated_at: r.at })
    .onConflict((oc) => oc.columns(['assessment_id', 'assessor_id', 'requirement_id']).doUpdateSet({ grade: r.grade, note: r.note, updated_at: r.at }))
    .execute();
}

/** One rating to save, and what became of it. */
export interface RatingToSave {
  assessorId: string;
  requirementId: string;
  grade: RatedGradeColumn;
  note: string | null;
}

export interface RatingSaved {
  /** False when the rater has submitted: nothing written. */
  open: boolean;
  /** False when it was already this grade and note (or not open). */
  changed: boolean;
  /** What it was before. */
  before: { grade: RatedGradeColumn; note: string | null } | null;
}

/**
 * Raters' ratings of one assessment in one statement: each saved unless its rater has submitted or it
 * is already that grade and note; with what it was before. No two may be of the same rater and
 * requirement (one statement changes a row once).
 */
export async function saveRatingsIfOpen(db: Db, assessmentId: string, at: Date, ratings: readonly RatingToSave[]): Promise<RatingSaved[]> {
  const input = JSON.stringify(ratings.map((r, i) => ({ i, assessor_id: r.assessorId, requirement_id: r.requirementId, grade: r.grade, note: r.note })));
  const { rows } = await sql<{ open: boolean; changed: boolean; found: boolean; grade: RatedGradeColumn | null; note: string | null }>`
    with input as (
      select * from jsonb_to_recordset(${input}::jsonb) as x(i int, assessor_id uuid, requirement_id text, grade text, note text)
    ), before as (
      select input.i, r.grade, r.note from input
      join rating r on r.assessment_id = ${assessmentId}::uuid and r.assessor_id = input.assessor_id and r.requirement_id = input.requirement_id
    ), closed as (
      select s.assessor_id from rating_submission s where s.assessment_id = ${assessmentId}::uuid and s.assessor_id in (select assessor_id from input)
    ), saved as (
      insert into rating (assessment_id, assessor_id, requirement_id, grade, note, updated_at)
      select ${assessmentId}::uuid, input.assessor_id, input.requirement_id, input.grade, input.note, ${at}::timestamptz from input
      where input.assessor_id not in (select assessor_id from closed)
        and not exists (select 1 from before b where b.i = input.i and b.grade = input.grade and b.note is not distinct from input.note)
      on conflict (assessment_id, assessor_id, requirement_id) do update set grade = excluded.grade, note = excluded.note, updated_at = excluded.updated_at
      returning assessor_id, requirement_id
    )
    select
      input.assessor_id not in (select assessor_id from closed) as open,
      exists (select 1 from saved where saved.assessor_id = input.assessor_id and saved.requirement_id = input.requirement_id) as changed,
      b.i is not null as found, b.grade, b.note
    from input left join before b on b.i = input.i
    order by input.i
  `.execute(db);
  return rows.map((row) => ({ open: row.open, changed: row.changed, before: row.found ? { grade: row.grade!, note: row.note } : null }));
}

export const listSubmissions = (db: Db, assessmentId: string) => db.selectFrom('rating_submission').selectAll().where('assessment_id', '=', assessmentId).execute();

export async function submitRatings(db: Db, s: { assessmentId: string; assessorId: string; at: Date }): Promise<void> {
  await db.insertInto('rating_submission').values({ assessment_id: s.assessmentId, assessor_id: s.assessorId, submitted_at: s.at }).execute();
}

/** Reopening the rating: every member rates (and submits) again from their last ratings. */
export async function clearSubmissions(db: Db, assessmentId: string): Promise<void> {
  await db.deleteFrom('rating_submission').where('assessment_id', '=', assessmentId).execute();
}

// ---- consensus and summaries

export const listConsensus = (db: Db, assessmentId: string) =>
  db.selectFrom('consensus_rating').selectAll().where('assessment_id', '=', assessmentId).orderBy('requirement_id').execute();

export async function saveConsensus(db: Db, c: { assessmentId: string; requirementId: string; grade: RatedGradeColumn; note: string; finding: string | null; by: string; at: Date }): Promise<void> {
  const values = { grade: c.grade, note: c.note, finding: c.finding, decided_by: c.by, updated_at: c.at };
  await db
    .insertInto('consensus_rating')
    .values({ assessment_id: c.assessmentId, requirement_id: c.requirementId, ...values })
    .onConflict((oc) => oc.columns(['assessment_id', 'requirement_id']).doUpdateSet(values))
    .execute();
}

export const listDomainSummaries = (db: Db, assessmentId: string) =>
  db.selectFrom('domain_summary').selectAll().where('assessment_id', '=', assessmentId).orderBy('domain_id').execute();

export async function saveDomainSummary(db: Db, d: { assessmentId: string; domainId: string; strengths: string; weaknesses: string; improvements: string; at: Date }): Promise<void> {
  const values = { strengths: d.strengths, weaknesses: d.weaknesses, improvements: d.improvements, updated_at: d.at };
  await db
    .insertInto('domain_summary')
    .values({ assessment_id: d.assessmentId, domain_id: d.domainId, ...values })
    .onConflict((oc) => oc.columns(['assessment_id', 'domain_id']).doUpdateSet(values))
    .execute();
}

// ---- the result (on the formal assessment's `assessment` row)

// The status stays 'answering' until the result is final (after the review): `completed` means a result that counts.
export async function saveFormalResult(db: Db, r: { assessmentId: string; level: number | null; totalScore: number | null; result: unknown }): Promise<void> {
  await db
    .updateTable('assessment')
    .set({ level: r.level, total_score: r.totalScore, result: JSON.stringify(r.result) })
    .where('id', '=', r.assessmentId)
    .where('kind', '=', 'formal')
    .execute();
}

/** The final report's number (PG-…), kept once given. */
export async function setFormalReportNumber(db: Db, assessmentId: string, reportNumber: string): Promise<void> {
  await db.updateTable('assessment').set({ report_number: reportNumber }).where('id', '=', assessmentId).where('kind', '=', 'formal').where('report_number', 'is', null).execute();
}

export async function clearFormalResult(db: Db, assessmentId: string): Promise<void> {
  await db.updateTable('assessment').set({ level: null, total_score: null, result: null }).where('id', '=', assessmentId).where('kind', '=', 'formal').execute();
}

export const findFormalResult = (db: Db, assessmentId: string) =>
  db.selectFrom('assessment').select(['level', 'total_score', 'result', 'completed_at', 'report_number']).where('id', '=', assessmentId).where('kind', '=', 'formal').executeTakeFirst();

/** Rows the sheet counts per rater, for the progress column. */
export async function countRatingsByAssessor(db: Db, assessmentId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('rating')
    .select(['assessor_id', sql<string | number>`count(*)`.as('n')])
    .where('assessment_id', '=', assessmentId)
    .groupBy('assessor_id')
    .execute();
  return new Map(rows.map((r) => [r.assessor_id, Number(r.n)]));
}

// ---- 沟通评估结果 and 末次会议

export const listResponses = (db: Db, assessmentId: string) =>
  db.selectFrom('finding_response').selectAll().where('assessment_id', '=', assessmentId).orderBy('requirement_id').execute();

export async function saveResponse(db: Db, r: { assessmentId: string; requirementId: string; response: string; evidenceNote: string | null; by: string; at: Date }): Promise<void> {
  const values = { response: r.response, evidence_note: r.evidenceNote, responded_by: r.by, responded_at: r.at };
  await db
    .insertInto('finding_response')
    .values({ assessment_id: r.assessmentId, requirement_id: r.requirementId, ...values })
    .onConflict((oc) => oc.columns(['assessment_id', 'requirement_id']).doUpdateSet(values))
    .execute();
}

export async function decideResponse(
  db: Db,
  d: { assessmentId: string; requirementId: string; decision: 'accepted' | 'rejected'; reason: string; gradeBefore: RatedGradeColumn; gradeAfter: RatedGradeColumn; by: string; at: Date },
): Promise<void> {
  await db
    .updateTable('finding_response')
    .set({ decision: d.decision, decision_reason: d.reason, grade_before: d.gradeBefore, grade_after: d.gradeAfter, decided_by: d.by, decided_at: d.at })
    .where('assessment_id', '=', d.assessmentId)
    .where('requirement_id', '=', d.requirementId)
    .execute();
}

export const findLastMeeting = (db: Db, assessmentId: string) => db.selectFrom('last_meeting').selectAll().where('assessment_id', '=', assessmentId).executeTakeFirst();

export async function saveLastMeeting(db: Db, m: { assessmentId: string; heldOn: string; attendees: string; summary: string; by: string; at: Date }): Promise<void> {
  const values = { held_on: m.heldOn, attendees: m.attendees, summary: m.summary, recorded_by: m.by, recorded_at: m.at };
  await db
    .insertInto('last_meeting')
    .values({ assessment_id: m.assessmentId, ...values })
    .onConflict((oc) => oc.column('assessment_id').doUpdateSet(values))
    .execute();
}

// ---- 报告验证

/** A formal assessment's 评估报告 by its number (PG-…), with its stage, for the public verification page. */
export const findFormalReportByNumber = (db: Db, reportNumber: string) =>
  db
    .selectFrom('assessment')
    .innerJoin('formal_assessment as f', 'f.id', 'assessment.id')
    .innerJoin('enterprise as e', 'e.id', 'f.enterprise_id')
    .innerJoin('assessment_body as b', 'b.id', 'f.body_id')
    .select(['assessment.report_number', 'assessment.edition_id', 'assessment.result', 'f.assessment_type', 'f.stage', 'e.name', 'e.credit_code', 'b.name as body_name'])
    .where('assessment.report_number', '=', reportNumber)
    .where('assessment.kind', '=', 'formal')
    .executeTakeFirst();
