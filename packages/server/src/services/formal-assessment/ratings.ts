// 评分 and 组内一致意见 (seed 002 评估方法; seed 003 §8.3.3): each assessor rates every requirement in
// scope on their own and submits; once everyone has, the lead records the consensus with a note (and
// the finding's text); the lead also writes each domain's strengths, weaknesses and improvement
// directions. Every change is an audit event. Work goes on side by side (workOnFormalAssessment).
import type { RatedGradeCode } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canLeadFormalAssessment, canRateFormalAssessment, type Actor } from '../../policy.ts';
import { recordAudit } from '../audit.ts';
import { formalPlan, requirementsInScope } from './formal-scope.ts';
import { formalSubject, workOnFormalAssessment, type FormalFacts } from './load-formal-assessment.ts';
import { raterOf, ratersOf } from './rating-rules.ts';
import { requireStage } from './stage-machine.ts';

function requireInScope(f: FormalFacts, requirementId: string) {
  const found = requirementsInScope(f.row, formalPlan(f.row)).find((r) => r.requirement.id === requirementId);
  if (!found) throw new AppError('NOT_IN_SCOPE', undefined, [{ code: 'NOT_IN_SCOPE', path: 'requirementId', message: `「${requirementId}」不在本次评估的范围内` }]);
  return found;
}

const requireRating = (f: FormalFacts) => requireStage(f.row.stage, ['assessing'], '评分');

export async function saveRating(ctx: ServiceContext, actor: Actor | null, input: { id: string; requirementId: string; grade: RatedGradeCode; note?: string }) {
  return workOnFormalAssessment(ctx, actor, input.id, canRateFormalAssessment, async (tx, f, by) => {
    requireRating(f);
    requireInScope(f, input.requirementId);
    const me = raterOf(f, by.id)!;
    const submitted = await tx.repos.formalRatings.listSubmissions(f.row.id);
    if (submitted.some((s) => s.assessor_id === me.assessor_id)) throw new AppError('RATINGS_SUBMITTED');
    const before = await tx.repos.formalRatings.findRating(f.row.id, me.assessor_id, input.requirementId);
    const note = input.note || null;
    if (before && before.grade === input.grade && before.note === note) return { requirementId: input.requirementId, grade: input.grade };
    await tx.repos.formalRatings.saveRating({ assessmentId: f.row.id, assessorId: me.assessor_id, requirementId: input.requirementId, grade: input.grade, note, at: tx.now() });
    await recordAudit(tx, by, 'formal_assessment.rated', formalSubject(f), { requirementId: input.requirementId, from: before?.grade ?? null, to: input.grade });
    return { requirementId: input.requirementId, grade: input.grade };
  });
}

/** 提交评分: every requirement in scope rated; then the others' ratings show and this member's stay fixed. */
export async function submitRatings(ctx: ServiceContext, actor: Actor | null, input: { id: string }) {
  return workOnFormalAssessment(ctx, actor, input.id, canRateFormalAssessment, async (tx, f, by) => {
    requireRating(f);
    const me = raterOf(f, by.id)!;
    const submitted = await tx.repos.formalRatings.listSubmissions(f.row.id);
    if (submitted.some((s) => s.assessor_id === me.assessor_id)) throw new AppError('RATINGS_SUBMITTED');
    const mine = new Set((await tx.repos.formalRatings.listRatings(f.row.id)).filter((r) => r.assessor_id === me.assessor_id).map((r) => r.requirement_id));
    const missing = requirementsInScope(f.row).filter((r) => !mine.has(r.requirement.id));
    if (missing.length) {
      throw new AppError(
        'RATINGS_INCOMPLETE',
        undefined,
        missing.slice(0, 20).map((r) => ({ code: 'RATINGS_INCOMPLETE', path: `ratings.${r.requirement.id}`, message: `「${r.item.name}」${r.level}级要求尚未评分` })),
      );
    }
    await tx.repos.formalRatings.submitRatings({ assessmentId: f.row.id, assessorId: me.assessor_id, at: tx.now() });
    await recordAudit(tx, by, 'formal_assessment.ratings_submitted', formalSubject(f), { assessorId: me.assessor_id, rated: mine.size });
    return { submitted: true };
  });
}

/** 组内一致意见: the lead, once every rater has submitted. */
export async function saveConsensus(ctx: ServiceContext, actor: Actor | null, input: { id: string; requirementId: string; grade: RatedGradeCode; note: string; finding?: string }) {
  return workOnFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    requireStage(f.row.stage, ['assessing'], '记录组内一致意见');
    requireInScope(f, input.requirementId);
    const submitted = new Set((await tx.repos.formalRatings.listSubmissions(f.row.id)).map((s) => s.assessor_id));
    const pending = ratersOf(f).filter((m) => !submitted.has(m.assessor_id));
    if (pending.length) throw new AppError('RATERS_PENDING', undefined, pending.map((m) => ({ code: 'RATERS_PENDING', path: 'raters', message: `${m.name} 尚未提交评分` })));
    const previous = (await tx.repos.formalRatings.listConsensus(f.row.id)).find((c) => c.requirement_id === input.requirementId);
    await tx.repos.formalRatings.saveConsensus({ assessmentId: f.row.id, requirementId: input.requirementId, grade: input.grade, note: input.note, finding: input.finding || null, by: by.id, at: tx.now() });
    await recordAudit(tx, by, 'formal_assessment.consensus_recorded', formalSubject(f), { requirementId: input.requirementId, from: previous?.grade ?? null, to: input.grade });
    return { requirementId: input.requirementId, grade: input.grade };
  });
}

/** 各能力域的优势、不足与改进方向: the lead, for a domain in scope. */
export async function saveDomainSummary(ctx: ServiceContext, actor: Actor | null, input: { id: string; domainId: string; strengths: string; weaknesses: string; improvements: string }) {
  return workOnFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    requireStage(f.row.stage, ['assessing'], '填写能力域评估综述');
    if (!requirementsInScope(f.row).some((r) => r.domain.id === input.domainId)) {
      throw new AppError('NOT_IN_SCOPE', undefined, [{ code: 'NOT_IN_SCOPE', path: 'domainId', message: `能力域「${input.domainId}」不在本次评估的范围内` }]);
    }
    await tx.repos.formalRatings.saveDomainSummary({ assessmentId: f.row.id, domainId: input.domainId, strengths: input.strengths, weaknesses: input.weaknesses, improvements: input.improvements, at: tx.now() });
    await recordAudit(tx, by, 'formal_assessment.summary_saved', formalSubject(f), { domainId: input.domainId });
    return { domainId: input.domainId };
  });
}
