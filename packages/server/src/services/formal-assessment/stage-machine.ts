// The formal assessment's one state machine (seed 003 §8.2): 申请 → 受理/不受理 → 组建评估组 →
// 计划确认 → 预评估 → 可行/终止, with 撤回 by the enterprise before the pre-assessment starts.
// Every stage change goes through `nextStage`; anything not listed here is refused.
import type { FormalStage } from '@cmmm/contract';
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
  if (!next) throw new AppError('ILLEGAL_TRANSITION', undefined, [{ code: 'ILLEGAL_TRANSITION', path: 'stage', message: `阶段「${stage}」不能执行「${event}」` }]);
  return next;
}
