// Dashboards at a million results (issue 11 §1; `npm run bench -- dashboard`), indexes only:
// - the all-time cells of a region's children (`region like '32%'`, industry '' and month 0): a pattern index,
//   usable by LIKE under any collation (a plain btree serves a LIKE prefix only under the C collation; under
//   C.UTF-8 or a language collation the query scanned every cell: 130 ms at a million results, now < 1 ms);
// - a county's results (its months and major classes are summed from diagnosis_result): by county, not
//   through the province's rows.
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index diagnosis_aggregate_child_region_idx on diagnosis_aggregate (region text_pattern_ops) where industry = '' and month = 0`.execute(db);
  await sql`create index diagnosis_result_county_idx on diagnosis_result (county)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index diagnosis_result_county_idx`.execute(db);
  await sql`drop index diagnosis_aggregate_child_region_idx`.execute(db);
}
