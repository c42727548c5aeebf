// 问题短板 (issue 11 §2): the valid results below 五级 (those with a next level) of a region, found by a
// prefix of (province, city, county) in one partial index carrying the level and the key of their node
// scores, so a region's weakest subdomains read the index and the node-score rows, nothing else.
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index diagnosis_result_next_level_idx on diagnosis_result (province, city, county, industry_major)
      include (level, assessment_id) where valid and level < 5`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index diagnosis_result_next_level_idx`.execute(db);
}
