// The formal assessment's state machine (seed 003 §8.2), pure: every legal transition gives the
// table's stage, every other one is refused with ILLEGAL_TRANSITION.
import { FORMAL_STAGES, type FormalStage } from '@cmmm/contract';
import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.ts';
import { canHappen, nextStage, OPEN_STAGES, requireStage, TRANSITIONS, type StageEvent } from '../src/services/formal-assessment/stage-machine.ts';

const EVENTS: StageEvent[] = ['accept', 'decline', 'withdraw', 'formTeam', 'reopenTeam', 'confirmPlans', 'changePlan', 'startPreAssessment', 'proceed', 'close', 'holdFirstMeeting', 'rollUp', 'reopenRating', 'shareResult', 'finalise', 'submitForReview', 'approve', 'returnForRework', 'upholdObjection', 'issueCertificate'];

/** The process as the issue states it, written out independently of TRANSITIONS. */
const LEGAL: [FormalStage, StageEvent, FormalStage][] = [
  ['submitted', 'accept', 'accepted'],
  ['submitted', 'decline', 'declined'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['accepted', 'formTeam', 'team_formed'],
  ['accepted', 'withdraw', 'withdrawn'],
  ['team_formed', 'confirmPlans', 'plans_confirmed'],
  ['team_formed', 'reopenTeam', 'accepted'],
  ['team_formed', 'changePlan', 'team_formed'],
  ['team_formed', 'withdraw', 'withdrawn'],
  ['plans_confirmed', 'startPreAssessment', 'pre_assessment'],
  ['plans_confirmed', 'changePlan', 'team_formed'],
  ['plans_confirmed', 'reopenTeam', 'accepted'],
  ['plans_confirmed', 'withdraw', 'withdrawn'],
  ['pre_assessment', 'proceed', 'feasible'],
  ['pre_assessment', 'close', 'closed'],
  // 正式评估: the first meeting starts it (and may be recorded again), the roll-up ends it, the lead may reopen.
  ['feasible', 'holdFirstMeeting', 'assessing'],
  ['assessing', 'holdFirstMeeting', 'assessing'],
  ['assessing', 'rollUp', 'rated'],
  ['rated', 'reopenRating', 'assessing'],
  // 沟通评估结果 → 末次会议; the lead may still reopen the rating while discussing.
  ['rated', 'shareResult', 'communicating'],
  ['communicating', 'finalise', 'final'],
  ['communicating', 'reopenRating', 'assessing'],
  // 合规性审查 → 公示 → 证书; a returned review or an upheld objection goes back to the team.
  ['final', 'submitForReview', 'under_review'],
  ['under_review', 'approve', 'publicized'],
  ['under_review', 'returnForRework', 'assessing'],
  ['publicized', 'issueCertificate', 'certified'],
  ['publicized', 'upholdObjection', 'assessing'],
];

function refusal(run: () => unknown): AppError | undefined {
  try {
    run();
  } catch (err) {
    return err as AppError;
  }
  return undefined;
}

describe('formal assessment stage machine', () => {
  it.each(LEGAL)('%s --%s--> %s', (stage, event, to) => {
    expect(canHappen(stage, event)).toBe(true);
    expect(nextStage(stage, event)).toBe(to);
    expect(TRANSITIONS[stage][event]).toBe(to);
  });

  const illegal = FORMAL_STAGES.flatMap((stage) => EVENTS.filter((event) => !LEGAL.some(([s, e]) => s === stage && e === event)).map((event) => [stage, event] as const));

  it(`refuses the other ${illegal.length} stage × event pairs with ILLEGAL_TRANSITION and a Chinese message`, () => {
    expect(illegal.length).toBe(FORMAL_STAGES.length * EVENTS.length - LEGAL.length);
    for (const [stage, event] of illegal) {
      expect(canHappen(stage, event)).toBe(false);
      const err = refusal(() => nextStage(stage, event));
      expect(err, `${stage} ${event}`).toBeInstanceOf(AppError);
      expect(err!.code).toBe('ILLEGAL_TRANSITION');
      expect(err!.issues[0]!.message).toMatch(/^当前阶段「.+」不能/);
    }
  });

  it('has no transition the issue does not list', () => {
    const table = FORMAL_STAGES.flatMap((stage) => Object.entries(TRANSITIONS[stage]).map(([event, to]) => [stage, event, to]));
    expect(table.sort()).toEqual([...LEGAL].sort());
  });

  it('terminal stages allow nothing; the open stages are exactly those the unique index formal_assessment_open_key covers', () => {
    for (const stage of ['declined', 'withdrawn', 'closed', 'certified'] as const) expect(Object.keys(TRANSITIONS[stage])).toEqual([]);
    expect([...OPEN_STAGES].sort()).toEqual(FORMAL_STAGES.filter((s) => !['declined', 'withdrawn', 'closed', 'certified'].includes(s)).sort());
  });

  it('requireStage refuses outside the listed stages', () => {
    expect(refusal(() => requireStage('accepted', ['accepted'], '调整评估组成员'))).toBeUndefined();
    expect(refusal(() => requireStage('team_formed', ['accepted'], '调整评估组成员'))!.code).toBe('ILLEGAL_TRANSITION');
  });
});
