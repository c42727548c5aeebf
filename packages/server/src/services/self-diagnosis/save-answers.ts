// Answers: autosaved one by one, or saved together (保存). Only the current level is open; a
// submitted level is locked (seed 001 §3.4); NA only where the part is tailorable.
import type { Grade, ScoringPlan } from '@cmmm/model';
import type { DiagnosisFacts } from '../../caches.ts';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canAnswerSelfDiagnosis, type Actor } from '../../policy.ts';
import type { SelfDiagnosisRow } from '../../repositories/self-diagnoses.ts';
import { underDiagnosisLock, type DiagnosisGate } from './diagnosis-gate.ts';
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

/** Autosave of one answer: one conditional statement on the hot path, a diagnosis only on refusal. */
export async function saveAnswer(ctx: ServiceContext, actor: Actor | null, input: { id: string; requirementId: string; grade: Grade }): Promise<Date> {
  const { id, requirementId, grade } = input;
  const enterpriseId = ownEnterpriseId(actor);
  const facts = await factsOf(ctx, id);
  authorize(actor, canAnswerSelfDiagnosis(actor, { enterpriseId: facts.enterprise_id }));
  const plan = planOf(facts);
  const at = ctx.now();
  const gate = ctx.caches.diagnosisGate;
  if (gate) return gate.run(id, () => saveUnderGate(ctx, gate, plan, input, at));
  const index = plan.requirementIndex.get(requirementId);
  if (index !== undefined && plan.requirementSubdomain[index]! >= 0 && (grade !== 'NA' || plan.requirementTailorable[index])) {
    const level = plan.requirementLevel[index]!;
    if (await ctx.repos.selfDiagnoses.saveAnswerIfOpen({ assessmentId: id, enterpriseId, requirementId, level, grade, at, concurrent: ctx.concurrentDb })) return at;
  }
  // Refused: read the diagnosis to say why (survey first, level locked or not open, completed…).
  const row = await ctx.repos.selfDiagnoses.findSelfDiagnosis(id);
  throw refusal(plan, row!, requirementId, grade) ?? new AppError('LEVEL_LOCKED');
}

/** Embedded database: the state is checked under the diagnosis's lock, then a plain upsert. */
async function saveUnderGate(ctx: ServiceContext, gate: DiagnosisGate, plan: ScoringPlan, input: { id: string; requirementId: string; grade: Grade }, at: Date): Promise<Date> {
  let state = gate.knownState(input.id);
  if (!state) {
    const row = await ctx.repos.selfDiagnoses.findSelfDiagnosis(input.id);
    if (!row) throw new AppError('NOT_FOUND');
    gate.rememberState(input.id, row);
    state = row;
  }
  const refused = refusal(plan, state, input.requirementId, input.grade);
  if (refused) throw refused;
  await ctx.repos.selfDiagnoses.upsertAnswers(input.id, [{ requirementId: input.requirementId, grade: input.grade }], at);
  return at;
}

/** 保存: several answers at once, all or none. */
export async function saveAnswers(ctx: ServiceContext, actor: Actor | null, input: { id: string; answers: Record<string, Grade> }): Promise<{ saved: number; at: Date }> {
  const { id, answers } = input;
  await answerableDiagnosis(ctx, actor, id);
  const at = ctx.now();
  await underDiagnosisLock(ctx.caches.diagnosisGate, id, () =>
    ctx.transaction(async (tx) => {
      const row = await tx.repos.selfDiagnoses.lockSelfDiagnosis(id);
      if (!row) throw new AppError('NOT_FOUND');
      const plan = planOf(row);
      const problems = Object.entries(answers).flatMap(([requirementId, grade]) => {
        const refused = refusal(plan, row, requirementId, grade);
        return refused ? [{ code: refused.code, path: requirementId, message: refused.message }] : [];
      });
      if (problems.length) throw AppError.fromIssues(problems);
      await tx.repos.selfDiagnoses.upsertAnswers(id, Object.entries(answers).map(([requirementId, grade]) => ({ requirementId, grade })), at);
    }),
  );
  return { saved: Object.keys(answers).length, at };
}
