// The arithmetic and the k-anonymity rules every statistic shares (数据看板, 问题短板, 公开统计): counts hidden
// below k, the mean display index, shares, region names, groups partitioning a total.
import { MIN_GROUP_SIZE, type DashboardRegionLevel } from '@cmmm/contract';
import { findRegion } from '@cmmm/reference';
import { SCORE_SCALE } from './diagnosis-facts.ts';

export const LEVEL_OF_LENGTH: Record<number, DashboardRegionLevel> = { 0: 'nation', 2: 'province', 4: 'city', 6: 'county' };
export const TOP = 10;
const NATION = { code: null, name: '全国', level: 'nation' as const };

type Count = { value: number | null; suppressed: boolean };

/** A count of enterprises, or null below k (0 included: a cell is shown only when it rests on ≥ k). */
export const countOf = (enterprises: number): Count => (enterprises >= MIN_GROUP_SIZE ? { value: enterprises, suppressed: false } : { value: null, suppressed: true });

/** Mean display index 20 × S of `valid` results summing to Σ round(S × 10^9), to two decimals, half up. */
export function displayIndexOf(scoreE9Sum: bigint, valid: number): number {
  const den = BigInt(valid) * SCORE_SCALE;
  const hundredths = (2n * 2000n * scoreE9Sum + den) / (2n * den);
  return Number(hundredths) / 100;
}

/** A region's 6-digit code from its significant digits (32 → 320000, 3205 → 320500). */
export const codeOf = (prefix: string): string => prefix.padEnd(6, '0');

export function regionRef(prefix: string) {
  if (prefix === '') return NATION;
  const code = codeOf(prefix);
  const match = findRegion(code);
  const name = !match ? code : match.region.placeholder ? `${match.province.name}${match.region.name}` : match.region.name;
  return { code, name, level: LEVEL_OF_LENGTH[prefix.length]! };
}

export const percentOf = (part: number, whole: number): number => Math.round((part / whole) * 1000) / 10;

/**
 * The groups to hide among groups partitioning a total of `total` enterprises: those with fewer than k
 * and, when that is a single one, the smallest shown one with it (else the total minus the rest would
 * give it away).
 */
export function hiddenGroups(groups: readonly { key: string; enterprises: number }[], total: number): Set<string> {
  const hidden = new Set(groups.filter((g) => g.enterprises < MIN_GROUP_SIZE).map((g) => g.key));
  if (hidden.size === 1 && total >= MIN_GROUP_SIZE) {
    const smallest = groups.filter((g) => !hidden.has(g.key)).sort((a, b) => a.enterprises - b.enterprises || a.key.localeCompare(b.key))[0];
    if (smallest) hidden.add(smallest.key);
  }
  return hidden;
}

/**
 * The groups whose count (of a partition of `total`) is to be hidden when the groups in `alreadyHidden` are
 * hidden anyway: counts below k, and the smallest shown one beside a single hidden one.
 */
export function partitionHidden(groups: readonly { key: string; enterprises: number }[], total: number, alreadyHidden: ReadonlySet<string>): Set<string> {
  return hiddenGroups(groups.map((g) => ({ key: g.key, enterprises: alreadyHidden.has(g.key) ? 0 : g.enterprises })), total);
}
