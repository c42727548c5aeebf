// 获证企业 and 自评校准 at a million results (issue 11 §2): the nation's figures joined every enterprise (a
// sequential scan of a million rows) to learn the region of a few tens of thousands of certificates, and every
// valid result to learn their self-diagnosed level.
// - certificate.region_code: the enterprise's region when the certificate was issued, as diagnosis_result keeps
//   the county of its completion (an enterprise's region never changes), so certificates are counted by region
//   on their own; filled here from the enterprises.
// - diagnosis_result_valid_facts_idx: the valid result of one enterprise with what 自评校准 groups by, read from
//   the index alone for each certified enterprise.
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table certificate add column region_code text`.execute(db);
  await sql`update certificate c set region_code = e.region_code from enterprise e where e.id = c.enterprise_id`.execute(db);
  await sql`alter table certificate alter column region_code set not null`.execute(db);
  await sql`create index diagnosis_result_valid_facts_idx on diagnosis_result (enterprise_id) include (level, county, industry_major) where valid`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index diagnosis_result_valid_facts_idx`.execute(db);
  await sql`alter table certificate drop column region_code`.execute(db);
}
