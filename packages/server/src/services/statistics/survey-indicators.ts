// 调查问卷 indicators (issue 11 §2): among a region's enterprises whose valid result's diagnosis has a survey, the
// share using each information system and the mean networked and numerically controlled equipment shares — for
// the region, by major class and by the regions one level down, from the cells of diagnosis_survey_aggregate
// (a county's from diagnosis_result_survey_idx: the answers kept on each compact result). k-anonymous: a group
// is shown only with ≥ k enterprises (and not beside a single hidden one), a system's users and share only
// when ≥ k use it (likewise beside a single hidden group).
import { INFORMATION_SYSTEMS, MIN_GROUP_SIZE, type SurveyIndicators } from '@cmmm/contract';
import { findIndustry } from '@cmmm/reference';
import type { ServiceContext } from '../../context.ts';
import type { IndicatorGroup, SurveyCount } from '../../repositories/indicators.ts';
import type { SurveyCell } from '../../repositories/survey-aggregate.ts';
import { countOf, hiddenGroups, partitionHidden, percentOf, regionRef } from './figures.ts';

const NONE: SurveyCount = { group: 'all', key: '', enterprises: 0, networkedSum: 0, ncSum: 0, users: INFORMATION_SYSTEMS.map(() => 0) };

const meanOf = (sum: number, n: number) => Math.round((sum / n) * 10) / 10;

/** The figures of one group; `hiddenSystems[i]` hides system i's users (a count below k, or beside a single one). */
function figuresOf(c: SurveyCount, hiddenSystems: readonly boolean[] = []) {
  const shown = c.enterprises >= MIN_GROUP_SIZE;
  return {
    networked: shown ? meanOf(c.networkedSum, c.enterprises) : null,
    nc: shown ? meanOf(c.ncSum, c.enterprises) : null,
    systems: INFORMATION_SYSTEMS.map((id, i) => {
      const users = shown && !hiddenSystems[i] ? c.users[i]! : 0;
      return { id, users: countOf(users), share: users >= MIN_GROUP_SIZE ? percentOf(users, c.enterprises) : null };
    }),
  };
}

/** The figures from the counts read (pure: the tests recompute them from raw rows). */
export function surveyIndicatorsOf(counts: readonly SurveyCount[]): SurveyIndicators {
  const all = counts.find((c) => c.group === 'all') ?? NONE;
  let suppressedGroups = 0;
  const groupsOf = (group: Exclude<IndicatorGroup, 'all'>, nameOf: (key: string) => string) => {
    const groups = counts.filter((c) => c.group === group && c.enterprises > 0);
    const hidden = hiddenGroups(groups.map((g) => ({ key: g.key, enterprises: g.enterprises })), all.enterprises);
    suppressedGroups += hidden.size;
    // a system's users partition the region's too: hidden beside a single hidden group
    const hiddenUsers = INFORMATION_SYSTEMS.map((_, i) => partitionHidden(groups.map((g) => ({ key: g.key, enterprises: g.users[i]! })), all.users[i]!, hidden));
    return groups
      .filter((g) => !hidden.has(g.key))
      .map((g) => ({
        code: group === 'region' ? regionRef(g.key).code! : g.key,
        name: nameOf(g.key),
        enterprises: g.enterprises,
        ...figuresOf(g, hiddenUsers.map((h) => h.has(g.key))),
      }))
      .sort((a, b) => a.code.localeCompare(b.code));
  };
  const byIndustry = groupsOf('industry', (key) => findIndustry(key)?.name ?? key);
  const byRegion = groupsOf('region', (key) => regionRef(key).name);
  return { enterprises: countOf(all.enterprises), ...figuresOf(all), byIndustry, byRegion, suppressedGroups };
}

/** The counts of each group from the cells read (diagnosis_survey_aggregate): the region's, its major classes', its children's. */
export function surveyCountsOf(cells: readonly SurveyCell[], prefix: string): SurveyCount[] {
  const groups = new Map<string, SurveyCount>();
  for (const c of cells) {
    const group: IndicatorGroup = c.region !== prefix ? 'region' : c.industry ? 'industry' : 'all';
    const key = group === 'region' ? c.region : c.industry;
    const count = groups.get(`${group}|${key}`) ?? { group, key, enterprises: 0, networkedSum: 0, ncSum: 0, users: INFORMATION_SYSTEMS.map(() => 0) };
    if (c.measure === 'enterprises') count.enterprises = c.total;
    else if (c.measure === 'networked') count.networkedSum = c.total;
    else if (c.measure === 'nc') count.ncSum = c.total;
    else {
      const i = INFORMATION_SYSTEMS.findIndex((id) => `uses:${id}` === c.measure);
      if (i >= 0) count.users[i] = c.total; // a system no longer asked about is not shown
    }
    groups.set(`${group}|${key}`, count);
  }
  return [...groups.values()];
}

/**
 * The region's 调查问卷 indicators ('' the nation, else significant digits): the nation's, a province's or a
 * city's from the cells kept on the write side (survey-aggregate.ts), a county's from its results.
 */
export async function readSurveyIndicators(ctx: ServiceContext, prefix: string): Promise<SurveyIndicators> {
  if (prefix.length === 6) return surveyIndicatorsOf(await ctx.reporting.indicators.countSurveyAnswers(prefix, null, INFORMATION_SYSTEMS));
  return surveyIndicatorsOf(surveyCountsOf(await ctx.reporting.surveyAggregate.readSurveyCells(prefix), prefix));
}
