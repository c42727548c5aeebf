// Answers: autosaved one by one, or saved together (保存). Only the current level is open; a
// submitted level is locked (seed 001 §3.4); NA only where the part is tailorable.
import type { Grade } from '@cmmm/db';
import type { ScoringPlan } from '@cmmm/model';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../policy.ts';
import { findSelfDiagnosis, lockSelfDiagnosis, saveAnswerIfOpen, upsertAnswers, type SelfDiagnosisRow } from '../../repositories/self-diagnoses.ts';
import { answerableDiagnosis, ownEnterpriseId, planOf } from './access.ts';
import { knownState, rememberState, underDiagnosisLock } from './diagnosis-gate.ts';

/** Why an answer to this requirement cannot be saved now, or null when it can. */
function refusal(plan: ScoringPlan, row: Pick<SelfDiagnosisRow, 'status' | 'current_level'>, requirementId: string, grade: Grade): AppError | null {
  if (row.status === 'draft') return new AppError('SURVEY_REQUIRED');
  if (row.status === 'completed') return new AppError('DIAGNOSIS_COMPLETED');
  const index = plan.requirementIndex.get(requirementId);
  if (index === undefined) return new AppError('UNKNOWN_REQUIREMENT', `未知的要求编号「${requirementId}」`);
  if (plan.requirementSubdomain[index]! < 0) return new AppError('NOT_IN_DIAGNOSIS');
  const level = plan.requirementLevel[index]!;
  if (level < row.current_level) return new AppError('LEVEL_LOCKED');
  if (level > row.current_level) return new AppError('LEVEL_NOT_OPEN');
  if (grade === 'NA' && !plan.requirementTailorable[index]) return new AppError('NA_NOT_ALLOWED', `「${requirementId}」属于不可裁剪的必选内容，不能选择“企业不涉及此题目”`);
  return null;
}

/**
 * What never changes about a diagnosis once created (its enterprise, edition, type, tailoring), kept
 * in memory so that an autosave costs one statement; status and level are checked by that statement.
 */
const meta = new Map<string, Pick<SelfDiagnosisRow, 'enterprise_id' | 'edition_id' | 'enterprise_type' | 'tailored'>>();
const META_LIMIT = 10_000;

async function metaOf(ctx: ServiceContext, id: string) {
  const known = meta.get(id);
  if (known) return known;
  const row = await findSelfDiagnosis(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (meta.size >= META_LIMIT) meta.delete(meta.keys().next().value!);
  const fixed = { enterprise_id: row.enterprise_id, edition_id: row.edition_id, enterprise_type: row.enterprise_type, tailored: row.tailored };
  meta.set(id, fixed);
  return fixed;
}

/** Autosave of one answer: one conditional statement on the hot path, a diagnosis only on refusal. */
export async function saveAnswer(ctx: ServiceContext, actor: Actor | null, id: string, requirementId: string, grade: Grade): Promise<Date> {
  const enterpriseId = ownEnterpriseId(actor);
  const fixed = await metaOf(ctx, id);
  if (fixed.enterprise_id !== enterpriseId) throw new AppError('FORBIDDEN');
  const plan = planOf(fixed);
  const index = plan.requirementIndex.get(requirementId);
  const at = ctx.now();
  if (!ctx.concurrentDb) return underDiagnosisLock(id, () => saveUnderLock(ctx, plan, id, requirementId, grade, at));
  if (index !== undefined && plan.requirementSubdomain[index]! >= 0 && (grade !== 'NA' || plan.requirementTailorable[index])) {
    const level = plan.requirementLevel[index]!;
    if (await saveAnswerIfOpen(ctx.db, { assessmentId: id, enterpriseId, requirementId, level, grade, at, concurrent: true })) return at;
  }
  // Refused: read the diagnosis to say why (survey first, level locked or not open, completed…).
  const row = await findSelfDiagnosis(ctx.db, id);
  throw refusal(plan, row!, requirementId, grade) ?? new AppError('LEVEL_LOCKED');
}

/** Embedded database: the state is checked under the diagnosis's lock, then a plain upsert. */
async function saveUnderLock(ctx: ServiceContext, plan: ScoringPlan, id: string, requirementId: string, grade: Grade, at: Date): Promise<Date> {
  let state = knownState(id);
  if (!state) {
    const row = await findSelfDiagnosis(ctx.db, id);
    if (!row) throw new AppError('NOT_FOUND');
    rememberState(id, row);
    state = row;
  }
  const refused = refusal(plan, state, requirementId, grade);
  if (refused) throw refused;
  await upsertAnswers(ctx.db, id, [{ requirementId, grade }], at);
  return at;
}

/** 保存: several answers at once, all or none. */
export async function saveAnswers(ctx: ServiceContext, actor: Actor | null, id: string, answers: Record<string, Grade>): Promise<{ saved: number; at: Date }> {
  await answerableDiagnosis(ctx, actor, id);
  const at = ctx.now();
  await underDiagnosisLock(id, () => ctx.db.transaction().execute(async (trx) => {
    const row = await lockSelfDiagnosis(trx, id);
    if (!row) throw new AppError('NOT_FOUND');
    const plan = planOf(row);
    const problems = Object.entries(answers).flatMap(([requirementId, grade]) => {
      const refused = refusal(plan, row, requirementId, grade);
      return refused ? [{ code: refused.code, path: requirementId, message: refused.message }] : [];
    });
    if (problems.length) throw AppError.fromIssues(problems);
    await upsertAnswers(trx, id, Object.entries(answers).map(([requirementId, grade]) => ({ requirementId, grade })), at);
  }));
  return { saved: Object.keys(answers).length, at };
}
