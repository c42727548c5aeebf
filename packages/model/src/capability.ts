// 能力度等级: the capability profile of process domains, for a 自定义评估 (custom assessment: chosen
// domains, each with a target capability level) and, without targets, for a self-diagnosis.
// A domain's score at a level is formula (2) on its own: the weighted sum of its subdomains' means,
// the weights renormalised over the subdomains present (rule 2). The 0.8 gate is exact (rule 3).
// Not a hot path: exact rationals throughout.
import { GradeCode, TENTHS_BY_CODE, type AnswerSheet } from './answers.ts';
import { editionIndex } from './edition-index.ts';
import { compare, div, mul, rational, sum, toNumber, toString, type Rational } from './rational.ts';
import { missingAnswersIssue } from './score.ts';
import type { PlanDomain, ScoringPlan } from './scoring-plan.ts';
import { MATURITY_LEVELS, fail, ok, type EnterpriseType, type Issue, type MaturityLevel, type Outcome } from './types.ts';

export interface CapabilityTarget {
  domainId: string;
  /** The target capability level: levels above it are not rated. */
  maxLevel: MaturityLevel;
}

export interface CapabilityLevelScore {
  level: MaturityLevel;
  score: number;
  /** The exact domain score as a fraction. */
  scoreExact: string;
  reached: boolean;
}

export interface DomainCapability {
  id: string;
  name: string;
  /** The element's id. */
  element: string;
  /** The target capability level of a custom assessment; null without targets. */
  target: MaturityLevel | null;
  /** Consecutive levels reached from 一级 (0 = none); levels absent for the domain are passed over. */
  capabilityLevel: 0 | MaturityLevel;
  /** The levels evaluated, 一级 up; a level where the domain is absent (all NA) is not listed. */
  levels: CapabilityLevelScore[];
}

export interface CapabilityProfile {
  /** In the plan's (document) order. */
  domains: DomainCapability[];
}

export const CAPABILITY_RESULT_VERSION = 1;

/** What `cmmm score` prints for input with capabilityTargets. */
export interface CapabilityResult {
  schemaVersion: typeof CAPABILITY_RESULT_VERSION;
  kind: 'capability';
  edition: string;
  standard: string;
  enterpriseType: EnterpriseType;
  /** The weight table used, when custom weights were given. */
  weights?: Record<string, number>;
  domains: DomainCapability[];
}

const GATE = rational(4, 5);

/**
 * The capability level of each targeted domain (levels 一级 … its target, every one fully answered),
 * or without targets of every plan domain (levels 一级 up, stopping at the first not fully answered).
 */
export function capabilityProfile(
  plan: ScoringPlan,
  sheet: AnswerSheet,
  targets?: ReadonlyArray<CapabilityTarget>,
): Outcome<CapabilityProfile> {
  const chosen = targets ? targetedDomains(plan, targets) : ok(plan.domains.map((domain) => ({ domain, target: null })));
  if (!chosen.ok) return chosen;
  const issues: Issue[] = [];
  const domains = chosen.value.map(({ domain, target }): DomainCapability => {
    const levels: CapabilityLevelScore[] = [];
    for (const level of MATURITY_LEVELS) {
      if (level > (target ?? 5)) break;
      const evaluated = domainLevelScore(plan, sheet, domain, level);
      if (evaluated.missing) {
        if (target === null) break;
        issues.push(missingAnswersIssue(plan, level, evaluated.missing, `能力域「${domain.name}」`));
        continue;
      }
      // Absent (every requirement NA): like an absent part in rule 2, the level counts neither as
      // reached nor as failed, so it is left out and does not break the run of reached levels.
      if (!evaluated.score) continue;
      const score = evaluated.score;
      levels.push({ level, score: toNumber(score), scoreExact: toString(score), reached: compare(score, GATE) >= 0 });
    }
    return {
      id: domain.id,
      name: domain.name,
      element: plan.elements[domain.element]!.id,
      target,
      capabilityLevel: capabilityLevelOf(levels),
      levels,
    };
  });
  return issues.length ? fail(issues) : ok({ domains });
}

