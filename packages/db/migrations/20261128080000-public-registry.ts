// 信息查询, the public registry: certifications published elsewhere before the platform issued any
// (seed 004 appendix 1: 304 enterprises with province, city, level and scope, published in the 2022
// practice report). Certificates the platform issues are read from `certificate`; this table keeps
// only what was published as published: no certificate numbers or dates are invented.
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table published_certification (
      source            text not null,                 -- e.g. 'practice_report_2022'
      row_no            integer not null,              -- 序号 in the source
      enterprise_name   text not null,
      province_name     text not null,                 -- as published
      city_name         text not null,                 -- as published (may repeat the province)
      region_code       text,                          -- GB/T 2260 code resolved from the names, when known
      level             integer not null check (level between 1 and 5),
      scope             text not null,
      published_year    integer not null,
      primary key (source, row_no)
    )
  `.execute(db);
  await sql`create index published_certification_region_idx on published_certification (region_code)`.execute(db);
  await sql`create index published_certification_level_idx on published_certification (level)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table published_certification`.execute(db);
}
