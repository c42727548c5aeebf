// Gap analysis: the improvements reach the level, and no smaller set does (brute force on a small
// edition; exact rescoring on the shipped one).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseGap, GRADES, type Grade } from '../src/index.ts';
import { buildAnswers, buildPlan, requirementsOf, scoreOf } from './builders.ts';
import { tinyEdition } from './tiny-edition.ts';

const RATED: Grade[] = ['FI', 'LI', 'PI', 'NI'];
const tiny = tinyEdition();
const tinyRequirements = requirementsOf(tiny);

function applied(answers: Record<string, Grade>, gap: NonNullable<ReturnType<typeof analyseGap>>): Record<string, Grade> {
  const out = { ...answers };
  for (const i of gap.improvements) {
    expect(out[i.requirementId]).toBe(i.from);
    out[i.requirementId] = i.to;
  }
  return out;
}

describe('gap analysis', () => {
  it('is null at 五级', () => {
    expect(analyseGap(scoreOf(buildPlan(), buildAnswers('FI')))).toBeNull();
  });

  it('lists every requirement below 全部满足 at the target level; their effects add up to 1 − level score', () => {
    const answers = buildAnswers((r) => (r.level === 1 ? 'FI' : RATED[(r.id.length + r.level) % 4]!));
    const score = scoreOf(buildPlan(), answers);
    const gap = analyseGap(score)!;
    expect(gap.targetLevel).toBe(2);
    const below = Object.entries(answers).filter(([id, g]) => id.endsWith('.L2') && g !== 'FI').map(([id]) => id);
    expect(gap.holding.map((h) => h.requirementId).sort()).toEqual(below.sort());
    const effects = gap.holding.reduce((s, h) => s + h.effect, 0);
    expect(effects).toBeCloseTo(1 - gap.levelScore, 12);
    expect(gap.holding.map((h) => h.effect)).toEqual([...gap.holding.map((h) => h.effect)].sort((a, b) => b - a));
  });

  it('on the shipped edition: the improvements reach the level, and the best set one smaller does not', () => {
    const requirements = requirementsOf();
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: requirements.length, maxLength: requirements.length }),
        fc.integer({ min: 1, max: 5 }),
        (grades, lift) => {
          // levels below `lift` all 全部满足, so the target level varies
          const answers = Object.fromEntries(requirements.map((r, i) => [r.id, r.level < lift ? 'FI' : RATED[grades[i]!]!])) as Record<string, Grade>;
          const plan = buildPlan();
          const score = scoreOf(plan, answers);
          const gap = analyseGap(score);
          if (!gap) return;
          const after = scoreOf(plan, applied(answers, gap));
          expect(after.level).toBeGreaterThanOrEqual(gap.targetLevel);
          expect(after.levels[gap.targetLevel - 1]!.score).toBe(gap.scoreAfter);
          // The m − 1 largest single gains, all raised to FI, must fall short.
          const best = gap.holding.slice(0, gap.improvements.length - 1);
          const fewer = { ...answers, ...Object.fromEntries(best.map((h) => [h.requirementId, 'FI'])) } as Record<string, Grade>;
          expect(scoreOf(plan, fewer).levels[gap.targetLevel - 1]!.reached).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('on a small edition: no smaller set of changes reaches the level (brute force)', () => {
    const plan = buildPlan({}, tiny);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<Grade>('FI', 'LI', 'PI', 'NI', 'NA'), { minLength: tinyRequirements.length, maxLength: tinyRequirements.length }),
        (grades) => {
          const answers = Object.fromEntries(
            tinyRequirements.map((r, i) => [r.id, grades[i] === 'NA' && !r.tailorable ? 'PI' : grades[i]!]),
          ) as Record<string, Grade>;
          const score = scoreOf(plan, answers);
          const gap = analyseGap(score);
          if (!gap) return;
          const target = gap.targetLevel;
          expect(scoreOf(plan, applied(answers, gap)).levels[target - 1]!.reached).toBe(true);
          // every subset of the target level's requirements, each raised to any better grade
          const open = tinyRequirements.filter((r) => r.level === target && answers[r.id] !== 'NA' && answers[r.id] !== 'FI');
          let smallest = Infinity;
          for (let mask = 0; mask < 1 << open.length; mask++) {
            const chosen = open.filter((_, i) => mask & (1 << i));
            if (chosen.length >= smallest) continue;
            const trial = { ...answers, ...Object.fromEntries(chosen.map((r) => [r.id, 'FI'])) } as Record<string, Grade>;
            if (scoreOf(plan, trial).levels[target - 1]!.reached) smallest = chosen.length;
          }
          expect(gap.improvements.length).toBe(smallest);
          for (const i of gap.improvements) expect(GRADES.indexOf(i.to)).toBeLessThan(GRADES.indexOf(i.from));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('asks for no more than needed: the last change is lowered to the smallest grade that still reaches', () => {
    // tiny, discrete, level 1: everything 全部满足 except 条目四 (A1-2, 0.37 × 0.3 = 0.111 of the level) 不满足
    const answers = Object.fromEntries(tinyRequirements.map((r) => [r.id, r.id === 'A1-2.1.L1' ? 'NI' : r.level === 1 ? 'FI' : 'NI'])) as Record<string, Grade>;
    // and 条目五/六 at 部分满足 so the level sits just under 0.8
    answers['B1-1.1.L1'] = 'PI';
    answers['B1-1.2.L1'] = 'PI';
    const gap = analyseGap(scoreOf(buildPlan({}, tiny), answers))!;
    expect(gap.targetLevel).toBe(1);
    // 1 − 0.111 − 0.63 × 0.55 × 0.5 = 0.71575: raising 条目四 to 部分满足 (+0.0555) is not enough,
    // to 大部分满足 (+0.0888) is: 0.80455
    expect(gap.improvements).toEqual([{ requirementId: 'A1-2.1.L1', subdomainId: 'A1-2', from: 'NI', to: 'LI', gain: expect.closeTo(0.0888, 12) }]);
  });
});
