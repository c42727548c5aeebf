// 组建评估组 (seed 003 §8.2.2): the lead adds members (and from 三级 the enterprise's internal
// assessor), each declares no conflict of interest (the internal assessor's declaration is made by
// the enterprise's user), a declared conflict removes the member; the lead forms the team when it
// is complete, and may reopen it.
import type { FormalAssessment } from '@cmmm/contract';
import type { Issue } from '@cmmm/model';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canActForAssessedEnterprise, canDeclareOwnConflict, canLeadFormalAssessment, type Actor } from '../../policy.ts';
import { recordAudit } from '../audit.ts';
import { planDatesOf } from './formal-assessment-view.ts';
import { changeFormalAssessment, currentTeam, formalSubject, levelOf, qualificationsByPerson, type FormalFacts } from './load-formal-assessment.ts';
import { viewFor } from './read-formal-assessments.ts';
import { nextStage, requireStage } from './stage-machine.ts';
import { gradesFor, periodsOf, qualifiedOver, teamIssues } from './team-rules.ts';

const refuse = (code: string, path: string, message: string, issueCode: string = code): AppError => new AppError(code, message, [{ code: issueCode, path, message }]);

/** 添加评估组成员: a body's assessor as 'member', or the enterprise's internal assessor as 'internal'. */
export async function addTeamMember(ctx: ServiceContext, actor: Actor | null, input: { id: string; assessorId: string; teamRole: 'member' | 'internal' }): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    requireStage(f.row.stage, ['accepted'], '调整评估组成员');
    const person = await tx.repos.assessors.findAssessor(input.assessorId);
    if (!person) throw refuse('ASSESSOR_NOT_FOUND', 'assessorId', '找不到该评估人员');
    const earlier = f.team.find((m) => m.assessor_id === person.id);
    if (earlier && earlier.removed_at === null) {
      if (earlier.team_role === input.teamRole) return null; // already on the team as asked
      throw refuse('ALREADY_ON_TEAM', 'assessorId', `${person.name} 已是评估组成员`);
    }
    if (earlier?.coi === 'conflict') throw refuse('COI_CONFLICT', 'assessorId', `${person.name} 已声明与受评估企业存在利益冲突，不能加入评估组`);
    if (input.teamRole === 'internal') {
      if (person.enterprise_id !== f.enterprise.id) throw refuse('INTERNAL_ASSESSOR_REQUIRED', 'assessorId', '所选人员不是本企业在平台登记的内部评估师');
      if (currentTeam(f).some((m) => m.team_role === 'internal')) throw refuse('INTERNAL_ASSESSOR_TAKEN', 'teamRole', '评估组只包含 1 名企业内部评估师，请先移出现有的内部评估师');
    } else {
      if (person.enterprise_id !== null) throw refuse('QUALIFICATION_INVALID', 'assessorId', `${person.name} 是企业内部评估师，只能作为内部评估师加入评估组`);
      // The declaration of no conflict is made with the member's own login.
      if (!person.account_id) throw refuse('ASSESSOR_NO_ACCOUNT', 'assessorId', `${person.name} 尚未开通平台账户，无法声明利益冲突`);
    }
    const qualifications = (await qualificationsByPerson(tx, [person.id])).get(person.id)!;
    if (!qualifiedOver(qualifications, gradesFor(input.teamRole, levelOf(f.row)), periodsOf(person.id, f.today, planDatesOf(f)))) {
      throw refuse('QUALIFICATION_INVALID', 'assessorId', `${person.name} 的${input.teamRole === 'internal' ? ' CMMM intro 培训证书' : '评估师资质'}在今天或计划的评估日期内无效（未登记、已过期或未生效）`);
    }
    await tx.repos.formalAssessments.addTeamMember({ assessmentId: f.row.id, assessorId: person.id, teamRole: input.teamRole, at: tx.now() });
    await recordAudit(tx, by, 'formal_assessment.member_added', formalSubject(f), { assessorId: person.id, teamRole: input.teamRole });
    return {};
  });
  return viewFor(ctx, done.actor, done.facts);
}

