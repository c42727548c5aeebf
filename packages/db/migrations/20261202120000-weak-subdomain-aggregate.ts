// 问题短板 at a million results (issue 11 §1–§2): per region ('' the nation, province, city, county) and
// industry ('' or the GB/T 4754 major class), per edition and subdomain position, how many valid results
// below 五级 were assessed there at their next level and how many scored below 0.8 — kept current in the
// completing transaction like diagnosis_aggregate, so the dashboard reads a few thousand cells instead
// of every valid result's node scores. Filled for the results already there by the server at start (the
// positions and the nodes per level need the edition, which a migration may not import).
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table diagnosis_weak_aggregate (
      region       text not null,      -- '' the nation, or 2 / 4 / 6 significant digits
      industry     text not null,      -- '' every industry, or the major class (2)
      edition_id   text not null,
      position     smallint not null,  -- the subdomain's 1-based position in the edition's node order; 0 the group as a whole
      -- No checks on these: an upsert's proposed row carries the (possibly negative) change itself.
      enterprises  integer not null default 0,  -- valid results assessed there at their next level (position 0: at any subdomain)
      below        integer not null default 0,  -- of those, scoring below 0.8 there (position 0: 0)
      primary key (region, industry, edition_id, position)
    )
  `.execute(db);
  // The cells of a region's children (length(region) = 4 and region like '32%', industry ''), under any collation:
  // by length first, so the nation's provinces are not looked for among every city's and county's cells.
  await sql`create index diagnosis_weak_aggregate_child_region_idx on diagnosis_weak_aggregate (length(region), region text_pattern_ops) where industry = ''`.execute(db);
  // The index the read-time scan of the node scores used: nothing reads it now.
  await sql`drop index diagnosis_result_next_level_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index diagnosis_result_next_level_idx on diagnosis_result (province, city, county, industry_major)
      include (level, assessment_id) where valid and level < 5`.execute(db);
  await sql`drop table diagnosis_weak_aggregate`.execute(db);
}
