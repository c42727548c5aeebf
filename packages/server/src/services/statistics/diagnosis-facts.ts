// What the read side keeps of a completed self-diagnosis (issue 11 §1), computed from its score result
// and its enterprise: pure, so the completion, the backfill and the tests derive the same row.
import { surveySchema, type ScoreResult } from '@cmmm/contract';
import { MATURITY_LEVELS, requireEdition, type Edition, type EnterpriseType } from '@cmmm/model';
import { CST_OFFSET_MS } from '../../china-time.ts';
import type { NewDiagnosisResult, SurveyFacts } from '../../repositories/diagnosis-results.ts';

/** S is summed as round(S × 10^9), an integer, so adding and removing results is exact. */
export const SCORE_SCALE = 1_000_000_000n;
/** Node scores are kept as round(score × 10^4): a subdomain mean (tenths over at most 100 requirements) below 0.8 stays below 8000. */
export const NODE_SCALE = 10_000;
export const ABSENT_NODE = -1;

/** The result row as the completion writes it, before its validity is decided. */
export type DiagnosisFacts = Omit<NewDiagnosisResult, 'valid'> & { nodeScores: number[] };

/** round(S × 10^9), half up, from the exact fraction "num/den" (or "num") the engine writes. */
export function scoreE9Of(exact: string): bigint {
  const [num, den = '1'] = exact.split('/');
  const n = BigInt(num!);
  const d = BigInt(den);
  if (n < 0n || d <= 0n) throw new RangeError(`a total score S is a non-negative fraction, got ${exact}`);
  return (2n * n * SCORE_SCALE + d) / (2n * d);
}

/** yyyymm of an instant in China Standard Time (the calendar of the monthly limit and of the dashboards). */
export function monthOf(at: Date): number {
  const cst = new Date(at.getTime() + CST_OFFSET_MS);
  return cst.getUTCFullYear() * 100 + cst.getUTCMonth() + 1;
}

const nodeOrders = new WeakMap<Edition, readonly string[]>();

/** The ids of every element, domain and subdomain of an edition, depth first in the edition's order. */
export function nodeOrderOf(edition: Edition): readonly string[] {
  let order = nodeOrders.get(edition);
  if (!order) {
    const ids: string[] = [];
    for (const e of edition.elements) {
      ids.push(e.id);
      for (const d of e.domains) {
        ids.push(d.id);
        for (const s of d.subdomains) ids.push(s.id);
      }
    }
    order = ids;
    nodeOrders.set(edition, order);
  }
  return order;
}

/** For each evaluated level from 一级 up, one value per node of nodeOrderOf(edition): round(score × 10^4), or −1 where absent. */
export function nodeScoresOf(result: ScoreResult, edition: Edition): number[] {
  const order = nodeOrderOf(edition);
  const out: number[] = [];
  for (const level of MATURITY_LEVELS) {
    const breakdown = result.breakdown[`${level}`];
    if (!breakdown) break;
    const scores = new Map<string, number | null>();
    for (const e of breakdown.elements) {
      scores.set(e.id, e.score);
      for (const d of e.domains) {
        scores.set(d.id, d.score);
        for (const s of d.subdomains) scores.set(s.id, s.score);
      }
    }
    for (const id of order) {
      const score = scores.get(id);
      out.push(score === undefined || score === null ? ABSENT_NODE : Math.round(score * NODE_SCALE));
    }
  }
  return out;
}

export function diagnosisFactsOf(
  d: { assessmentId: string; completedAt: Date; result: ScoreResult; survey: unknown },
  enterprise: { id: string; region_code: string; industry_code: string; enterprise_type: EnterpriseType },
): DiagnosisFacts {
  const county = enterprise.region_code;
  return {
    assessmentId: d.assessmentId,
    enterpriseId: enterprise.id,
    completedAt: d.completedAt,
    month: monthOf(d.completedAt),
    level: d.result.level,
    score: d.result.totalScore,
    scoreE9: scoreE9Of(d.result.totalScoreExact),
    province: county.slice(0, 2),
    city: county.slice(0, 4),
    county,
    industryMajor: enterprise.industry_code.slice(0, 2),
    industryCode: enterprise.industry_code,
    // the diagnosis's own type (chosen at creation), which may differ from the enterprise's default
    enterpriseType: d.result.enterpriseType,
    nodeScores: nodeScoresOf(d.result, requireEdition(d.result.edition)),
    survey: surveyFactsOf(d.survey),
  };
}