const memberOf = (f: FormalFacts, assessorId: string) => currentTeam(f).find((m) => m.assessor_id === assessorId);

/** 移出评估组成员 (the lead stays: a lead with a conflict declares it). The row is kept. */
export async function removeTeamMember(ctx: ServiceContext, actor: Actor | null, input: { id: string; assessorId: string }): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    requireStage(f.row.stage, ['accepted'], '调整评估组成员');
    const member = memberOf(f, input.assessorId);
    if (!member) throw refuse('NOT_ON_TEAM', 'assessorId', '该人员不是评估组成员');
    if (member.team_role === 'lead') throw refuse('FORBIDDEN', 'assessorId', '评估组长不能移出评估组；存在利益冲突时请声明');
    await tx.repos.formalAssessments.removeTeamMember(f.row.id, member.assessor_id, tx.now());
    await recordAudit(tx, by, 'formal_assessment.member_removed', formalSubject(f), { assessorId: member.assessor_id, teamRole: member.team_role });
    return {};
  });
  return viewFor(ctx, done.actor, done.facts);
}

/**
 * 利益冲突声明: a member for themself; for the internal assessor, the enterprise's user. A declared
 * conflict removes the member (a lead with a conflict leaves the assessment: the body names another).
 */
export async function declareConflictOfInterest(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { id: string; assessorId: string; conflict: boolean; statement?: string },
): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(
    ctx,
    actor,
    input.id,
    (by, scope, f) => {
      const member = memberOf(f, input.assessorId);
      if (!member) return false;
      return member.team_role === 'internal' ? canActForAssessedEnterprise(by, scope) : canDeclareOwnConflict(by, { accountId: member.account_id });
    },
    async (tx, f, by) => {
      requireStage(f.row.stage, ['accepted'], '声明利益冲突');
      const member = memberOf(f, input.assessorId)!;
      await tx.repos.formalAssessments.recordDeclaration({
        assessmentId: f.row.id,
        assessorId: member.assessor_id,
        conflict: input.conflict,
        statement: input.statement || null,
        declaredBy: by.id,
        at: tx.now(),
      });
      await recordAudit(tx, by, 'formal_assessment.conflict_declared', formalSubject(f), { assessorId: member.assessor_id, teamRole: member.team_role, conflict: input.conflict });
      return input.conflict && member.team_role === 'lead' ? { lead_assessor_id: null } : {};
    },
  );
  return viewFor(ctx, done.actor, done.facts);
}

/** 确认组建评估组: every rule at once; refused with the first problem's code, all listed. */
export async function formTeam(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    const stage = nextStage(f.row.stage, 'formTeam');
    const members = currentTeam(f);
    const issues: Issue[] = teamIssues({
      level: levelOf(f.row),
      today: f.today,
      leadAssessorId: f.row.lead_assessor_id,
      members: members.map((m) => ({ assessorId: m.assessor_id, name: m.name, teamRole: m.team_role, coi: m.coi })),
      qualifications: f.qualifications,
      plans: planDatesOf(f),
    });
    if (issues.length) throw new AppError(issues[0]!.code, issues[0]!.message, issues);
    await recordAudit(tx, by, 'formal_assessment.team_formed', formalSubject(f), { members: members.map((m) => ({ assessorId: m.assessor_id, teamRole: m.team_role })) });
    return { stage };
  });
  return viewFor(ctx, done.actor, done.facts);
}

/** 重新调整评估组: back to 已受理; a changed team means the enterprise confirms the plans again. */
export async function reopenTeam(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    const stage = nextStage(f.row.stage, 'reopenTeam');
    await tx.repos.formalAssessments.clearPlanConfirmations(f.row.id);
    await recordAudit(tx, by, 'formal_assessment.team_reopened', formalSubject(f), { from: f.row.stage });
    return { stage };
  });
  return viewFor(ctx, done.actor, done.facts);
}
