// 合规性审查 (seed 002 评估流程: 专家委员会合规性审查): what the scheme's reviewers check before a
// result may be published, each as passed or failed with the reason. Pure: the service gathers the
// facts. Qualifications are judged on the formal assessment's dates (the plan), not on review day.
import type { ErrorCode } from '@cmmm/contract';
import { oneYearAfter } from './application-rules.ts';
import { STANDARD_EFFORT, type Effort } from './effort.ts';
import { teamIssues, type TeamFacts } from './team-rules.ts';

export const REVIEW_CHECK_CODES = ['TEAM_SIZE_ODD', 'TEAM_QUALIFIED', 'LEAD_GRADE', 'COI_DECLARED', 'PERSON_DAYS', 'CONSENSUS_COMPLETE', 'EVIDENCE_COMPLETE', 'ONE_YEAR_RULE'] as const;
export type ReviewCheckCode = (typeof REVIEW_CHECK_CODES)[number];

export interface ReviewCheck {
  code: ReviewCheckCode;
  passed: boolean;
  message: string;
}

export interface ReviewFacts {
  /** The team on the formal assessment's dates (TeamFacts.today = the formal plan's first day). */
  team: TeamFacts;
  effortLevel: 2 | 3 | 4 | 5;
  planned: { pre: Effort | null; formal: Effort | null };
  /** Requirement ids in scope, and those with a consensus and with at least one piece of evidence. */
  inScope: readonly string[];
  withConsensus: ReadonlySet<string>;
  withEvidence: ReadonlySet<string>;
  /** The level applied for (预定义: the target; 自定义: the highest target capability level). */
  level: number;
  /** The enterprise's other certificates with a level (not withdrawn). */
  certificates: readonly { level: number; issuedOn: string }[];
  /** The day the application was submitted (the one-year rule counts to it). */
  appliedOn: string;
}

const check = (code: ReviewCheckCode, passed: boolean, ok: string, failed: string): ReviewCheck => ({ code, passed, message: passed ? ok : failed });

export function reviewChecks(f: ReviewFacts): ReviewCheck[] {
  const issues = teamIssues(f.team);
  const about = (...codes: ErrorCode[]) => issues.filter((i) => codes.includes(i.code as ErrorCode)).map((i) => i.message);
  const size = f.team.members.length;
  const unqualified = about('QUALIFICATION_INVALID', 'TEAM_INTERNAL_REQUIRED', 'NOT_ON_TEAM');
  const lead = about('LEAD_NOT_QUALIFIED', 'HIGH_MATURITY_LEAD_REQUIRED');
  const pending = about('COI_PENDING');
  const std = STANDARD_EFFORT[f.effortLevel];
  const standardDays = std.pre.personDays + std.formal.personDays;
  const plannedDays = (f.planned.pre?.personDays ?? 0) + (f.planned.formal?.personDays ?? 0);
  const noConsensus = f.inScope.filter((id) => !f.withConsensus.has(id));
  const noEvidence = f.inScope.filter((id) => !f.withEvidence.has(id));
  const highLevel = f.level >= 4;
  const earlier = f.certificates.filter((c) => (c.level === 2 || c.level === 3) && oneYearAfter(c.issuedOn) <= f.appliedOn);
  const sample = (ids: readonly string[]) => `${ids.slice(0, 5).join('、')}${ids.length > 5 ? ` 等 ${ids.length} 条` : ''}`;
  return [
    check('TEAM_SIZE_ODD', size % 2 === 1, `评估组 ${size} 人，为奇数`, `评估组 ${size} 人，人数应为奇数`),
    check('TEAM_QUALIFIED', unqualified.length === 0, '评估组成员在评估日期内均持有有效资质', unqualified.join('；')),
    check('LEAD_GRADE', lead.length === 0, f.level >= 4 ? '评估组长持有在评估日期内有效的高成熟度主任评估师资质' : '评估组长持有在评估日期内有效的主任评估师资质', lead.join('；')),
    check('COI_DECLARED', pending.length === 0, '评估组成员均已声明无利益冲突', pending.join('；')),
    check('PERSON_DAYS', plannedDays >= standardDays, `计划 ${plannedDays} 人日，不低于标准的 ${standardDays} 人日`, `计划 ${plannedDays} 人日，少于标准的 ${standardDays} 人日`),
    check('CONSENSUS_COMPLETE', noConsensus.length === 0, `范围内 ${f.inScope.length} 条要求均有组内一致意见`, `尚无组内一致意见：${sample(noConsensus)}`),
    check('EVIDENCE_COMPLETE', noEvidence.length === 0, `范围内 ${f.inScope.length} 条要求均至少有一条证据`, `没有证据的要求：${sample(noEvidence)}`),
    check(
      'ONE_YEAR_RULE',
      !highLevel || earlier.length > 0,
      highLevel ? '申请时已取得二级或三级证书满一年' : '不适用（申请三级及以下）',
      '申请四级、五级须在取得二级或三级证书满一年之后',
    ),
  ];
}
