// Gap analysis for the first level not reached: what holds it below 0.8, and a smallest set of
// answer improvements that would reach it.
//
// Method. At one level the score is linear in the grades: score = Σ_r c_s(r) · t_r / D, with t_r the
// grade in tenths and c_s, D the integers of the level's form (linear-form.ts). Raising requirement r
// from t_r to t' adds c_s(r) · (t' − t_r) / D and leaves every other term alone (the counts n_s do not
// change, since NA answers stay NA). So the largest gain any m changes can make is the sum of the m
// largest single gains "raise to 全部满足". The fewest changes that reach 0.8 are therefore found by
// taking gains in descending order until 5·(N + G) ≥ 4·D — all in exact integers. Then, from the
// smallest of the chosen gains upwards, each target is lowered to the lowest grade that still
// reaches the level, so the suggestion asks for no more than needed.
import { GRADE_BY_CODE, GradeCode, TENTHS_BY_CODE } from './answers.ts';
import { rational, toNumber } from './rational.ts';
import type { LevelEvaluation, Score } from './score.ts';
import { GRADE_TENTHS, RATED_GRADES, type MaturityLevel, type RatedGrade } from './types.ts';

export interface HoldingRequirement {
  requirementId: string;
  subdomainId: string;
  grade: RatedGrade;
  /** How much the level score would rise if this requirement were 全部满足. */
  effect: number;
}

export interface Improvement {
  requirementId: string;
  subdomainId: string;
  from: RatedGrade;
  to: RatedGrade;
  /** How much the level score rises with this change. */
  gain: number;
}

export interface GapAnalysis {
  targetLevel: MaturityLevel;
  levelScore: number;
  /** 0.8 − level score. */
  shortfall: number;
  /** Every requirement below 全部满足 at the target level, largest effect first. */
  holding: HoldingRequirement[];
  /** A smallest set of changes that reaches the target level. */
  improvements: Improvement[];
  /** The level score once the improvements are made (≥ 0.8). */
  scoreAfter: number;
}

interface Candidate {
  index: number;
  subdomain: number;
  code: number;
  coef: bigint;
  gainToFI: bigint;
}

/** The gap to the first level not reached, or null when 五级 is reached. */
export function analyseGap(score: Score): GapAnalysis | null {
  const target = score.levels.find((l) => !l.reached);
  if (!target) return null;
  const { plan } = score;
  const form = target.forms.root;
  const candidates = candidatesOf(score, target);
  const num = BigInt(target.num);
  const reaches = (n: bigint) => 5n * n >= 4n * form.bigDen;

  const chosen: { c: Candidate; gain: bigint; to: RatedGrade }[] = [];
  let n = num;
  for (const c of candidates) {
    if (reaches(n)) break;
    chosen.push({ c, gain: c.gainToFI, to: 'FI' });
    n += c.gainToFI;
  }
  for (let i = chosen.length - 1; i >= 0; i--) {
    const pick = chosen[i]!;
    for (const to of lowerTargets(pick.c.code)) {
      const gain = pick.c.coef * BigInt(GRADE_TENTHS[to] - TENTHS_BY_CODE[pick.c.code]!);
      if (reaches(n - pick.gain + gain)) {
        n += gain - pick.gain;
        chosen[i] = { ...pick, gain, to };
        break;
      }
    }
  }

  const asScore = (x: bigint) => toNumber(rational(x, form.bigDen));
  const gradeOf = (code: number) => GRADE_BY_CODE[code] as RatedGrade;
  return {
    targetLevel: target.level,
    levelScore: target.score,
    shortfall: toNumber(rational(4n * form.bigDen - 5n * num, 5n * form.bigDen)),
    holding: candidates.map((c) => ({
      requirementId: plan.requirementIds[c.index]!,
      subdomainId: plan.subdomains[c.subdomain]!.id,
      grade: gradeOf(c.code),
      effect: asScore(c.gainToFI),
    })),
    improvements: chosen.map(({ c, gain, to }) => ({
      requirementId: plan.requirementIds[c.index]!,
      subdomainId: plan.subdomains[c.subdomain]!.id,
      from: gradeOf(c.code),
      to,
      gain: asScore(gain),
    })),
    scoreAfter: asScore(n),
  };
}

/** Requirements below FI at the level, by descending gain (document order breaks ties). */
function candidatesOf(score: Score, target: LevelEvaluation): Candidate[] {
  const { plan } = score;
  const form = target.forms.root;
  const sheet = score.sheet;
  const out: Candidate[] = [];
  plan.subdomains.forEach((sub, s) => {
    const coef = form.bigCoef[s]!;
    for (const index of sub.byLevel[target.level - 1]!) {
      const code = sheet[index]!;
      if (code === GradeCode.NA || code === GradeCode.FI || coef === 0n) continue;
      out.push({ index, subdomain: s, code, coef, gainToFI: coef * BigInt(10 - TENTHS_BY_CODE[code]!) });
    }
  });
  return out.sort((a, b) => (a.gainToFI === b.gainToFI ? a.index - b.index : a.gainToFI > b.gainToFI ? -1 : 1));
}

/** Grades above the current one, lowest first (FI last). */
function lowerTargets(code: number): RatedGrade[] {
  const current = GRADE_BY_CODE[code] as RatedGrade;
  return [...RATED_GRADES].reverse().filter((g) => GRADE_TENTHS[g] > GRADE_TENTHS[current]);
}
