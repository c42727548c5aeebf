// 自评校准 (issue 11 §2): how optimistic self-assessment is — for the enterprises of a region with both a valid
// self-diagnosis result and a valid certificate with a level, the self-diagnosed minus the certified level: its
// distribution, mean and the share of enterprises above their certified level, by major class and by the regions
// one level down. Counted in the database (certificates are few; each joins its enterprise's valid result by the
// unique index). k-anonymous: cells and groups below k hidden, with the smallest beside a single hidden one.
import { LEVEL_DIFFERENCES, MIN_GROUP_SIZE, type Calibration } from '@cmmm/contract';
import { findIndustry } from '@cmmm/reference';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import type { DifferenceCount, IndicatorGroup } from '../../repositories/indicators.ts';
import { countOf, hiddenGroups, partitionHidden, percentOf, regionRef } from './figures.ts';

/** One group's sums: enterprises, Σ difference, and how many self-diagnosed above the certified level. */
interface Sums {
  key: string;
  enterprises: number;
  sum: number;
  optimistic: number;
}

function sumsOf(counts: readonly DifferenceCount[], group: IndicatorGroup): Sums[] {
  const byKey = new Map<string, Sums>();
  for (const c of counts.filter((x) => x.group === group)) {
    const s = byKey.get(c.key) ?? { key: c.key, enterprises: 0, sum: 0, optimistic: 0 };
    s.enterprises += c.enterprises;
    s.sum += c.difference * c.enterprises;
    if (c.difference > 0) s.optimistic += c.enterprises;
    byKey.set(c.key, s);
  }
  return [...byKey.values()];
}

function figuresOf(s: Sums, optimisticHidden = false) {
  const shown = s.enterprises >= MIN_GROUP_SIZE;
  const optimistic = shown && !optimisticHidden ? s.optimistic : 0;
  return {
    meanDifference: shown ? Math.round((s.sum / s.enterprises) * 100) / 100 : null,
    optimistic: countOf(optimistic),
    optimisticShare: optimistic >= MIN_GROUP_SIZE ? percentOf(optimistic, s.enterprises) : null,
  };
}

/** The figures from the counts read (pure: the tests recompute them from raw rows). */
export function calibrationOf(counts: readonly DifferenceCount[]): Calibration {
  const all = sumsOf(counts, 'all')[0] ?? { key: '', enterprises: 0, sum: 0, optimistic: 0 };
  const byDifference = new Map(counts.filter((c) => c.group === 'all').map((c) => [c.difference, c.enterprises]));
  const cells = LEVEL_DIFFERENCES.map((d) => ({ key: String(d), enterprises: byDifference.get(d) ?? 0 }));
  const hiddenCells = all.enterprises >= MIN_GROUP_SIZE ? hiddenGroups(cells, all.enterprises) : new Set(cells.map((c) => c.key));
  let suppressedGroups = 0;
  const groupsOf = (group: Exclude<IndicatorGroup, 'all'>, nameOf: (key: string) => string) => {
    const groups = sumsOf(counts, group);
    const hidden = hiddenGroups(groups, all.enterprises);
    suppressedGroups += hidden.size;
    const hiddenOptimistic = partitionHidden(groups.map((g) => ({ key: g.key, enterprises: g.optimistic })), all.optimistic, hidden);
    return groups
      .filter((g) => !hidden.has(g.key))
      .map((g) => ({ code: group === 'region' ? regionRef(g.key).code! : g.key, name: nameOf(g.key), enterprises: g.enterprises, ...figuresOf(g, hiddenOptimistic.has(g.key)) }))
      .sort((a, b) => a.code.localeCompare(b.code));
  };
  const byIndustry = groupsOf('industry', (key) => findIndustry(key)?.name ?? key);
  const byRegion = groupsOf('region', (key) => regionRef(key).name);
  return {
    enterprises: countOf(all.enterprises),
    ...figuresOf(all),
    distribution: cells.map((c) => {
      const n = hiddenCells.has(c.key) ? 0 : c.enterprises;
      return { difference: Number(c.key), enterprises: countOf(n), share: n >= MIN_GROUP_SIZE ? percentOf(n, all.enterprises) : null };
    }),
    byIndustry,
    byRegion,
    suppressedGroups,
  };
}

/** The region's 自评校准 ('' the nation, else significant digits), with the certificates valid today (China time). */
export async function readCalibration(ctx: ServiceContext, prefix: string): Promise<Calibration> {
  const counts = await ctx.reporting.indicators.countLevelDifferences(prefix, prefix.length < 6 ? prefix.length + 2 : null, beijingDay(ctx.now()));
  return calibrationOf(counts);
}
