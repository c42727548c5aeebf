// Scoring of one answer sheet against a plan (seed 003 §9, scoring-rules.md).
// Levels are evaluated from 一级 up; a level is reached when its score is at least 0.8, exactly.
import { GradeCode, TENTHS_BY_CODE, type AnswerSheet } from './answers.ts';
import { buildFormSet, fractionValue, numerator, type FormSet, type LinearForm } from './linear-form.ts';
import { add, rational, toNumber, type Rational } from './rational.ts';
import type { ScoringPlan } from './scoring-plan.ts';
import { MATURITY_LEVELS, fail, ok, type Issue, type MaturityLevel, type Outcome } from './types.ts';

/** One evaluated level: every node score, exactly derived. */
export interface LevelEvaluation {
  readonly level: MaturityLevel;
  readonly forms: FormSet;
  /** Sum of grade tenths per plan subdomain (NA excluded). */
  readonly sums: readonly number[];
  /** Numerator of the level score over forms.root.den. */
  readonly num: number | bigint;
  readonly score: number;
  readonly reached: boolean;
  // Plain arrays, not typed ones: allocating a small typed array costs more than scoring a level.
  readonly elementScores: readonly number[]; // NaN where absent
  readonly domainScores: readonly number[];
  readonly subdomainScores: readonly number[];
}

export interface Score {
  readonly plan: ScoringPlan;
  readonly sheet: AnswerSheet;
  readonly levels: readonly LevelEvaluation[];
  /** Consecutive levels reached from 一级 (0 = 未达到一级). */
  readonly level: 0 | MaturityLevel;
  readonly totalScore: number;
  readonly totalScoreExact: Rational;
  /** The level applied for, when scoring stopped there (ScoreOptions.maxLevel). */
  readonly maxLevel: MaturityLevel | undefined;
}

// Hot-loop bindings captured once: module loaders may turn imported bindings into getter calls.
const TENTHS = Float64Array.from(TENTHS_BY_CODE);
const NONE = GradeCode.none;
const NA = GradeCode.NA;
const dot = numerator;
const valueOf = fractionValue;

const isReached = (form: LinearForm, num: number | bigint): boolean =>
  typeof num === 'number' ? 5 * num >= 4 * form.den : 5n * num >= 4n * form.bigDen;

const exactScore = (e: LevelEvaluation): Rational => rational(e.num, e.forms.root.bigDen);

/** Evaluates one level, or lists the requirements of that level still unanswered. */
export function evaluateLevel(plan: ScoringPlan, sheet: AnswerSheet, level: MaturityLevel): Outcome<LevelEvaluation> {
  const nS = plan.subdomains.length;
  const sums = new Array<number>(nS);
  const reqs = plan.levelRequirements[level - 1]!;
  const ends = plan.subdomainEnds;
  let counts: Int32Array | null = null; // allocated only when an NA changes a subdomain's n
  let missing: number[] | null = null;
  let i = 0;
  for (let s = 0; s < nS; s++) {
    const end = ends[s]!;
    let sum = 0;
    let answered = 0;
    for (; i < end; i++) {
      const code = sheet[reqs[i]!]!;
      if (code === NONE) (missing ??= []).push(reqs[i]!);
      else if (code !== NA) {
        sum += TENTHS[code]!;
        answered++;
      }
    }
    sums[s] = sum;
    if (answered !== plan.subdomains[s]!.itemCount) {
      counts ??= Int32Array.from(plan.fullForms.counts);
      counts[s] = answered;
    }
  }
  if (missing) {
    return fail([missingAnswersIssue(plan, level, missing)]);
  }
  const forms = counts ? buildFormSet(plan, counts) : plan.fullForms;
  const num = dot(forms.root, sums);

  const subdomainScores = new Array<number>(nS);
  for (let s = 0; s < nS; s++) {
    const n = forms.counts[s]!;
    subdomainScores[s] = n > 0 ? sums[s]! / (10 * n) : Number.NaN;
  }
  return ok({
    level,
    forms,
    sums,
    num,
    score: valueOf(forms.root, num),
    reached: isReached(forms.root, num),
    elementScores: nodeScores(forms.elements, sums),
    domainScores: nodeScores(forms.domains, sums),
    subdomainScores,
  });
}

/** Each node's score N / D, NaN where the node is absent. */
function nodeScores(forms: readonly (LinearForm | null)[], sums: readonly number[]): number[] {
  const out = new Array<number>(forms.length);
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i];
    out[i] = form ? valueOf(form, dot(form, sums)) : Number.NaN;
  }
  return out;
}

/** MISSING_ANSWERS for requirement indices of one level; scope names the part (e.g. a domain) when not the whole plan. */
export function missingAnswersIssue(plan: ScoringPlan, level: MaturityLevel, missing: readonly number[], scope = ''): Issue {
  const ids = missing.map((i) => plan.requirementIds[i]!);
  const shown = ids.slice(0, 10).join('、') + (ids.length > 10 ? ` 等 ${ids.length} 条` : '');
  return {
    code: 'MISSING_ANSWERS',
    path: 'answers',
    message: `${scope}${plan.edition.levels.find((l) => l.level === level)?.label ?? level}尚有 ${ids.length} 条要求未作答：${shown}`,
  };
}

export interface ScoreOptions {
  /** The level applied for (formal assessment, rule 4): levels above it are not rated. */
  maxLevel?: MaturityLevel;
}

/**
 * Scores a sheet: evaluates 一级, and each next level while the previous one is reached, up to maxLevel.
 * Total score S (scoring-rules.md rule 1), with k levels reached:
 *   k = 0: S = s1;  1 ≤ k ≤ 4: S = (k − 1) + s_k + s_(k+1);  k = 5: S = 4 + s5.
 * s_(k+1) is 0 when that level was not evaluated (k = maxLevel).
 */
export function scoreSheet(plan: ScoringPlan, sheet: AnswerSheet, options?: ScoreOptions): Outcome<Score> {
  const maxLevel = options?.maxLevel;
  if (maxLevel !== undefined && !MATURITY_LEVELS.includes(maxLevel)) throw new RangeError(`maxLevel must be 1–5, got ${maxLevel}`);
  const top = maxLevel ?? 5;
  const levels: LevelEvaluation[] = [];
  for (const level of MATURITY_LEVELS) {
    if (level > top) break;
    const evaluated = evaluateLevel(plan, sheet, level);
    if (!evaluated.ok) return evaluated;
    levels.push(evaluated.value);
    if (!evaluated.value.reached) break;
  }
  const k = levels.filter((l) => l.reached).length as 0 | MaturityLevel;
  const { value, exact } = totalScore(k, levels);
  return ok({ plan, sheet, levels, level: k, totalScore: value, totalScoreExact: exact, maxLevel });
}

function totalScore(k: number, levels: readonly LevelEvaluation[]): { value: number; exact: Rational } {
  const parts = k === 0 ? [levels[0]!] : levels.slice(k - 1, k + 1);
  const base = k === 0 ? 0 : k - 1;
  // Fast exact path: both levels share one safe denominator, so S·D is one safe integer.
  const den = parts[0]!.forms.root.den;
  if (parts.every((p) => typeof p.num === 'number' && p.forms.root.safe && p.forms.root.den === den)) {
    const n = base * den + parts.reduce((acc, p) => acc + (p.num as number), 0);
    return { value: n / den, exact: rational(n, den) };
  }
  const exact = parts.reduce((acc, p) => add(acc, exactScore(p)), rational(base));
  return { value: toNumber(exact), exact };
}
