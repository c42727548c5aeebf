// Answers: autosaved one by one, or saved together (保存). Only the current level is open; a
// submitted level is locked (seed 001 §3.4); NA only where the part is tailorable.
import type { Grade, ScoringPlan } from '@cmmm/model';
import type { DiagnosisFacts } from '../../caches.ts';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { ItemOutcome } from '../../group-commit.ts';
import { authorize, canAnswerSelfDiagnosis, type Actor } from '../../policy.ts';
import type { AnswerToSave, SelfDiagnosisRow } from '../../repositories/self-diagnoses.ts';
import { answerableDiagnosis, ownEnterpriseId, planOf } from './load-diagnosis.ts';

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

/** What never changes about a diagnosis once created, so that an autosave costs one statement. */
async function factsOf(ctx: ServiceContext, id: string): Promise<DiagnosisFacts> {
  const known = ctx.caches.diagnosisFacts.get(id);
  if (known) return known;
  const row = await ctx.repos.selfDiagnoses.findSelfDiagnosis(id);
  if (!row) throw new AppError('NOT_FOUND');
  const facts = { enterprise_id: row.enterprise_id, edition_id: row.edition_id, enterprise_type: row.enterprise_type, tailored: row.tailored };
  ctx.caches.diagnosisFacts.set(id, facts);
  return facts;
}

interface Autosave {
  ctx: ServiceContext;
  answer: AnswerToSave;
}

/**
 * Autosave of one answer. Autosaves arriving together are written together in one conditional
 * statement (group commit), each answered once it has committed: on the embedded database those of
 * every diagnosis (one session: one statement and one file write for many), on PostgreSQL those of
 * one diagnosis. The database decides whether the level is still open, so a submission either scores
 * an answer or refuses it, never neither. The diagnosis is read only to say why one was refused.
 */
export async function saveAnswer(ctx: ServiceContext, actor: Actor | null, input: { id: string; requirementId: string; grade: Grade }): Promise<Date> {
  const { id, requirementId, grade } = input;
  const enterpriseId = ownEnterpriseId(actor);
  const facts = await factsOf(ctx, id);
  authorize(actor, canAnswerSelfDiagnosis(actor, { enterpriseId: facts.enterprise_id }));
  const plan = planOf(facts);
  const at = ctx.now();
  const index = plan.requirementIndex.get(requirementId);
  if (index !== undefined && plan.requirementSubdomain[index]! >= 0 && (grade !== 'NA' || plan.requirementTailorable[index])) {
    const answer = { assessmentId: id, enterpriseId, requirementId, level: plan.requirementLevel[index]!, grade, at };
    if (await ctx.caches.groupCommit.write(ctx.concurrentDb ? `answers:${id}` : 'answers', { ctx, answer }, writeAutosaves)) return at;
  }
  // Refused: read the diagnosis to say why (survey first, level locked or not open, completed…).
  const row = await ctx.repos.selfDiagnoses.findSelfDiagnosis(id);
  throw refusal(plan, row!, requirementId, grade) ?? new AppError('LEVEL_LOCKED');
}

/** One batch of autosaves: of two for the same requirement the later wins, as if written in turn. */
async function writeAutosaves(items: readonly Autosave[]): Promise<ItemOutcome<boolean>[]> {
  const keyOf = (a: AnswerToSave) => `${a.assessmentId} ${a.requirementId}`;
  const latest = new Map(items.map(({ answer }) => [keyOf(answer), answer]));
  const { ctx } = items[0]!;
  const saved = await ctx.repos.selfDiagnoses.saveAnswersIfOpen([...latest.values()], ctx.concurrentDb);
  return items.map(({ answer }) => ({ ok: true, value: saved.has(keyOf(answer)) }));
}

/** 保存: several answers at once, all or none. */
export async function saveAnswers(ctx: ServiceContext, actor: Actor | null, input: { id: string; answers: Record<string, Grade> }): Promise<{ saved: number; at: Date }> {
  const { id, answers } = input;
  await answerableDiagnosis(ctx, actor, id);
  const at = ctx.now();
  await ctx.transaction(async (tx) => {
      const row = await tx.repos.selfDiagnoses.lockSelfDiagnosis(id);
      if (!row) throw new AppError('NOT_FOUND');
      const plan = planOf(row);
      const problems = Object.entries(answers).flatMap(([requirementId, grade]) => {
        const refused = refusal(plan, row, requirementId, grade);
        return refused ? [{ code: refused.code, path: requirementId, message: refused.message }] : [];
      });
      if (problems.length) throw AppError.fromIssues(problems);
      await tx.repos.selfDiagnoses.upsertAnswers(id, Object.entries(answers).map(([requirementId, grade]) => ({ requirementId, grade })), at);
  });
  return { saved: Object.keys(answers).length, at };
}
