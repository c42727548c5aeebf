// 调查问卷 indicators (issue 11 §2): among a region's enterprises whose valid result's diagnosis has a survey, the
// share using each information system and the mean networked and numerically controlled equipment shares — for
// the region, by major class and by the regions one level down, from diagnosis_result_survey_idx (the answers
// are kept on each compact result). k-anonymous: a group is shown only with ≥ k enterprises (and not beside a
// single hidden one), a system's users and share only when ≥ k use it (likewise beside a single hidden group).
import { INFORMATION_SYSTEMS, MIN_GROUP_SIZE, type SurveyIndicators } from '@cmmm/contract';
import { findIndustry } from '@cmmm/reference';
import type { ServiceContext } from '../../context.ts';
import type { IndicatorGroup, SurveyCount } from '../../repositories/indicators.ts';
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

/** The region's 调查问卷 indicators ('' the nation, else significant digits). */
export async function readSurveyIndicators(ctx: ServiceContext, prefix: string): Promise<SurveyIndicators> {
  const counts = await ctx.reporting.indicators.countSurveyAnswers(prefix, prefix.length < 6 ? prefix.length + 2 : null, INFORMATION_SYSTEMS);
  return surveyIndicatorsOf(counts);
}
