// 成熟度级别判定 (seed 003 §8.3.4): the lead rolls the consensus ratings up once every requirement in
// scope has one and every weakness and improvement has its finding's text; the result is kept on the
// formal assessment's `assessment` row. The lead may reopen the rating (the result is cleared and
// every member submits again). The same roll-up fixes the final result after 沟通评估结果.
import { parseStoredResult, type FormalAssessment, type FormalResult, type FormalResultView } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canCollectEvidence, canLeadFormalAssessment, canSeeIndividualRatings, type Actor } from '../../policy.ts';
import { recordAudit } from '../audit.ts';
import { formalPlan, requirementsInScope, topLevel } from './formal-scope.ts';
import { computeFormalResult, type ConsensusEntry } from './formal-result.ts';
import { changeFormalAssessment, formalSubject, readableFormalAssessment, scopeOf, type FormalFacts } from './load-formal-assessment.ts';
import { viewFor } from './read-formal-assessments.ts';
import { nextStage, requireStage } from './stage-machine.ts';
import { requireEnterpriseData } from './working-sheet.ts';

/** The result of the consensus as it stands; refuses while a requirement lacks a consensus or a weakness lacks its text. */
export async function resultOfConsensus(tx: ServiceContext, f: FormalFacts): Promise<FormalResult> {
  const plan = formalPlan(f.row);
  const inScope = requirementsInScope(f.row, plan);
  const consensus = new Map<string, ConsensusEntry>((await tx.repos.formalRatings.listConsensus(f.row.id)).map((c) => [c.requirement_id, { grade: c.grade, note: c.note, finding: c.finding }]));
  const missing = inScope.filter((r) => !consensus.has(r.requirement.id));
  if (missing.length) {
    throw new AppError('CONSENSUS_INCOMPLETE', undefined, missing.slice(0, 20).map((r) => ({ code: 'CONSENSUS_INCOMPLETE', path: `consensus.${r.requirement.id}`, message: `「${r.item.name}」${r.level}级要求尚无组内一致意见` })));
  }
  const unwritten = inScope.filter((r) => {
    const c = consensus.get(r.requirement.id)!;
    return (c.grade === 'NI' || c.grade === 'PI') && !c.finding;
  });
  if (unwritten.length) {
    throw new AppError('FINDING_TEXT_REQUIRED', undefined, unwritten.slice(0, 20).map((r) => ({ code: 'FINDING_TEXT_REQUIRED', path: `consensus.${r.requirement.id}.finding`, message: `「${r.item.name}」${r.level}级要求的评估发现尚未填写` })));
  }
  const diagnosis = await tx.repos.selfDiagnoses.findSelfDiagnosis(f.row.self_diagnosis_id);
  return computeFormalResult({
    assessmentId: f.row.id,
    assessmentType: f.row.assessment_type,
    targetLevel: topLevel(f.row),
    customTargets: f.row.custom_domains,
    customWeights: f.row.weights,
    plan,
    inScope,
    consensus,
    selfAnswers: await tx.repos.selfDiagnoses.listAnswers(f.row.self_diagnosis_id),
    selfResult: diagnosis?.result ? parseStoredResult(diagnosis.result) : null,
    ratedAt: tx.now(),
  });
}

export async function saveResult(tx: ServiceContext, f: FormalFacts, result: FormalResult): Promise<void> {
  await tx.repos.formalRatings.saveFormalResult({ assessmentId: f.row.id, level: result.level, totalScore: result.totalScore, result });
}

export const resultSummary = (result: FormalResult) => ({ level: result.level, totalScore: result.totalScore, capability: result.capability.map((d) => [d.id, d.capabilityLevel]) });

export async function rollUp(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    const stage = nextStage(f.row.stage, 'rollUp');
    const result = await resultOfConsensus(tx, f);
    await saveResult(tx, f, result);
    await recordAudit(tx, by, 'formal_assessment.rolled_up', formalSubject(f), resultSummary(result));
    return { stage };
  });
  return viewFor(ctx, done.actor, done.facts);
}

export async function reopenRating(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    const stage = nextStage(f.row.stage, 'reopenRating');
    await tx.repos.formalRatings.clearFormalResult(f.row.id);
    await tx.repos.formalRatings.clearSubmissions(f.row.id);
    await recordAudit(tx, by, 'formal_assessment.rating_reopened', formalSubject(f));
    return { stage };
  });
  return viewFor(ctx, done.actor, done.facts);
}

/** Stages with a result: the team's draft from the roll-up; the enterprise and the overseers once it is shared. */
const TEAM_RESULT_STAGES = ['rated', 'communicating', 'final', 'under_review', 'publicized', 'certified'] as const;
export const SHARED_RESULT_STAGES = ['communicating', 'final', 'under_review', 'publicized', 'certified'] as const;

export async function readFormalResult(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<FormalResultView> {
  const { actor: reader, facts: f } = await readableFormalAssessment(ctx, actor, input.id);
  requireEnterpriseData(reader, f);
  const team = canCollectEvidence(reader, scopeOf(f)) || canSeeIndividualRatings(reader, scopeOf(f));
  requireStage(f.row.stage, team ? TEAM_RESULT_STAGES : SHARED_RESULT_STAGES, '查看评估结果');
  const [stored, responses, meeting] = await Promise.all([
    ctx.repos.formalRatings.findFormalResult(f.row.id),
    ctx.repos.formalRatings.listResponses(f.row.id),
    ctx.repos.formalRatings.findLastMeeting(f.row.id),
  ]);
  if (!stored?.result) throw new AppError('NOT_FOUND');
  return {
    ...(stored.result as unknown as FormalResult),
    stage: f.row.stage,
    responses: responses.map((r) => ({
      requirementId: r.requirement_id,
      response: r.response,
      evidenceNote: r.evidence_note,
      respondedAt: r.responded_at.toISOString(),
      decision: r.decision,
      decisionReason: r.decision_reason,
      gradeBefore: r.grade_before,
      gradeAfter: r.grade_after,
      decidedAt: r.decided_at?.toISOString() ?? null,
    })),
    lastMeeting: meeting ? { heldOn: meeting.held_on, attendees: meeting.attendees, summary: meeting.summary, recordedAt: meeting.recorded_at.toISOString() } : null,
  };
}
