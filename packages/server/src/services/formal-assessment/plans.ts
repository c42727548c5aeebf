// 编制评估计划 (seed 003 §8.2.3): the lead writes the 预评估计划 and the 正式评估计划 (purpose, scope,
// tasks, dates, people of the team, agenda); every save is a new version, and the enterprise
// confirms a version it has seen. A change to a confirmed plan needs confirming again; both
// confirmed → 计划已确认.
import type { FormalAssessment, PlanKind, SavePlan } from '@cmmm/contract';
import type { Issue } from '@cmmm/model';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canActForAssessedEnterprise, canLeadFormalAssessment, type Actor } from '../../policy.ts';
import { recordAudit } from '../audit.ts';
import { isConfirmed } from './formal-assessment-view.ts';
import { changeFormalAssessment, currentTeam, formalSubject, levelOf, type FormalFacts } from './load-formal-assessment.ts';
import { viewFor } from './read-formal-assessments.ts';
import { nextStage } from './stage-machine.ts';
import { gradesFor, qualifiedOver } from './team-rules.ts';

const PLAN_NAMES: Record<PlanKind, string> = { pre: '预评估计划', formal: '正式评估计划' };

/** What is wrong with a plan for this team, first the code it is refused with. */
export function planIssues(f: FormalFacts, kind: PlanKind, plan: SavePlan): Issue[] {
  const team = new Map(currentTeam(f).map((m) => [m.assessor_id, m]));
  const issues: Issue[] = [];
  const people = [...new Set([...plan.assessorIds, ...plan.agenda.flatMap((a) => a.assessorIds)])];
  for (const id of people) {
    if (!team.has(id)) issues.push({ code: 'NOT_ON_TEAM', path: 'assessorIds', message: `${PLAN_NAMES[kind]}中的人员（${id}）不是评估组成员` });
  }
  for (const id of plan.assessorIds) {
    const m = team.get(id);
    if (m && !qualifiedOver(f.qualifications.get(id) ?? [], gradesFor(m.team_role, levelOf(f.row)), [{ from: plan.startsOn, to: plan.endsOn }])) {
      issues.push({ code: 'QUALIFICATION_INVALID', path: 'assessorIds', message: `${m.name} 的资质在 ${plan.startsOn} 至 ${plan.endsOn} 内无效（未登记、已过期或未生效）` });
    }
  }
  plan.agenda.forEach((a, i) => {
    if (a.date < plan.startsOn || a.date > plan.endsOn) issues.push({ code: 'VALIDATION', path: `agenda.${i}.date`, message: `日程日期 ${a.date} 不在评估时间 ${plan.startsOn} 至 ${plan.endsOn} 之内` });
    if (a.assessorIds.some((id) => !plan.assessorIds.includes(id))) issues.push({ code: 'VALIDATION', path: `agenda.${i}.assessorIds`, message: '日程中的人员须为本计划的评估人员' });
  });
  // The pre-assessment decides whether the formal assessment can go ahead: it comes first.
  const other = f.plans[kind === 'pre' ? 'formal' : 'pre'];
  if (other) {
    const [pre, formal] = kind === 'pre' ? [plan, { startsOn: other.starts_on }] : [{ endsOn: other.ends_on }, plan];
    if (formal.startsOn <= pre.endsOn) issues.push({ code: 'VALIDATION', path: kind === 'pre' ? 'endsOn' : 'startsOn', message: '正式评估须在预评估结束之后开始' });
  }
  return issues;
}

/** 保存评估计划 (a new version; a confirmed plan changed goes back for confirmation). */
export async function savePlan(ctx: ServiceContext, actor: Actor | null, input: { id: string; kind: PlanKind; plan: SavePlan }): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    const stage = nextStage(f.row.stage, 'changePlan');
    const issues = planIssues(f, input.kind, input.plan);
    if (issues.length) throw new AppError(issues[0]!.code, issues[0]!.message, issues);
    const version = (f.plans[input.kind]?.version ?? 0) + 1;
    const { purpose, scope, tasks, startsOn, endsOn, assessorIds, agenda } = input.plan;
    await tx.repos.formalAssessments.savePlan({ assessmentId: f.row.id, kind: input.kind, content: { purpose, scope, tasks, startsOn, endsOn, assessorIds, agenda }, version, at: tx.now() });
    await recordAudit(tx, by, 'formal_assessment.plan_saved', formalSubject(f), { kind: input.kind, version, startsOn, endsOn, assessorIds, stage });
    return { stage };
  });
  return viewFor(ctx, done.actor, done.facts);
}

/** 确认评估计划: the enterprise confirms the version it has seen (PLAN_VERSION_STALE if it changed since). */
export async function confirmPlan(ctx: ServiceContext, actor: Actor | null, input: { id: string; kind: PlanKind; version: number }): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canActForAssessedEnterprise, async (tx, f, by) => {
    const next = nextStage(f.row.stage, 'confirmPlans'); // only while the plans await confirmation
    const plan = f.plans[input.kind];
    if (!plan) throw new AppError('PLAN_MISSING', `${PLAN_NAMES[input.kind]}尚未编制`, [{ code: 'PLAN_MISSING', path: 'kind', message: `${PLAN_NAMES[input.kind]}尚未编制` }]);
    if (plan.version !== input.version) {
      throw new AppError('PLAN_VERSION_STALE', undefined, [{ code: 'PLAN_VERSION_STALE', path: 'version', message: `${PLAN_NAMES[input.kind]}已更新为第 ${plan.version} 版，请查看后再确认` }]);
    }
    await tx.repos.formalAssessments.confirmPlan({ assessmentId: f.row.id, kind: input.kind, version: plan.version, by: by.id, at: tx.now() });
    await recordAudit(tx, by, 'formal_assessment.plan_confirmed', formalSubject(f), { kind: input.kind, version: plan.version });
    const other = f.plans[input.kind === 'pre' ? 'formal' : 'pre'];
    if (!other || !isConfirmed(other)) return {};
    await recordAudit(tx, by, 'formal_assessment.plans_confirmed', formalSubject(f), { pre: input.kind === 'pre' ? plan.version : other.version, formal: input.kind === 'formal' ? plan.version : other.version });
    return { stage: next };
  });
  return viewFor(ctx, done.actor, done.facts);
}
