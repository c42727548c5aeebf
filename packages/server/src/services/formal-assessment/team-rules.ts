// Who may be on an assessment team, and when a team may be formed (seed 003 §8.2.2: a lead and
// members, an odd number; seed 002: from 三级 one internal assessor with the intro certificate;
// "必须是经培训合格，在平台正式注册的CMMM评估师才能实施评估"). Pure: services load the facts and ask here.
import type { ErrorCode, QualificationGrade, TeamRole } from '@cmmm/contract';
import type { Issue } from '@cmmm/model';
import { holdsGrade, MAY_BE_INTERNAL, MAY_BE_MEMBER, MAY_LEAD, MAY_LEAD_HIGH_MATURITY, type QualificationFacts } from '../assessors/qualification-rules.ts';

/** The grades a team role needs at the level applied for. */
export const gradesFor = (role: TeamRole, level: number): readonly QualificationGrade[] =>
  role === 'lead' ? (level >= 4 ? MAY_LEAD_HIGH_MATURITY : MAY_LEAD) : role === 'member' ? MAY_BE_MEMBER : MAY_BE_INTERNAL;

export interface Period {
  from: string;
  to: string;
}

export interface PlanDates {
  kind: string;
  startsOn: string;
  endsOn: string;
  assessorIds: readonly string[];
}

/** When a person must be qualified: today, and over the dates of every plan that names them. */
export const periodsOf = (assessorId: string, today: string, plans: readonly PlanDates[]): Period[] => [
  { from: today, to: today },
  ...plans.filter((p) => p.assessorIds.includes(assessorId)).map((p) => ({ from: p.startsOn, to: p.endsOn })),
];

export const qualifiedOver = (qs: readonly QualificationFacts[], grades: readonly QualificationGrade[], periods: readonly Period[]): boolean =>
  periods.every((p) => holdsGrade(qs, grades, p.from, p.to));

/** Why the lead may not lead at this level today (and on the plans' dates), or null. */
export function leadProblem(qs: readonly QualificationFacts[], level: number, periods: readonly Period[]): 'LEAD_NOT_QUALIFIED' | 'HIGH_MATURITY_LEAD_REQUIRED' | null {
  if (qualifiedOver(qs, gradesFor('lead', level), periods)) return null;
  return level >= 4 && qualifiedOver(qs, MAY_LEAD, periods) ? 'HIGH_MATURITY_LEAD_REQUIRED' : 'LEAD_NOT_QUALIFIED';
}

export interface TeamFacts {
  level: number;
  today: string;
  leadAssessorId: string | null;
  /** The members still on the team. */
  members: readonly { assessorId: string; name: string; teamRole: TeamRole; coi: 'pending' | 'none' | 'conflict' }[];
  qualifications: ReadonlyMap<string, readonly QualificationFacts[]>;
  plans: readonly PlanDates[];
}

const issue = (code: ErrorCode, path: string, message: string): Issue => ({ code, path, message });

/** Everything that keeps a team from being formed (组建评估组), in the order the first one is answered with. */
export function teamIssues(t: TeamFacts): Issue[] {
  const issues: Issue[] = [];
  const qs = (id: string) => t.qualifications.get(id) ?? [];
  const lead = t.members.find((m) => m.teamRole === 'lead');
  if (!lead || lead.assessorId !== t.leadAssessorId) {
    issues.push(issue('LEAD_NOT_QUALIFIED', 'team', '评估组须有一名评估组长（主任评估师）'));
  } else {
    const problem = leadProblem(qs(lead.assessorId), t.level, periodsOf(lead.assessorId, t.today, t.plans));
    if (problem === 'HIGH_MATURITY_LEAD_REQUIRED') issues.push(issue(problem, `team.${lead.assessorId}`, `四级、五级评估须由高成熟度主任评估师主导，${lead.name} 不持有在评估日期内有效的该资质`));
    else if (problem) issues.push(issue(problem, `team.${lead.assessorId}`, `${lead.name} 不持有在评估日期内有效的主任评估师资质`));
  }
  if (t.members.length % 2 === 0) issues.push(issue('TEAM_SIZE_EVEN', 'team', `评估组现有 ${t.members.length} 人，人数应为奇数（1 名评估组长及多名评估组员）`));
  if (t.level >= 3 && !t.members.some((m) => m.teamRole === 'internal')) {
    issues.push(issue('TEAM_INTERNAL_REQUIRED', 'team', '三级及以上评估，评估组须包含 1 名取得 CMMM intro 培训证书的企业内部评估师'));
  }
  for (const m of t.members) {
    if (m.coi !== 'none') issues.push(issue('COI_PENDING', `team.${m.assessorId}`, `${m.name} 尚未声明与受评估企业无利益冲突`));
  }
  for (const m of t.members) {
    if (m.teamRole === 'lead') continue;
    if (!qualifiedOver(qs(m.assessorId), gradesFor(m.teamRole, t.level), periodsOf(m.assessorId, t.today, t.plans))) {
      issues.push(issue('QUALIFICATION_INVALID', `team.${m.assessorId}`, `${m.name} 的资质在今天或计划的评估日期内无效（未登记、已过期或未生效）`));
    }
  }
  const onTeam = new Set(t.members.map((m) => m.assessorId));
  for (const p of t.plans) {
    if (p.assessorIds.some((id) => !onTeam.has(id))) issues.push(issue('NOT_ON_TEAM', `plans.${p.kind}`, `${p.kind === 'pre' ? '预评估计划' : '正式评估计划'}中有人员已不在评估组，请修改计划`));
  }
  return issues;
}
