// 沟通评估结果 and 末次会议 (seed 003 §8.4): the lead shares the draft result; the enterprise may answer
// any finding with its argument and evidence (再次论证); the lead accepts — changing the consensus to
// the grade the argument supports — or rejects, each with a reason; then records the closing meeting
// and fixes the final result (the roll-up run again on the consensus as it now stands).
import type { FormalAssessment, RatedGradeCode } from '@cmmm/contract';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canActForAssessedEnterprise, canLeadFormalAssessment, type Actor } from '../../policy.ts';
import { recordAudit } from '../audit.ts';
import { changeFormalAssessment, formalSubject, workOnFormalAssessment, type FormalFacts } from './load-formal-assessment.ts';
import { viewFor } from './read-formal-assessments.ts';
import { resultOfConsensus, resultSummary, saveResult } from './roll-up.ts';
import { nextStage, requireStage } from './stage-machine.ts';

/** PG-20261216-1A2B3C4D5E: 评估报告, the date the result was fixed (UTC+8) and the assessment id's first characters. */
export function formalReportNumberFor(id: string, at: Date): string {
  return `PG-${beijingDay(at).replaceAll('-', '')}-${id.replaceAll('-', '').slice(0, 10).toUpperCase()}`;
}

export async function shareResult(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    const stage = nextStage(f.row.stage, 'shareResult');
    await recordAudit(tx, by, 'formal_assessment.result_shared', formalSubject(f));
    return { stage };
  });
  return viewFor(ctx, done.actor, done.facts);
}

async function consensusOf(tx: ServiceContext, f: FormalFacts, requirementId: string) {
  const c = (await tx.repos.formalRatings.listConsensus(f.row.id)).find((x) => x.requirement_id === requirementId);
  if (!c) throw new AppError('NOT_IN_SCOPE', undefined, [{ code: 'NOT_IN_SCOPE', path: 'requirementId', message: `「${requirementId}」没有评估发现` }]);
  return c;
}

/** 再次论证: the enterprise's answer to one finding, editable until the lead decides on it. */
export async function respondToFinding(ctx: ServiceContext, actor: Actor | null, input: { id: string; requirementId: string; response: string; evidenceNote?: string }) {
  return workOnFormalAssessment(ctx, actor, input.id, canActForAssessedEnterprise, async (tx, f, by) => {
    requireStage(f.row.stage, ['communicating'], '对评估发现再次论证');
    await consensusOf(tx, f, input.requirementId);
    const existing = (await tx.repos.formalRatings.listResponses(f.row.id)).find((r) => r.requirement_id === input.requirementId);
    if (existing?.decision) throw new AppError('RESPONSE_DECIDED');
    await tx.repos.formalRatings.saveResponse({ assessmentId: f.row.id, requirementId: input.requirementId, response: input.response, evidenceNote: input.evidenceNote || null, by: by.id, at: tx.now() });
    await recordAudit(tx, by, 'formal_assessment.finding_responded', formalSubject(f), { requirementId: input.requirementId });
    return { requirementId: input.requirementId };
  });
}

/** The lead's decision on a response: accepted changes the consensus to `grade`; rejected keeps it. */
export async function decideResponse(ctx: ServiceContext, actor: Actor | null, input: { id: string; requirementId: string; accept: boolean; reason: string; grade?: RatedGradeCode }) {
  return workOnFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    requireStage(f.row.stage, ['communicating'], '处理企业论证');
    const consensus = await consensusOf(tx, f, input.requirementId);
    const response = (await tx.repos.formalRatings.listResponses(f.row.id)).find((r) => r.requirement_id === input.requirementId);
    if (!response) throw new AppError('NOT_FOUND');
    if (response.decision) throw new AppError('RESPONSE_DECIDED');
    const after = input.accept ? input.grade! : consensus.grade;
    if (after !== consensus.grade) {
      const finding = after === 'NI' || after === 'PI' ? (consensus.finding ?? input.reason) : consensus.finding;
      await tx.repos.formalRatings.saveConsensus({ assessmentId: f.row.id, requirementId: input.requirementId, grade: after, note: `${consensus.note}（采纳企业论证：${input.reason}）`, finding, by: by.id, at: tx.now() });
    }
    await tx.repos.formalRatings.decideResponse({
      assessmentId: f.row.id,
      requirementId: input.requirementId,
      decision: input.accept ? 'accepted' : 'rejected',
      reason: input.reason,
      gradeBefore: consensus.grade,
      gradeAfter: after,
      by: by.id,
      at: tx.now(),
    });
    await recordAudit(tx, by, 'formal_assessment.response_decided', formalSubject(f), { requirementId: input.requirementId, accepted: input.accept, from: consensus.grade, to: after });
    return { requirementId: input.requirementId, grade: after };
  });
}

/** 末次会议 and the final result: every response decided, the roll-up run on the consensus as it now stands. */
export async function finaliseResult(ctx: ServiceContext, actor: Actor | null, input: { id: string; heldOn: string; attendees: string; summary: string }): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    const stage = nextStage(f.row.stage, 'finalise');
    const pending = (await tx.repos.formalRatings.listResponses(f.row.id)).filter((r) => !r.decision);
    if (pending.length) throw new AppError('RESPONSES_PENDING', undefined, pending.map((r) => ({ code: 'RESPONSES_PENDING', path: `responses.${r.requirement_id}`, message: `「${r.requirement_id}」的企业论证尚未处理` })));
    const result = await resultOfConsensus(tx, f);
    await saveResult(tx, f, result);
    await tx.repos.formalRatings.setFormalReportNumber(f.row.id, formalReportNumberFor(f.row.id, tx.now()));
    await tx.repos.formalRatings.saveLastMeeting({ assessmentId: f.row.id, heldOn: input.heldOn, attendees: input.attendees, summary: input.summary, by: by.id, at: tx.now() });
    await recordAudit(tx, by, 'formal_assessment.finalised', formalSubject(f), { ...resultSummary(result), lastMeeting: input.heldOn });
    return { stage };
  });
  return viewFor(ctx, done.actor, done.facts);
}
