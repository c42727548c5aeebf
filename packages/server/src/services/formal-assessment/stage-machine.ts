// The formal assessment's one state machine (seed 003 §8.2–8.3): 申请 → 受理/不受理 → 组建评估组 →
// 计划确认 → 预评估 → 可行/终止, with 撤回 by the enterprise before the pre-assessment starts; then
// 首次会议 → 正式评估 (evidence, ratings, consensus) → 成熟度级别判定 (reopened by the lead if needed)
// → 沟通评估结果 (the enterprise may answer findings) → 末次会议 and the final result → 合规性审查 →
// 公示 (objections) → 证书.
// Every stage change goes through `nextStage`; anything not listed here is refused.
import { FORMAL_STAGE_NAMES, type FormalStage } from '@cmmm/contract';
import { AppError } from '../../errors.ts';

export type StageEvent =
  | 'accept'
  | 'decline'
  | 'withdraw'
  | 'formTeam'
  | 'reopenTeam'
  | 'confirmPlans'
  | 'changePlan'
  | 'startPreAssessment'
  | 'proceed'
  | 'close'
  | 'holdFirstMeeting'
  | 'rollUp'
  | 'reopenRating'
  | 'shareResult'
  | 'finalise'
  | 'submitForReview'
  | 'approve'
  | 'returnForRework'
  | 'upholdObjection'
  | 'issueCertificate';

/** What each event is called on the pages (for the refusal's message). */
export const EVENT_NAMES: Readonly<Record<StageEvent, string>> = {
  accept: '受理',
  decline: '不予受理',
  withdraw: '撤回申请',
  formTeam: '确认组建评估组',
  reopenTeam: '重新调整评估组',
  confirmPlans: '确认评估计划',
  changePlan: '修改评估计划',
  startPreAssessment: '开始现场预评估',
  proceed: '确认具备正式评估条件',
  close: '终止评估',
  holdFirstMeeting: '记录首次会议',
  rollUp: '判定成熟度等级',
  reopenRating: '重新评分',
  shareResult: '将评估结果提交企业沟通',
  finalise: '确定最终评估结果',
  submitForReview: '提交合规性审查',
  approve: '审查通过',
  returnForRework: '退回评估组',
  upholdObjection: '采纳异议并退回评估组',
  issueCertificate: '颁发证书',
};

export const TRANSITIONS: Readonly<Record<FormalStage, Partial<Record<StageEvent, FormalStage>>>> = {
  submitted: { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' },
  accepted: { formTeam: 'team_formed', withdraw: 'withdrawn' },
  // A changed team or plan needs the enterprise's confirmation again.
  team_formed: { confirmPlans: 'plans_confirmed', reopenTeam: 'accepted', changePlan: 'team_formed', withdraw: 'withdrawn' },
  plans_confirmed: { startPreAssessment: 'pre_assessment', changePlan: 'team_formed', reopenTeam: 'accepted', withdraw: 'withdrawn' },
  pre_assessment: { proceed: 'feasible', close: 'closed' },
  feasible: { holdFirstMeeting: 'assessing' },
  assessing: { holdFirstMeeting: 'assessing', rollUp: 'rated' },
  rated: { reopenRating: 'assessing', shareResult: 'communicating' },
  communicating: { finalise: 'final', reopenRating: 'assessing' },
  final: { submitForReview: 'under_review' },
  // 专家委员会合规性审查: approved → 公示; returned → back to the team, which rates and rolls up again.
  under_review: { approve: 'publicized', returnForRework: 'assessing' },
  // 公示: the certificate once the period ends with no open objection; an upheld objection goes back to the team.
  publicized: { issueCertificate: 'certified', upholdObjection: 'assessing' },
  certified: {},
  declined: {},
  withdrawn: {},
  closed: {},
};

/** Stages in which the application is still open (one per enterprise at a time). */
export const OPEN_STAGES: readonly FormalStage[] = ['submitted', 'accepted', 'team_formed', 'plans_confirmed', 'pre_assessment', 'feasible', 'assessing', 'rated', 'communicating', 'final', 'under_review', 'publicized'];

export const canHappen = (stage: FormalStage, event: StageEvent): boolean => TRANSITIONS[stage][event] !== undefined;

/** The stage after `event`, or ILLEGAL_TRANSITION. */
export function nextStage(stage: FormalStage, event: StageEvent): FormalStage {
  const next = TRANSITIONS[stage][event];
  if (!next) throw new AppError('ILLEGAL_TRANSITION', undefined, [{ code: 'ILLEGAL_TRANSITION', path: 'stage', message: `当前阶段「${FORMAL_STAGE_NAMES[stage].zh}」不能${EVENT_NAMES[event]}` }]);
  return next;
}

/** For steps that are not stage changes (editing the team, the plans, the weights): ILLEGAL_TRANSITION outside `stages`. */
export function requireStage(stage: FormalStage, stages: readonly FormalStage[], what: string): void {
  if (!stages.includes(stage)) throw new AppError('ILLEGAL_TRANSITION', undefined, [{ code: 'ILLEGAL_TRANSITION', path: 'stage', message: `当前阶段「${FORMAL_STAGE_NAMES[stage].zh}」不能${what}` }]);
}
