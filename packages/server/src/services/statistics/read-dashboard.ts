// 数据看板 (issue 11 §2): one region's counts, level distribution, 行业指数 Top 10 and the ranking of the
// regions one level down, read from the aggregates alone (a county's months and industries from its
// results: no cells are kept for them). Every figure resting on fewer than k enterprises is suppressed.
import { LEVEL_BANDS, MIN_GROUP_SIZE, type Dashboard, type DashboardQuery } from '@cmmm/contract';
import { findIndustry, findRegion, regionPrefix } from '@cmmm/reference';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canReadDashboard, type Actor } from '../../policy.ts';
import type { CellSum } from '../../repositories/diagnosis-results.ts';
import { MONTHLY_LIMIT } from '../self-diagnosis/quota.ts';
import { codeOf, countOf, displayIndexOf, hiddenGroups, LEVEL_OF_LENGTH, percentOf, regionRef, TOP } from './figures.ts';
import { readCalibration } from './calibration.ts';
import { readCertifiedEnterprises } from './certified-enterprises.ts';
import { readSurveyIndicators } from './survey-indicators.ts';
import { readWeakSubdomains } from './weak-subdomains.ts';
import { NATION_MAP_CODE } from './read-region-map.ts';

export { countOf, displayIndexOf } from './figures.ts';

/** The dashboard from the sums read (pure: the tests recompute the same figures from raw rows). */
export function dashboardOf(
  prefix: string,
  sums: { levels: CellSum[]; months: CellSum[]; industries: CellSum[]; children: CellSum[] },
): Omit<Dashboard, 'path' | 'weakSubdomains' | 'survey' | 'certified' | 'calibration'> {
  const valid = sums.levels.reduce((a, c) => a + c.valid, 0);
  const enterprises = countOf(valid);
  const byLevel = new Map(sums.levels.map((c) => [Number(c.key), c.valid]));
  const shareOf = (n: number) => (enterprises.suppressed || n < MIN_GROUP_SIZE ? null : percentOf(n, valid));
  const children = sums.children.filter((c) => c.valid > 0 && codeOf(c.key) !== codeOf(prefix));
  // the children partition the region's total
  const hidden = hiddenGroups(children.map((c) => ({ key: c.key, enterprises: c.valid })), valid);
  const ranked = children
    .map((c) => ({ ...regionRef(c.key), enterprises: hidden.has(c.key) ? countOf(0) : countOf(c.valid), index: hidden.has(c.key) ? null : displayIndexOf(c.scoreE9Sum, c.valid) }))
    .sort((a, b) => (b.index ?? -1) - (a.index ?? -1) || a.code!.localeCompare(b.code!));
  // the major classes partition the total as well: a single hidden one would be the total minus the rest
  const withResults = sums.industries.filter((c) => c.valid > 0);
  const hiddenIndustries = hiddenGroups(withResults.map((c) => ({ key: c.key, enterprises: c.valid })), valid);
  const shownIndustries = withResults.filter((c) => !hiddenIndustries.has(c.key));
  return {
    region: regionRef(prefix),
    minGroupSize: MIN_GROUP_SIZE,
    enterprises,
    // every enterprise with a completed diagnosis has a valid result: the diagnoses rest on `valid` enterprises
    diagnoses: enterprises.suppressed ? enterprises : { value: sums.levels.reduce((a, c) => a + c.completed, 0), suppressed: false },
    // a month's diagnoses rest on at least max(valid ones, completed / the monthly limit) enterprises
    months: sums.months.map((c) => ({
      month: Number(c.key),
      diagnoses: Math.max(c.valid, Math.ceil(c.completed / MONTHLY_LIMIT)) >= MIN_GROUP_SIZE ? { value: c.completed, suppressed: false } : { value: null, suppressed: true },
    })),
    levels: [0, 1, 2, 3, 4, 5].map((level) => {
      const n = byLevel.get(level) ?? 0;
      return { level, enterprises: countOf(n), share: shareOf(n) };
    }),
    bands: LEVEL_BANDS.map((b) => {
      const n = b.levels.reduce<number>((a, l) => a + (byLevel.get(l) ?? 0), 0);
      return { band: b.id, label: b.label, enterprises: countOf(n), share: shareOf(n) };
    }),
    industries: {
      top: shownIndustries
        .map((c) => ({ code: c.key, name: findIndustry(c.key)?.name ?? c.key, enterprises: c.valid, index: displayIndexOf(c.scoreE9Sum, c.valid) }))
        .sort((a, b) => b.index - a.index || a.code.localeCompare(b.code))
        .slice(0, TOP),
      suppressed: hiddenIndustries.size,
    },
    regions: { level: prefix.length < 6 ? LEVEL_OF_LENGTH[prefix.length + 2]! : null, rows: ranked.map((r) => ({ code: r.code!, name: r.name, enterprises: r.enterprises, index: r.index })) },
  };
}

export async function readDashboard(ctx: ServiceContext, actor: Actor | null, query: DashboardQuery): Promise<Dashboard> {
  const code = query.region ?? (actor?.role === 'region_admin' ? actor.regionCode : null) ?? null;
  authorize(actor, canReadDashboard(actor, code));
  if (code !== null && !findRegion(code)) {
    throw new AppError('UNKNOWN_REGION', `没有代码为 ${code} 的地区`, [{ code: 'UNKNOWN_REGION', path: 'region', message: `没有代码为 ${code} 的地区` }]);
  }
  const prefix = code === null ? '' : regionPrefix(code);
  const sums = await readRegionSums(ctx, prefix);
  const path = ['', prefix.slice(0, 2), prefix.slice(0, 4), prefix]
    .filter((p, i) => p.length === i * 2 && p.length <= prefix.length)
    .map(regionRef)
    .filter((r) => canReadDashboard(actor, r.code));
  const weakSubdomains = await readWeakSubdomains(ctx, prefix);
  const indicators = { survey: await readSurveyIndicators(ctx, prefix), certified: await readCertifiedEnterprises(ctx, prefix), calibration: await readCalibration(ctx, prefix) };
  // whether to fetch the operator's map: a page without one asks for nothing (no 404 on every view)
  const regionMap = (await ctx.maps.find(code ?? NATION_MAP_CODE).catch(() => null)) !== null;
  return { ...dashboardOf(prefix, sums), weakSubdomains, ...indicators, path, regionMap };
}

export type DashboardSums = Parameters<typeof dashboardOf>[1];

/** The sums a region's dashboard is computed from ('' the nation, else significant digits). */
export async function readRegionSums(ctx: ServiceContext, prefix: string): Promise<DashboardSums> {
  // Committed figures that may lag by the replication delay: the read replica's, when there is one.
  const repo = ctx.reporting.diagnosisResults;
  const county = prefix.length === 6;
  const levels = await repo.sumAggregates(prefix, 'level');
  const months = county ? await repo.sumCountyResultsByMonth(prefix) : await repo.sumAggregates(prefix, 'month');
  const industries = county ? await repo.sumCountyResultsByIndustryMajor(prefix) : await repo.sumAggregates(prefix, 'industryMajor');
  const children = county ? [] : await repo.sumAggregatesByChildRegion(prefix, prefix.length + 2);
  return { levels, months, industries, children };
}
