// 受理评估申请 (seed 003 §8.2.1): the body's admin names the lead if the enterprise did not, the lead
// confirms the enterprise's activities are lawful and include intelligent manufacturing and accepts
// (and joins the team as its lead, declaration pending), or declines with a reason. 撤回 by the
// enterprise until the pre-assessment starts.
import type { FormalAssessment } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canActForAssessedEnterprise, canAssignLeadAssessor, canLeadFormalAssessment, type Actor } from '../../policy.ts';
import { recordAudit } from '../audit.ts';
import { leadAssignable, planDatesOf } from './formal-assessment-view.ts';
import { changeFormalAssessment, formalSubject, levelOf, qualificationsByPerson } from './load-formal-assessment.ts';
import { viewFor } from './read-formal-assessments.ts';
import { nextStage, requireStage } from './stage-machine.ts';
import { leadProblem, periodsOf } from './team-rules.ts';

const LEAD_MESSAGES = {
  LEAD_NOT_QUALIFIED: '评估组长须为持有今天（及计划评估日期内）有效资质的主任评估师',
  HIGH_MATURITY_LEAD_REQUIRED: '四级、五级评估须由持有效资质的高成熟度主任评估师主导',
} as const;

export async function withdrawApplication(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canActForAssessedEnterprise, async (tx, f, by) => {
    const stage = nextStage(f.row.stage, 'withdraw');
    await recordAudit(tx, by, 'formal_assessment.withdrawn', formalSubject(f), { from: f.row.stage });
    return { stage };
  });
  return viewFor(ctx, done.actor, done.facts);
}

/** 指定主任评估师: before 受理, or to replace a lead who declared a conflict of interest. */
export async function assignLeadAssessor(ctx: ServiceContext, actor: Actor | null, input: { id: string; assessorId: string }): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canAssignLeadAssessor, async (tx, f, by) => {
    if (!leadAssignable(f)) requireStage(f.row.stage, ['submitted'], '更换评估组长');
    const person = await tx.repos.assessors.findAssessor(input.assessorId);
    // An enterprise's internal assessor never leads; a body's lead may lead for another body (委托交付, seed 002).
    if (!person || person.enterprise_id !== null) throw new AppError('ASSESSOR_NOT_FOUND', undefined, [{ code: 'ASSESSOR_NOT_FOUND', path: 'assessorId', message: '找不到所选的主任评估师' }]);
    if (!person.account_id) throw new AppError('LEAD_NOT_QUALIFIED', '所选主任评估师尚未开通平台账户，无法受理评估申请', [{ code: 'LEAD_NOT_QUALIFIED', path: 'assessorId', message: '所选主任评估师尚未开通平台账户' }]);
    const earlier = f.team.find((m) => m.assessor_id === person.id);
    if (earlier?.coi === 'conflict') throw new AppError('COI_CONFLICT', `${person.name} 已声明与受评估企业存在利益冲突`, [{ code: 'COI_CONFLICT', path: 'assessorId', message: `${person.name} 已声明与受评估企业存在利益冲突` }]);
    const qualifications = (await qualificationsByPerson(tx, [person.id])).get(person.id)!;
    const problem = leadProblem(qualifications, levelOf(f.row), periodsOf(person.id, f.today, planDatesOf(f)));
    if (problem) throw new AppError(problem, LEAD_MESSAGES[problem], [{ code: problem, path: 'assessorId', message: LEAD_MESSAGES[problem] }]);
    // Once accepted, the new lead joins the team at once (declaration pending).
    if (f.row.stage === 'accepted') await tx.repos.formalAssessments.addTeamMember({ assessmentId: f.row.id, assessorId: person.id, teamRole: 'lead', at: tx.now() });
    await recordAudit(tx, by, 'formal_assessment.lead_assigned', formalSubject(f), { assessorId: person.id, previous: f.row.lead_assessor_id });
    return { lead_assessor_id: person.id };
  });
  return viewFor(ctx, done.actor, done.facts);
}

/** 受理 / 不予受理, by the lead. */
export async function decideAcceptance(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { id: string; accept: boolean; lawful: boolean; intelligentManufacturing: boolean; reason?: string },
): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    if (!input.accept) {
      const stage = nextStage(f.row.stage, 'decline');
      await recordAudit(tx, by, 'formal_assessment.declined', formalSubject(f), { reason: input.reason ?? null });
      return { stage, lawful_confirmed: input.lawful, im_confirmed: input.intelligentManufacturing, decline_reason: input.reason ?? null };
    }
    const stage = nextStage(f.row.stage, 'accept');
    const leadId = f.row.lead_assessor_id!;
    const problem = leadProblem(f.qualifications.get(leadId) ?? [], levelOf(f.row), periodsOf(leadId, f.today, []));
    if (problem) throw new AppError(problem, LEAD_MESSAGES[problem]);
    await tx.repos.formalAssessments.addTeamMember({ assessmentId: f.row.id, assessorId: leadId, teamRole: 'lead', at: tx.now() });
    await recordAudit(tx, by, 'formal_assessment.accepted', formalSubject(f), { lawful: true, intelligentManufacturing: true, leadAssessorId: leadId });
    return { stage, lawful_confirmed: true, im_confirmed: true, decline_reason: null };
  });
  return viewFor(ctx, done.actor, done.facts);
}
