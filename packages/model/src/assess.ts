// The whole scoring pipeline for one assessment given as plain data (the `cmmm score` input format):
// validate the input, compile (or reuse) the plan, read the answers, score, analyse the gap.
// Input with capabilityTargets is a 自定义评估 and gets the capability profile instead (assessCapability).
import { z } from 'zod';
import { readAnswers, type AnswerSheet } from './answers.ts';
import { capabilityProfile, describeCapability, type CapabilityResult } from './capability.ts';
import { editionIndex } from './edition-index.ts';
import { getEdition, DEFAULT_EDITION_ID } from './editions.ts';
import { LruCache } from './lru-cache.ts';
import { analyseGap } from './gap.ts';
import { describeScore, type ScoreResult } from './result.ts';
import { scoreSheet } from './score.ts';
import { compilePlan, type ScoringPlan } from './scoring-plan.ts';
import { ENTERPRISE_TYPES, fail, ok, type Edition, type EnterpriseType, type Issue, type MaturityLevel, type Outcome, type WeightTable } from './types.ts';

const levelSchema = (what: string) => z.literal([1, 2, 3, 4, 5], { error: `${what}须为 1–5 的整数（一级至五级）` });

const planInputShape = {
  edition: z.string().optional(),
  enterpriseType: z.enum(ENTERPRISE_TYPES, { error: 'enterpriseType 须为 "process"（流程型）或 "discrete"（离散型）' }),
  tailored: z.array(z.string(), { error: 'tailored 须为能力域或能力子域编号的数组' }).default([]),
  /** Custom weights (formal assessment, rule 4), merged over the edition's table for the type. */
  weights: z.record(z.string(), z.number(), { error: 'weights 须为对象：{ "能力域或能力子域编号": 权重 }' }).optional(),
  answers: z.record(z.string(), z.unknown(), { error: 'answers 须为对象：{ "要求编号": "FI" | "LI" | "PI" | "NI" | "NA" }' }),
};

export const assessmentInputSchema = z.object({
  ...planInputShape,
  /** The level applied for (formal assessment): levels above it are not rated. */
  maxLevel: levelSchema('maxLevel（申请等级）').optional(),
});
export type AssessmentInput = z.input<typeof assessmentInputSchema>;

export const capabilityInputSchema = z.object({
  ...planInputShape,
  /** 自定义评估: the chosen domains, each with its target capability level. */
  capabilityTargets: z.record(z.string(), levelSchema('目标能力度等级'), { error: 'capabilityTargets 须为对象：{ "能力域编号": 目标能力度等级 1–5 }' }),
});
export type CapabilityInput = z.input<typeof capabilityInputSchema>;

// Bounded: the key includes the tailoring and the weights, which anyone can vary through the anonymous
// POST /api/score, so an unbounded map would grow with every distinct input sent. Real traffic uses a
// handful of plans (two types × a few tailorings per edition); 128 keeps them all with room to spare.
export const PLAN_CACHE_CAPACITY = 128;
const plans = new LruCache<string, ScoringPlan>(PLAN_CACHE_CAPACITY);

/**
 * A compiled plan for the edition, type, tailoring and custom weights (merged over the edition's
 * table for the type), reused across calls (plans are immutable).
 */
export function planFor(
  edition: Edition,
  enterpriseType: EnterpriseType,
  tailored: readonly string[],
  weights?: Readonly<WeightTable>,
): Outcome<ScoringPlan> {
  const weightsKey = weights ? JSON.stringify(Object.entries(weights).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : '';
  const key = `${edition.id}|${enterpriseType}|${[...new Set(tailored)].sort().join(',')}|${weightsKey}`;
  const cached = plans.get(key);
  if (cached) return ok(cached);
  let merged: WeightTable | undefined;
  if (weights) {
    const issues = notAssessedWeightIssues(edition, enterpriseType, weights);
    if (issues.length) return fail(issues);
    merged = { ...edition.weights[enterpriseType], ...weights };
  }
  const plan = compilePlan(edition, { enterpriseType, tailored, weights: merged });
  if (plan.ok) plans.set(key, plan.value);
  return plan;
}

/**
 * A weight on a part the type is not assessed on (表11: 流程型 has no 产品设计, 产品服务) would bring it
 * into the plan; refused. Unknown ids and bad numbers are left to compilePlan's checks.
 */
function notAssessedWeightIssues(edition: Edition, enterpriseType: EnterpriseType, weights: Readonly<WeightTable>): Issue[] {
  const defaults = edition.weights[enterpriseType];
  const index = editionIndex(edition);
  const weighable = (id: string) => ['element', 'domain', 'subdomain'].includes(index.node(id)?.kind ?? '');
  return Object.keys(weights)
    .filter((id) => weighable(id) && !Object.hasOwn(defaults, id))
    .map((id) => ({
      code: 'WEIGHTS_INVALID',
      path: `weights.${id}`,
      message: `「${index.name(id)}」（${id}）不在${enterpriseType === 'process' ? '流程型' : '离散型'}企业的评估范围内，不能设定权重`,
    }));
}

type PlanInput = { edition?: string | undefined; enterpriseType: EnterpriseType; tailored: string[]; weights?: WeightTable | undefined; answers: Record<string, unknown> };

function parseInput<S extends z.ZodType>(schema: S, input: unknown): Outcome<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return fail(parsed.error.issues.map((i) => ({ code: 'BAD_INPUT', path: i.path.join('.'), message: i.message })));
}

/** The plan and the answer sheet of an input. */
function prepare(input: PlanInput): Outcome<{ plan: ScoringPlan; sheet: AnswerSheet }> {
  const edition = getEdition(input.edition ?? DEFAULT_EDITION_ID);
  if (!edition.ok) return edition;
  const plan = planFor(edition.value, input.enterpriseType, input.tailored, input.weights);
  if (!plan.ok) return plan;
  const sheet = readAnswers(plan.value, input.answers);
  if (!sheet.ok) return sheet;
  return ok({ plan: plan.value, sheet: sheet.value });
}

export function assess(input: unknown): Outcome<ScoreResult> {
  const parsed = parseInput(assessmentInputSchema, input);
  if (!parsed.ok) return parsed;
  const prepared = prepare(parsed.value);
  if (!prepared.ok) return prepared;
  const maxLevel: MaturityLevel | undefined = parsed.value.maxLevel;
  const score = scoreSheet(prepared.value.plan, prepared.value.sheet, maxLevel === undefined ? undefined : { maxLevel });
  if (!score.ok) return score;
  return ok(describeScore(score.value, analyseGap(score.value)));
}

/** 自定义评估: the capability profile of the domains in capabilityTargets, each up to its target level. */
export function assessCapability(input: unknown): Outcome<CapabilityResult> {
  const parsed = parseInput(capabilityInputSchema, input);
  if (!parsed.ok) return parsed;
  const prepared = prepare(parsed.value);
  if (!prepared.ok) return prepared;
  const { plan, sheet } = prepared.value;
  const targets = Object.entries(parsed.value.capabilityTargets).map(([domainId, maxLevel]) => ({ domainId, maxLevel }));
  const profile = capabilityProfile(plan, sheet, targets);
  if (!profile.ok) return profile;
  return ok(describeCapability(plan, profile.value));
}
