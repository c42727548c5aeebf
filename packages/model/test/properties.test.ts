// Property-based tests of the engine's invariants (fast-check), on the shipped edition.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rational, readAnswers, toString as ratio, type Grade } from '../src/index.ts';
import { assessment, RATED, raiseOne } from './arbitraries.ts';
import { bandOf, buildPlan, edition, requirementsOf, scoreOf } from './builders.ts';
import { referenceResult } from './reference-scorer.ts';

const requirements = requirementsOf();

const RUNS = { numRuns: 150 };

describe('scoring invariants', () => {
  it('agrees exactly with the naive rational scorer of formulas (1)–(4)', () => {
    fc.assert(
      fc.property(assessment, ({ enterpriseType, tailored, answers }) => {
        const score = scoreOf(buildPlan({ enterpriseType, tailored }), answers);
        const ref = referenceResult(edition, enterpriseType, tailored, answers);
        expect(score.level).toBe(ref.level);
        expect(ratio(score.totalScoreExact)).toBe(ratio(ref.S));
        expect(score.levels.map((l) => ratio(rational(l.num, l.forms.root.bigDen)))).toEqual(ref.levelScores.map((s) => ratio(s)));
      }),
      RUNS,
    );
  });

  it('the band of S (表16) always equals the level given by the 0.8 gate', () => {
    fc.assert(
      fc.property(assessment, ({ enterpriseType, tailored, answers }) => {
        const score = scoreOf(buildPlan({ enterpriseType, tailored }), answers);
        expect(bandOf(score.totalScore)).toBe(score.level);
      }),
      RUNS,
    );
  });

  it('raising one answer never lowers S or the level', () => {
    fc.assert(
      fc.property(assessment, fc.nat(), fc.nat(), ({ enterpriseType, tailored, answers }, pick, step) => {
        const raised = raiseOne(answers, pick, step);
        if (!raised) return;
        const { id, to } = raised;
        const plan = buildPlan({ enterpriseType, tailored });
        const before = scoreOf(plan, answers);
        const after = scoreOf(plan, { ...answers, [id]: to });
        expect(after.totalScore).toBeGreaterThanOrEqual(before.totalScore);
        expect(after.level).toBeGreaterThanOrEqual(before.level);
      }),
      RUNS,
    );
  });

  it('scaling all weights of one group by any factor changes nothing', () => {
    const groups = [
      ['P', 'T', 'R', 'M', 'G'],
      ['T1', 'T2', 'T3'],
      ['M1', 'M2', 'M3', 'M4', 'M5'],
      ['M2-1', 'M2-2', 'M2-3', 'M2-4', 'M2-5', 'M2-6', 'M2-7'],
      ['G2-1', 'G2-2'],
    ];
    fc.assert(
      fc.property(assessment, fc.constantFrom(...groups), fc.integer({ min: 2, max: 97 }), ({ enterpriseType, tailored, answers }, group, factor) => {
        // Whole percentages times an integer factor: the scaled weights are exact decimals.
        const base = edition.weights[enterpriseType];
        const scaled = Object.fromEntries(
          Object.entries(base).map(([id, w]) => [id, group.includes(id) ? Math.round(w * 100) * factor : w]),
        );
        const a = scoreOf(buildPlan({ enterpriseType, tailored }), answers);
        const b = scoreOf(buildPlan({ enterpriseType, tailored, weights: scaled }), answers);
        expect(ratio(b.totalScoreExact)).toBe(ratio(a.totalScoreExact));
        expect(b.level).toBe(a.level);
      }),
      RUNS,
    );
  });

  it('an absent part is never counted as 0 or 1: uniform answers give that grade at every level', () => {
    const points: Record<string, number> = { FI: 1, LI: 0.8, PI: 0.5, NI: 0 };
    fc.assert(
      fc.property(assessment, fc.constantFrom(...RATED), ({ enterpriseType, tailored, answers }, grade) => {
        // keep the NA pattern and tailoring, make every rated answer the same grade
        const uniform = Object.fromEntries(Object.entries(answers).map(([id, g]) => [id, g === 'NA' ? 'NA' : grade])) as Record<string, Grade>;
        const score = scoreOf(buildPlan({ enterpriseType, tailored }), uniform);
        for (const l of score.levels) expect(l.score).toBe(points[grade]);
      }),
      RUNS,
    );
  });

  it('answers inside a tailored-out part change nothing', () => {
    fc.assert(
      fc.property(assessment, fc.constantFrom(...RATED), ({ enterpriseType, tailored, answers }, grade) => {
        if (!tailored.length) return;
        const plan = buildPlan({ enterpriseType, tailored });
        const inside = (id: string) => tailored.some((t) => id.startsWith(`${t}-`) || id.startsWith(`${t}.`));
        const changed = Object.fromEntries(Object.entries(answers).map(([id, g]) => [id, inside(id) ? grade : g])) as Record<string, Grade>;
        expect(ratio(scoreOf(plan, changed).totalScoreExact)).toBe(ratio(scoreOf(plan, answers).totalScoreExact));
      }),
      RUNS,
    );
  });

  it('NA on any requirement of a mandatory part is refused', () => {
    const mandatory = requirements.filter((r) => !r.tailorable);
    const plan = buildPlan();
    fc.assert(
      fc.property(fc.constantFrom(...mandatory), (r) => {
        const sheet = readAnswers(plan, { [r.id]: 'NA' });
        expect(sheet.ok ? [] : sheet.issues.map((i) => i.code)).toEqual(['NA_NOT_ALLOWED']);
      }),
      { numRuns: 100 },
    );
  });
});

