// 指数报告 (issue 11 §3): the figures of a 全国, 区域 or 行业 scope, computed as the dashboard computes them
// (dashboardOf, readWeakSubdomains: k-anonymous), from the aggregates wherever they keep the cells. A 行业
// scope sums one major class's cells (its middle classes in place of the Top 10 of major classes); only
// below what the cells keep (a city's counties and middle classes, a county's levels) are results read,
// and those from the province's rows.
import type { IndexFigures } from '@cmmm/report/views';
import type { ServiceContext } from '../../context.ts';
import type { CellSum, IndustryGrouping } from '../../repositories/diagnosis-results.ts';
import { dashboardOf, readRegionSums } from './read-dashboard.ts';
import { countOf, displayIndexOf } from './figures.ts';
import { readWeakSubdomains } from './weak-subdomains.ts';

export interface IndexScope {
  /** Significant digits of the region covered ('' the nation). */
  prefix: string;
  /** A 行业 report's major class. */
  industry: string | null;
}

export interface IndexSums {
  figures: Omit<IndexFigures, 'weakSubdomains'>;
  meanIndex: number | null;
  period: { first: number; last: number } | null;
}

/** Which groupings the aggregates keep for a major class, by the region's significant digits. */
const KEPT: Record<IndustryGrouping, readonly number[]> = { level: [0, 2, 4], industryMiddle: [0, 2], childRegion: [0, 2] };

async function industrySums(ctx: ServiceContext, prefix: string, major: string, by: IndustryGrouping): Promise<CellSum[]> {
  const repo = ctx.reporting.diagnosisResults;
  if (by === 'childRegion' && prefix.length === 6) return [];
  return KEPT[by].includes(prefix.length) ? repo.sumIndustryAggregates(prefix, major, by) : repo.sumIndustryResults(prefix, major, by);
}

/** The scope's figures but the 问题短板, its mean display index and period (both only when ≥ k enterprises). */
export async function readIndexSums(ctx: ServiceContext, scope: IndexScope): Promise<IndexSums> {
  const { prefix, industry } = scope;
  const sums = industry
    ? {
        levels: await industrySums(ctx, prefix, industry, 'level'),
        // month cells are kept per region only: a 行业 report has no months
        months: [],
        industries: await industrySums(ctx, prefix, industry, 'industryMiddle'),
        children: await industrySums(ctx, prefix, industry, 'childRegion'),
      }
    : await readRegionSums(ctx, prefix);
  const figures = dashboardOf(prefix, sums);
  const valid = sums.levels.reduce((a, c) => a + c.valid, 0);
  const shown = !countOf(valid).suppressed;
  const meanIndex = shown ? displayIndexOf(sums.levels.reduce((a, c) => a + c.scoreE9Sum, 0n), valid) : null;
  const months = sums.months.filter((m) => m.completed > 0).map((m) => Number(m.key));
  const period = !shown
    ? null
    : industry
      ? await ctx.reporting.diagnosisResults.findIndustryResultPeriod(prefix, industry)
      : months.length
        ? { first: Math.min(...months), last: Math.max(...months) }
        : null;
  return { figures, meanIndex, period };
}

export const readIndexWeakSubdomains = (ctx: ServiceContext, scope: IndexScope) => readWeakSubdomains(ctx, scope.prefix, scope.industry ?? undefined);
