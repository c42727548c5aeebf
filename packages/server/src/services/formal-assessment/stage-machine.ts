// The formal assessment's one state machine (seed 003 §8.2): 申请 → 受理/不受理 → 组建评估组 →
// 计划确认 → 预评估 → 可行/终止, with 撤回 by the enterprise before the pre-assessment starts.
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
  | 'close';

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
};

export const TRANSITIONS: Readonly<Record<FormalStage, Partial<Record<StageEvent, FormalStage>>>> = {
  submitted: { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' },
  accepted: { formTeam: 'team_formed', withdraw: 'withdrawn' },
  // A changed team or plan needs the enterprise's confirmation again.
  team_formed: { confirmPlans: 'plans_confirmed', reopenTeam: 'accepted', changePlan: 'team_formed', withdraw: 'withdrawn' },
  plans_confirmed: { startPreAssessment: 'pre_assessment', changePlan: 'team_formed', reopenTeam: 'accepted', withdraw: 'withdrawn' },
  pre_assessment: { proceed: 'feasible', close: 'closed' },
  // Terminal here; issue 2/2 continues from `feasible` with the formal assessment itself.
  feasible: {},
  declined: {},
  withdrawn: {},
  closed: {},
};

/** Stages in which the application is still open (one per enterprise at a time). */
export const OPEN_STAGES: readonly FormalStage[] = ['submitted', 'accepted', 'team_formed', 'plans_confirmed', 'pre_assessment'];

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
