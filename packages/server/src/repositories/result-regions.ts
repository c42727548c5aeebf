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
