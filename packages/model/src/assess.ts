// The whole scoring pipeline for one assessment given as plain data (the `cmmm score` input format):
// validate the input, compile (or reuse) the plan, read the answers, score, analyse the gap.
import { z } from 'zod';
import { readAnswers } from './answers.ts';
import { getEdition, DEFAULT_EDITION_ID } from './editions.ts';
import { LruCache } from './lru-cache.ts';
import { analyseGap } from './gap.ts';
import { describeScore, type ScoreResult } from './result.ts';
import { scoreSheet } from './score.ts';
import { compilePlan, type ScoringPlan } from './scoring-plan.ts';
import { ENTERPRISE_TYPES, fail, ok, type Edition, type EnterpriseType, type Outcome } from './types.ts';

export const assessmentInputSchema = z.object({
  edition: z.string().optional(),
  enterpriseType: z.enum(ENTERPRISE_TYPES, { error: 'enterpriseType 须为 "process"（流程型）或 "discrete"（离散型）' }),
  tailored: z.array(z.string(), { error: 'tailored 须为能力域或能力子域编号的数组' }).default([]),
  answers: z.record(z.string(), z.unknown(), { error: 'answers 须为对象：{ "要求编号": "FI" | "LI" | "PI" | "NI" | "NA" }' }),
});
export type AssessmentInput = z.input<typeof assessmentInputSchema>;

// Bounded: the key includes the tailoring, which anyone can vary through the anonymous POST /api/score,
// so an unbounded map would grow with every distinct tailoring sent. Real traffic uses a handful of
// plans (two types × a few tailorings per edition); 128 keeps them all with room to spare.
export const PLAN_CACHE_CAPACITY = 128;
const plans = new LruCache<string, ScoringPlan>(PLAN_CACHE_CAPACITY);

/** A compiled plan for the edition, type and tailoring, reused across calls (plans are immutable). */
export function planFor(edition: Edition, enterpriseType: EnterpriseType, tailored: readonly string[]): Outcome<ScoringPlan> {
  const key = `${edition.id}|${enterpriseType}|${[...new Set(tailored)].sort().join(',')}`;
  const cached = plans.get(key);
  if (cached) return ok(cached);
  const plan = compilePlan(edition, { enterpriseType, tailored });
  if (plan.ok) plans.set(key, plan.value);
  return plan;
}

export function assess(input: unknown): Outcome<ScoreResult> {
  const parsed = assessmentInputSchema.safeParse(input);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((i) => ({ code: 'BAD_INPUT', path: i.path.join('.'), message: i.message })));
  }
  const { edition: editionId = DEFAULT_EDITION_ID, enterpriseType, tailored, answers } = parsed.data;
  const edition = getEdition(editionId);
  if (!edition.ok) return edition;
  const plan = planFor(edition.value, enterpriseType, tailored);
  if (!plan.ok) return plan;
  const sheet = readAnswers(plan.value, answers);
  if (!sheet.ok) return sheet;
  const score = scoreSheet(plan.value, sheet.value);
  if (!score.ok) return score;
  return ok(describeScore(score.value, analyseGap(score.value)));
}
