// 推进活动 for the whole nation (issue 11 §5): the platform admin may set a campaign with no region
// (region_code null). Its progress and its stale list read every region's results by time: one index on
// diagnosis_result (completed_at, enterprise_id), carrying the columns the progress groups by and the
// stale list filters on, so both are one index range read alone, in the order the stale list pages by.
// (The nation-wide never list reads enterprise_list_idx (created_at, id) backwards, as the enterprise list.)
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table campaign alter column region_code drop not null`.execute(db);
  await sql`create index diagnosis_result_time_idx on diagnosis_result (completed_at, enterprise_id) include (province, city, county, industry_major, valid)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index diagnosis_result_time_idx`.execute(db);
  await sql`delete from campaign where region_code is null`.execute(db);
  await sql`alter table campaign alter column region_code set not null`.execute(db);
}
