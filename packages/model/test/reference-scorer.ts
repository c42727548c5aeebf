// A second, deliberately naive scorer: formulas (1)–(4) of seed 003 §9.3 and scoring-rules.md,
// written straight from the text in exact rationals, recursing over the edition. The engine's
// integer forms must agree with it exactly.
import { add, compare, div, mul, rational, sum, ZERO, type Rational } from '../src/rational.ts';
import type { Edition, EnterpriseType, Grade } from '../src/types.ts';

const POINTS: Record<Exclude<Grade, 'NA'>, Rational> = {
  FI: rational(1),
  LI: rational(4, 5),
  PI: rational(1, 2),
  NI: rational(0),
};

/** A node's score at a level, or null when absent (tailored, not assessed, or all NA). */
type Scored = { weight: Rational; score: Rational | null };

function weighted(children: Scored[]): Rational | null {
  const present = children.filter((c) => c.score !== null);
  if (!present.length) return null;
  const total = sum(present.map((c) => c.weight));
  return sum(present.map((c) => mul(div(c.weight, total), c.score!)));
}

export function referenceLevelScore(
  edition: Edition,
  type: EnterpriseType,
  tailored: readonly string[],
  answers: Record<string, Grade>,
  level: number,
  weights: Record<string, number> = edition.weights[type],
): Rational {
  const w = (id: string) => rational(Math.round(weights[id]! * 1e6), 1e6);
  const out = new Set(tailored);
  const inPlan = (id: string) => id in weights && !out.has(id);
  const score = weighted(
    edition.elements.filter((e) => inPlan(e.id)).map((e) => ({
      weight: w(e.id),
      score: weighted(
        e.domains.filter((d) => inPlan(d.id)).map((d) => ({
          weight: w(d.id),
          score: weighted(
            d.subdomains.filter((s) => inPlan(s.id)).map((s) => {
              const grades = s.items
                .map((i) => answers[i.requirements.find((r) => r.level === level)!.id]!)
                .filter((g) => g !== 'NA');
              // formula (1): the arithmetic mean of the answered requirements
              const mean = grades.length ? div(sum(grades.map((g) => POINTS[g as Exclude<Grade, 'NA'>])), rational(grades.length)) : null;
              return { weight: w(s.id), score: mean };
            }),
          ),
        })),
      ),
    })),
  );
  return score ?? ZERO;
}

/** Level and S by scoring-rules.md rule 1, evaluating levels from 一级 up to maxLevel (rule 4). */
export function referenceResult(
  edition: Edition,
  type: EnterpriseType,
  tailored: readonly string[],
  answers: Record<string, Grade>,
  weights?: Record<string, number>,
  maxLevel = 5,
): { level: number; S: Rational; levelScores: Rational[] } {
  const levelScores: Rational[] = [];
  let k = 0;
  for (let level = 1; level <= maxLevel; level++) {
    const s = referenceLevelScore(edition, type, tailored, answers, level, weights);
    levelScores.push(s);
    if (compare(s, rational(4, 5)) < 0) break;
    k = level;
  }
  const s = (i: number) => levelScores[i - 1] ?? ZERO;
  const S = k === 0 ? s(1) : k === 5 ? add(rational(4), s(5)) : add(rational(k - 1), add(s(k), s(k + 1)));
  return { level: k, S, levelScores };
}
