// 现场预评估 (seed 003 §8.2.4): the lead records the enterprise's 基本情况, the direct and indirect
// evidence it can provide and its readiness, then decides: 具备正式评估条件, or 终止评估 with reasons
// the enterprise reads.
import type { FormalAssessment } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canLeadFormalAssessment, type Actor } from '../../policy.ts';
import { recordAudit } from '../audit.ts';
import { changeFormalAssessment, formalSubject } from './load-formal-assessment.ts';
import { viewFor } from './read-formal-assessments.ts';
import { nextStage } from './stage-machine.ts';

/** 填写预评估记录: the first one starts the pre-assessment; edits until the decision. */
export async function recordPreAssessment(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { id: string; basicSituation: string; directEvidence: string; indirectEvidence: string; readinessFindings: string },
): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    const stage = f.row.stage === 'pre_assessment' ? f.row.stage : nextStage(f.row.stage, 'startPreAssessment');
    const { basicSituation, directEvidence, indirectEvidence, readinessFindings } = input;
    await tx.repos.formalAssessments.savePreAssessment({ assessmentId: f.row.id, basicSituation, directEvidence, indirectEvidence, readinessFindings, at: tx.now() });
    await recordAudit(tx, by, 'formal_assessment.pre_assessment_recorded', formalSubject(f), { started: f.row.stage !== 'pre_assessment' });
    return { stage };
  });
  return viewFor(ctx, done.actor, done.facts);
}

/** 预评估结论: proceed → 具备正式评估条件; close → 终止评估 (the reasons are shown to the enterprise). */
export async function decideFeasibility(ctx: ServiceContext, actor: Actor | null, input: { id: string; decision: 'proceed' | 'close'; reasons?: string }): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    // Deciding before anything was recorded (the plans are confirmed, the record is not there yet).
    if (!f.preAssessment && (f.row.stage === 'plans_confirmed' || f.row.stage === 'pre_assessment')) throw new AppError('PRE_ASSESSMENT_MISSING');
    const stage = nextStage(f.row.stage, input.decision);
    const closeReasons = input.decision === 'close' ? (input.reasons ?? null) : null;
    await tx.repos.formalAssessments.decidePreAssessment({ assessmentId: f.row.id, decision: input.decision, closeReasons, at: tx.now() });
    await recordAudit(tx, by, input.decision === 'proceed' ? 'formal_assessment.feasible' : 'formal_assessment.closed', formalSubject(f), { reasons: closeReasons });
    return { stage };
  });
  return viewFor(ctx, done.actor, done.facts);
}
