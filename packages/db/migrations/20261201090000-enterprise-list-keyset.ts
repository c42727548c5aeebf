// The admin enterprise lists at a million enterprises (issue 11 §1): paged by keyset on indexed columns,
// filtered by region with equality instead of LIKE on region_code.
// - province / city / county: the significant digits (2 / 4 / 6) of the enterprise's county code, as
//   diagnosis_result keeps them. Stored generated columns: filled for every existing row by this
//   migration (PostgreSQL computes them as it rewrites the table) and kept equal to region_code on every
//   later insert or update, so they can never drift. A backup leaves them out (they are generated).
// - indexes in the lists' order (created_at, id), newest first, once for all enterprises, once per region
//   level and once per registering sub-platform; a page is a range scan of one of them.
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table enterprise
      add column province text generated always as (left(region_code, 2)) stored,
      add column city     text generated always as (left(region_code, 4)) stored,
      add column county   text generated always as (region_code) stored
  `.execute(db);
  await sql`create index enterprise_list_idx on enterprise (created_at, id)`.execute(db);
  await sql`create index enterprise_province_list_idx on enterprise (province, created_at, id)`.execute(db);
  await sql`create index enterprise_city_list_idx on enterprise (city, created_at, id)`.execute(db);
  await sql`create index enterprise_county_list_idx on enterprise (county, created_at, id)`.execute(db);
  await sql`create index enterprise_sub_platform_list_idx on enterprise (sub_platform_code, created_at, id) where sub_platform_code is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['enterprise_sub_platform_list_idx', 'enterprise_county_list_idx', 'enterprise_city_list_idx', 'enterprise_province_list_idx', 'enterprise_list_idx']) {
    await sql`drop index ${sql.id(index)}`.execute(db);
  }
  await sql`alter table enterprise drop column county, drop column city, drop column province`.execute(db);
}
