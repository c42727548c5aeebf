// The formal (third-party) assessment's additions to scoring (scoring-rules.md rule 4): the level
// applied for (maxLevel) and custom weights, in the engine and through assess().
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, planFor, requireEdition, scoreSheet, toString as ratio, type Grade, type MaturityLevel, type ScoreResult } from '../src/index.ts';
import { assessment } from './arbitraries.ts';
import { bandOf, buildAnswers, buildPlan, buildSheet, edition, scoreOf } from './builders.ts';
import { referenceResult } from './reference-scorer.ts';

const RUNS = { numRuns: 100 };
const LEVELS: MaturityLevel[] = [1, 2, 3, 4, 5];

function assessed(input: object): ScoreResult {
  const result = assess(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const refusal = (input: object) => {
  const result = assess(input);
  return result.ok ? [] : result.issues.map((i) => `${i.code} ${i.path}`);
};

describe('maxLevel: levels above the one applied for are not rated', () => {
  it('all 全部满足 with maxLevel m < 5 gives level m and S = m exactly', () => {
    const plan = buildPlan();
    for (const m of [1, 2, 3, 4] as const) {
      const score = scoreOf(plan, buildAnswers('FI'), { maxLevel: m });
      expect([score.level, score.totalScore, ratio(score.totalScoreExact), score.levels.length]).toEqual([m, m, `${m}`, m]);
    }
  });

  it('S = (k − 1) + s_k + 0 when k = maxLevel: all LI with maxLevel 3 gives S = 2.8, the lower edge of 三级', () => {
    const score = scoreOf(buildPlan(), buildAnswers('LI'), { maxLevel: 3 });
    expect([score.level, ratio(score.totalScoreExact), bandOf(score.totalScore)]).toEqual([3, '14/5', 3]);
  });

  it('stops earlier at the first level not reached, as without maxLevel', () => {
    const answers = buildAnswers((r) => (r.level === 1 ? 'FI' : 'PI'));
    const capped = scoreOf(buildPlan(), answers, { maxLevel: 4 });
    expect([capped.level, capped.totalScore, capped.levels.length]).toEqual([1, 1.5, 2]);
  });

  it('needs no answers above maxLevel', () => {
    const plan = buildPlan();
    const upToTwo = Object.fromEntries(Object.entries(buildAnswers('FI')).filter(([id]) => /\.L[12]$/.test(id)));
    const sheet = buildSheet(plan, upToTwo);
    const capped = scoreSheet(plan, sheet, { maxLevel: 2 });
    expect(capped.ok && [capped.value.level, capped.value.totalScore]).toEqual([2, 2]);
    const uncapped = scoreSheet(plan, sheet);
    expect(uncapped.ok ? [] : uncapped.issues.map((i) => i.code)).toEqual(['MISSING_ANSWERS']);
  });

  it('refuses a maxLevel outside 1–5 (a programming error in a caller)', () => {
    const plan = buildPlan();
    const sheet = buildSheet(plan, buildAnswers('FI'));
    expect(() => scoreSheet(plan, sheet, { maxLevel: 0 as MaturityLevel })).toThrow(RangeError);
    expect(() => scoreSheet(plan, sheet, { maxLevel: 6 as MaturityLevel })).toThrow(RangeError);
  });

  it('by default scores as with maxLevel 5', () => {
    fc.assert(
      fc.property(assessment, ({ enterpriseType, tailored, answers }) => {
        const plan = buildPlan({ enterpriseType, tailored });
        const a = scoreOf(plan, answers);
        const b = scoreOf(plan, answers, { maxLevel: 5 });
        expect([b.level, ratio(b.totalScoreExact), b.levels.map((l) => l.score)]).toEqual([a.level, ratio(a.totalScoreExact), a.levels.map((l) => l.score)]);
        expect(a.maxLevel).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('the band of S always agrees with k, k ≤ maxLevel, and S agrees with the naive scorer', () => {
    fc.assert(
      fc.property(assessment, fc.constantFrom(...LEVELS), ({ enterpriseType, tailored, answers }, maxLevel) => {
        const score = scoreOf(buildPlan({ enterpriseType, tailored }), answers, { maxLevel });
        expect(bandOf(score.totalScore)).toBe(score.level);
        expect(score.level).toBeLessThanOrEqual(maxLevel);
        const ref = referenceResult(edition, enterpriseType, tailored, answers, undefined, maxLevel);
        expect([score.level, ratio(score.totalScoreExact)]).toEqual([ref.level, ratio(ref.S)]);
      }),
      RUNS,
    );
  });

  it('assess() takes maxLevel, records it, and has no gap once the level applied for is reached', () => {
    const r = assessed({ enterpriseType: 'discrete', maxLevel: 3, answers: buildAnswers('FI') });
    expect([r.level, r.totalScore, r.maxLevel, r.gap, Object.keys(r.levelScores)]).toEqual([3, 3, 3, null, ['1', '2', '3']]);
    expect('maxLevel' in assessed({ enterpriseType: 'discrete', answers: buildAnswers('FI') })).toBe(false);
  });

  it('assess() refuses a maxLevel that is not an integer 1–5', () => {
    for (const maxLevel of [0, 6, 2.5, '3', null]) {
      expect(refusal({ enterpriseType: 'discrete', maxLevel, answers: buildAnswers('FI') })).toEqual(['BAD_INPUT maxLevel']);
    }
  });
});

describe('custom weights (rule 4) through assess()', () => {
  const answers = buildAnswers((r) => (r.domainId === 'M2' && r.level === 1 ? 'NI' : 'FI'));

  it('the default table given as weights gives the identical result, with the table recorded', () => {
    const defaults = edition.weights.discrete;
    const plain = assessed({ enterpriseType: 'discrete', answers });
    const given = assessed({ enterpriseType: 'discrete', weights: defaults, answers });
    const { weights, ...rest } = given;
    expect(rest).toEqual(plain);
    expect(weights).toEqual(defaults);
    expect('weights' in plain).toBe(false);
  });

  it('a changed domain weight changes the score exactly as by hand: 生产 0.52 against 0.52 for the rest of 制造', () => {
    // s1 = 1 − w(制造) · w'(生产) = 1 − 0.69 × 0.52 / (0.52 + 0.13 × 4) = 1 − 0.345 = 0.655 (default: 0.6688)
    const r = assessed({ enterpriseType: 'discrete', weights: { M2: 0.52 }, answers });
    expect([r.level, r.totalScore, r.totalScoreExact]).toEqual([0, 0.655, '131/200']);
    expect(r.weights).toEqual({ ...edition.weights.discrete, M2: 0.52 });
    expect(r.breakdown['1']!.elements.find((e) => e.id === 'M')!.domains.find((d) => d.id === 'M2')!.weight).toBe(0.5);
    const ref = referenceResult(edition, 'discrete', [], answers, { ...edition.weights.discrete, M2: 0.52 });
    expect(ratio(ref.S)).toBe('131/200');
  });

  it('refuses an invalid weight table, each problem with its code and path', () => {
    const input = (weights: unknown, enterpriseType = 'discrete') => ({ enterpriseType, weights, answers });
    expect(refusal(input({ M2: -0.5, M4: 0 }))).toEqual(['BAD_WEIGHT weights.M2', 'BAD_WEIGHT weights.M4']);
    expect(refusal(input({ Z9: 0.5 }))).toEqual(['UNKNOWN_NODE weights.Z9']);
    expect(refusal(input({ 'M2-1.1': 0.5 }))).toEqual(['UNKNOWN_NODE weights.M2-1.1']);
    expect(refusal(input({ M2: 'heavy' }))).toEqual(['BAD_INPUT weights.M2']);
    expect(refusal(input([0.5]))).toEqual(['BAD_INPUT weights']);
    // 流程型 is not assessed on 产品设计: a weight must not bring it in
    expect(refusal(input({ 'M1-1': 0.5 }, 'process'))).toEqual(['WEIGHTS_INVALID weights.M1-1']);
  });

  it('the plan cache keys on the weights: same table in any order → same plan; other weights → another plan', () => {
    const ed = requireEdition();
    const plan = (weights?: Record<string, number>) => {
      const got = planFor(ed, 'discrete', [], weights);
      if (!got.ok) throw new Error(JSON.stringify(got.issues));
      return got.value;
    };
    const a = plan({ M2: 0.5, M3: 0.2 });
    expect(plan({ M3: 0.2, M2: 0.5 })).toBe(a);
    expect(plan({ M2: 0.5, M3: 0.3 })).not.toBe(a);
    expect(plan()).not.toBe(plan(ed.weights.discrete));
    expect([plan().customWeights, plan(ed.weights.discrete).customWeights]).toEqual([false, true]);
    expect(a.weights.M2).toBe(0.5);
    expect(a.weights.M1).toBe(ed.weights.discrete.M1);
  });

  it('custom weights and maxLevel together: scored with both, both recorded', () => {
    const grades: Grade[] = ['FI', 'LI'];
    const all = buildAnswers((r) => grades[r.level % 2]!);
    const r = assessed({ enterpriseType: 'process', weights: { M2: 0.9 }, maxLevel: 2, answers: all });
    expect([r.level, r.maxLevel, r.weights?.M2]).toEqual([2, 2, 0.9]);
    // level 1 all LI (0.8), level 2 all FI (1): S = 1 + 1 = 2
    expect(r.totalScoreExact).toBe('2');
  });
});