/** The last level of the run of reached levels from 一级 (absent levels are not listed, so they do not break it). */
function capabilityLevelOf(levels: readonly CapabilityLevelScore[]): 0 | MaturityLevel {
  let reached: 0 | MaturityLevel = 0;
  for (const l of levels) {
    if (!l.reached) break;
    reached = l.level;
  }
  return reached;
}

/** The domain's exact score at a level; null when absent; or the requirements still unanswered. */
function domainLevelScore(
  plan: ScoringPlan,
  sheet: AnswerSheet,
  domain: PlanDomain,
  level: MaturityLevel,
): { missing: number[]; score?: undefined } | { missing?: undefined; score: Rational | null } {
  let missing: number[] | null = null;
  const present: { weight: Rational; mean: Rational }[] = [];
  for (const s of domain.subdomains) {
    const subdomain = plan.subdomains[s]!;
    let tenths = 0;
    let answered = 0;
    for (const r of subdomain.byLevel[level - 1]!) {
      const code = sheet[r]!;
      if (code === GradeCode.none) (missing ??= []).push(r);
      else if (code !== GradeCode.NA) {
        tenths += TENTHS_BY_CODE[code]!;
        answered++;
      }
    }
    if (answered) present.push({ weight: subdomain.weight, mean: rational(tenths, 10 * answered) });
  }
  if (missing) return { missing };
  if (!present.length) return { score: null };
  const total = sum(present.map((p) => p.weight));
  return { score: sum(present.map((p) => mul(div(p.weight, total), p.mean))) };
}

/** The targeted plan domains in plan order, or the problems with the targets. */
function targetedDomains(
  plan: ScoringPlan,
  targets: ReadonlyArray<CapabilityTarget>,
): Outcome<{ domain: PlanDomain; target: MaturityLevel }[]> {
  if (!targets.length) {
    return fail([{ code: 'BAD_CUSTOM_DOMAINS', path: 'capabilityTargets', message: '自定义评估须选择至少一个能力域，并为每个能力域设定目标能力度等级（一级至五级）' }]);
  }
  const index = editionIndex(plan.edition);
  const issues: Issue[] = [];
  const chosen = new Map<string, { domain: PlanDomain; target: MaturityLevel }>();
  for (const { domainId, maxLevel } of targets) {
    const path = `capabilityTargets.${domainId}`;
    const node = index.node(domainId);
    const domain = plan.domains.find((d) => d.id === domainId);
    if (node?.kind !== 'domain') {
      issues.push({ code: 'UNKNOWN_NODE', path, message: `「${domainId}」不是模型中的能力域` });
    } else if (!domain) {
      const why = plan.excluded.get(domainId) === 'tailored' ? '已被裁剪' : `不在${plan.enterpriseType === 'process' ? '流程型' : '离散型'}企业的评估范围内`;
      issues.push({ code: 'DOMAIN_NOT_ASSESSED', path, message: `能力域「${node.node.name}」（${domainId}）${why}，不能作为评估对象` });
    } else if (!MATURITY_LEVELS.includes(maxLevel)) {
      issues.push({ code: 'BAD_CUSTOM_DOMAINS', path, message: `能力域「${domain.name}」的目标能力度等级须为 1–5 的整数，收到 ${String(maxLevel)}` });
    } else if (chosen.has(domainId)) {
      issues.push({ code: 'BAD_CUSTOM_DOMAINS', path, message: `能力域「${domain.name}」（${domainId}）重复选择` });
    } else {
      chosen.set(domainId, { domain, target: maxLevel });
    }
  }
  if (issues.length) return fail(issues);
  return ok([...chosen.values()].sort((a, b) => a.domain.index - b.domain.index));
}

/** The JSON view of a capability profile. */
export function describeCapability(plan: ScoringPlan, profile: CapabilityProfile): CapabilityResult {
  return {
    schemaVersion: CAPABILITY_RESULT_VERSION,
    kind: 'capability',
    edition: plan.edition.id,
    standard: plan.edition.standard,
    enterpriseType: plan.enterpriseType,
    ...(plan.customWeights ? { weights: { ...plan.weights } } : {}),
    domains: profile.domains,
  };
}
