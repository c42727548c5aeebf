// The JSON view of a score: what the CLI prints, the API returns and reports are built from.
import type { GapAnalysis } from './gap.ts';
import { mul, rational, toNumber, toString } from './rational.ts';
import type { Score } from './score.ts';
import type { Exclusion } from './scoring-plan.ts';
import type { Edition, EnterpriseType, MaturityLevel } from './types.ts';

export interface NodeScore {
  id: string;
  name: string;
  /** Weight within the parent, renormalised over the parts present at this level (0 if absent). */
  weight: number;
  /** null when the part is absent at this level (every requirement answered NA). */
  score: number | null;
}

export interface SubdomainScore extends NodeScore {
  /** Requirements counted in the mean (NA excluded). */
  answered: number;
}

export interface DomainScore extends NodeScore {
  subdomains: SubdomainScore[];
}

export interface ElementScore extends NodeScore {
  domains: DomainScore[];
}

export interface LevelBreakdown {
  level: MaturityLevel;
  score: number;
  /** The exact level score as a fraction. */
  scoreExact: string;
  reached: boolean;
  elements: ElementScore[];
}

/**
 * The version of the ScoreResult shape. Results are stored (assessment.result) and read back years
 * later, so each carries the version it was written in; @cmmm/contract's parseStoredResult upgrades
 * older ones. Change the shape → bump this and add the upgrade there (its type check will insist);
 * an added optional field, which results stored before it still satisfy, needs no bump.
 */
export const SCORE_RESULT_VERSION = 1;

export interface ScoreResult {
  schemaVersion: typeof SCORE_RESULT_VERSION;
  edition: string;
  standard: string;
  enterpriseType: EnterpriseType;
  tailored: string[];
  /** Parts not assessed, and why: tailored out, or not assessed for this enterprise type. */
  excluded: Record<string, Exclusion>;
  levelScores: Partial<Record<`${MaturityLevel}`, number>>;
  level: 0 | MaturityLevel;
  levelName: string;
  totalScore: number;
  totalScoreExact: string;
  /** 20 × S, the 0–100 figure dashboards show (scoring-rules.md rule 5); never used for the level. */
  displayIndex: number;
  breakdown: Partial<Record<`${MaturityLevel}`, LevelBreakdown>>;
  gap: GapAnalysis | null;
  /** The weight table used, when custom weights were given (rule 4: recorded with the result). */
  weights?: Record<string, number>;
  /** The level applied for, when scoring stopped there (rule 4: levels above it are not rated). */
  maxLevel?: MaturityLevel;
}

/** 一级（规划级） …; 未达到一级 for 0. */
export function levelName(edition: Edition, level: number): string {
  const def = edition.levels.find((l) => l.level === level);
  return def ? `${def.label}（${def.name}）` : `未达到${edition.levels.find((l) => l.level === 1)?.label ?? '一级'}`;
}

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

export function describeScore(score: Score, gap: GapAnalysis | null): ScoreResult {
  const { plan } = score;
  const levelScores: ScoreResult['levelScores'] = {};
  const breakdown: ScoreResult['breakdown'] = {};
  for (const lv of score.levels) {
    const key = `${lv.level}` as const;
    levelScores[key] = lv.score;
    const { forms } = lv;
    breakdown[key] = {
      level: lv.level,
      score: lv.score,
      scoreExact: toString(rational(lv.num, forms.root.bigDen)),
      reached: lv.reached,
      elements: plan.elements.map((e) => ({
        id: e.id,
        name: e.name,
        weight: forms.elementWeight[e.index]!,
        score: orNull(lv.elementScores[e.index]!),
        domains: e.domains.map((d) => {
          const dom = plan.domains[d]!;
          return {
            id: dom.id,
            name: dom.name,
            weight: forms.domainWeight[d]!,
            score: orNull(lv.domainScores[d]!),
            subdomains: dom.subdomains.map((s) => {
              const sub = plan.subdomains[s]!;
              return {
                id: sub.id,
                name: sub.name,
                weight: forms.subdomainWeight[s]!,
                score: orNull(lv.subdomainScores[s]!),
                answered: forms.counts[s]!,
              };
            }),
          };
        }),
      })),
    };
  }
  return {
    schemaVersion: SCORE_RESULT_VERSION,
    edition: plan.edition.id,
    standard: plan.edition.standard,
    enterpriseType: plan.enterpriseType,
    tailored: [...plan.tailored],
    excluded: Object.fromEntries(plan.excluded),
    levelScores,
    level: score.level,
    levelName: levelName(plan.edition, score.level),
    totalScore: score.totalScore,
    totalScoreExact: toString(score.totalScoreExact),
    displayIndex: toNumber(mul(score.totalScoreExact, rational(20))),
    breakdown,
    gap,
    // last, as @cmmm/contract's schema lists them (fields added after version 1 was published)
    ...(plan.customWeights ? { weights: { ...plan.weights } } : {}),
    ...(score.maxLevel !== undefined ? { maxLevel: score.maxLevel } : {}),
  };
}
