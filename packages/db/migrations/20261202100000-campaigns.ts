// 推进活动 (issue 11 §5): a sub-platform admin's participation target — so many enterprises of a region (and
// optionally one GB/T 4754 major class) completing a self-diagnosis between two dates (China time) — and the
// indexes its progress and follow-up lists read:
// - campaign: few rows per region; a region admin lists those of its region by a prefix of region_code
//   (text_pattern_ops, so LIKE 'prefix%' is an index range under any collation).
// - diagnosis_result by (province | city | county, completed_at, enterprise_id): a campaign's window in its
//   region is one index range (progress: distinct enterprises), and the valid results older than a year are
//   the start of the same range (the stale list, keyset on (completed_at, enterprise_id)); the columns the
//   progress groups by are included, so both read the index alone.
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table campaign (
      id               uuid primary key,
      region_code      text not null,                     -- GB/T 2260 code of a province, city or county
      title            text not null,
      target           integer not null check (target > 0),  -- enterprises completing a self-diagnosis
      industry_major   text,                              -- GB/T 4754 major class, or null: every industry
      starts_on        date not null,
      ends_on          date not null,
      created_by       uuid references account (id) on delete set null,
      created_at       timestamptz not null default now(),
      updated_at       timestamptz not null default now(),
      closed_at        timestamptz,                       -- 结束: closed by an admin (no more changes)
      check (ends_on >= starts_on)
    )
  `.execute(db);
  await sql`create index campaign_region_idx on campaign (region_code text_pattern_ops, created_at)`.execute(db);
  await sql`create index diagnosis_result_province_time_idx on diagnosis_result (province, completed_at, enterprise_id) include (city, county, industry_major, valid)`.execute(db);
  await sql`create index diagnosis_result_city_time_idx on diagnosis_result (city, completed_at, enterprise_id) include (county, industry_major, valid)`.execute(db);
  await sql`create index diagnosis_result_county_time_idx on diagnosis_result (county, completed_at, enterprise_id) include (industry_major, valid)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['diagnosis_result_county_time_idx', 'diagnosis_result_city_time_idx', 'diagnosis_result_province_time_idx']) {
    await sql`drop index ${sql.id(index)}`.execute(db);
  }
  await sql`drop table campaign`.execute(db);
}