/** The dashboard's facts of a stored 调查问卷 (validated when saved; anything else counts as none). */
export function surveyFactsOf(survey: unknown): SurveyFacts | null {
  const parsed = surveySchema.safeParse(survey);
  if (!parsed.success) return null;
  return { systems: [...new Set(parsed.data.informationSystems)], networkedShare: parsed.data.networkedEquipmentShare, ncShare: parsed.data.ncEquipmentShare };
}

/** The key of one aggregate cell. */
export interface CellKey {
  region: string;
  industry: string;
  enterpriseType: EnterpriseType;
  month: number;
  level: number;
}

/** A change to one cell. */
export interface CellDelta extends CellKey {
  completed: number;
  valid: number;
  scoreE9Sum: bigint;
}

type CellSource = Pick<DiagnosisFacts, 'province' | 'city' | 'county' | 'industryMajor' | 'industryCode' | 'enterpriseType' | 'month' | 'level'>;

/** `month` of the cells that count all time. */
export const ALL_TIME = 0;

/**
 * The 12 cells a result counts in — not every cross product, which would leave about one cell per result
 * at a million results: all time by region (nation, province, city, county), by major class in the
 * nation, a province or a city, by middle class in the nation or a province; month by month in the
 * nation, a province or a city. Each with the enterprise type and the level.
 */
export function cellsOf(f: CellSource): CellKey[] {
  const cell = (region: string, industry: string, month: number): CellKey => ({ region, industry, enterpriseType: f.enterpriseType, month, level: f.level });
  return [
    ...['', f.province, f.city, f.county].map((region) => cell(region, '', ALL_TIME)),
    ...['', f.province, f.city].map((region) => cell(region, f.industryMajor, ALL_TIME)),
    ...['', f.province].map((region) => cell(region, f.industryCode, ALL_TIME)),
    ...['', f.province, f.city].map((region) => cell(region, '', f.month)),
  ];
}

/**
 * The 7 (region, industry) cells 问题短板's and 调查问卷's counts keep of a result: the nation, its province and its
 * city, each for every industry ('') and its major class; its county for every industry (a county's by major class
 * are counted from its results when read). The SQL twin is keptCellsOf in repositories/result-regions.ts.
 */
export function keptCellsOf(place: { province: string; city: string; county: string; industryMajor: string }): { region: string; industry: string }[] {
  return [
    ...['', place.province, place.city].flatMap((region) => [{ region, industry: '' }, { region, industry: place.industryMajor }]),
    { region: place.county, industry: '' },
  ];
}

const keyOf = (c: CellKey) => `${c.region}|${c.industry}|${c.enterpriseType}|${c.month}|${c.level}`;

/**
 * The changes of one completion: it counts as completed in its cells; when it is the enterprise's
 * newest, it becomes the valid result there and the result it replaces leaves its own cells. Merged
 * per cell (one upsert may touch a row once) and sorted by key, so concurrent completions lock the
 * shared cells in one order.
 */
export function completionDeltas(added: CellSource & { scoreE9: bigint }, becomesValid: boolean, replaced: (CellSource & { scoreE9: bigint }) | null): CellDelta[] {
  const deltas = new Map<string, CellDelta>();
  const change = (cells: CellKey[], completed: number, valid: number, scoreE9Sum: bigint) => {
    for (const cell of cells) {
      const key = keyOf(cell);
      const d = deltas.get(key) ?? { ...cell, completed: 0, valid: 0, scoreE9Sum: 0n };
      d.completed += completed;
      d.valid += valid;
      d.scoreE9Sum += scoreE9Sum;
      deltas.set(key, d);
    }
  };
  change(cellsOf(added), 1, becomesValid ? 1 : 0, becomesValid ? added.scoreE9 : 0n);
  if (becomesValid && replaced) change(cellsOf(replaced), 0, -1, -replaced.scoreE9);
  return [...deltas.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
}
