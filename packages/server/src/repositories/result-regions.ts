// SQL shared by the repositories reading diagnosis_result (not a repository module: nothing here takes a database).
import { sql } from 'kysely';

/**
 * The results `r` of a region ('' the nation; 2, 4 or 6 significant digits) by equality on (province, city, county),
 * a prefix of the region indexes (diagnosis_result_next_level_idx, diagnosis_result_survey_idx).
 */
export function resultsInRegion(region: string) {
  if (region === '') return sql`true`;
  const province = sql`r.province = ${region.slice(0, 2)}`;
  if (region.length === 2) return province;
  const city = sql`${province} and r.city = ${region.slice(0, 4)}`;
  return region.length === 4 ? city : sql`${city} and r.county = ${region}`;
}

/**
 * The 7 cells kept of a result in `place` (province, city, county, industry_major columns): the nation, its
 * province and its city, each for every industry ('') and its major class; its county for every industry.
 * A county's cells by major class are not kept — they were three quarters of the table and slowed every
 * write, and only that county's own dashboard reads them, counting those from its results. Used by
 * diagnosis_weak_aggregate and diagnosis_survey_aggregate alike.
 */
export const keptCellsOf = (place: string) => sql.raw(`
    cross join lateral (values ('', ''), (${place}.province, ''), (${place}.city, ''), (${place}.county, ''),
                               ('', ${place}.industry_major), (${place}.province, ${place}.industry_major),
                               (${place}.city, ${place}.industry_major)) as c (region, industry)`);
