// SQL shared by the repositories reading diagnosis_result (not a repository module: nothing here takes a database).
import { likePrefix } from '@cmmm/db';
import { sql, type RawBuilder } from 'kysely';

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

/**
 * The rows of a cells table keyed by (region, industry, …) — diagnosis_weak_aggregate, diagnosis_survey_aggregate —
 * of a region ('' the nation, a province or a city: every industry and each major class) and of the regions one
 * level down (every industry only), those `kept`: two index ranges (the primary key's, the child-region index's).
 */
export const cellsOfRegionAndChildren = (table: string, columns: RawBuilder<unknown>, kept: RawBuilder<unknown>, region: string) => sql`
    select ${columns} from ${sql.table(table)} where region = ${region} and ${kept}
    union all
    select ${columns} from ${sql.table(table)}
     where region like ${likePrefix(region)} and length(region) = ${region.length + 2}::int and industry = '' and ${kept}`;
