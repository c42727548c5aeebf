// 指数报告 (issue 11 §3): generation jobs kept in the database, so that any server answers a job's status
// and serves its PDF: the scope asked for, who asked, the steps done as they happen, the PDF as bytea.
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table index_report (
      id            uuid primary key,
      kind          text not null check (kind in ('national', 'region', 'industry')),
      region        text not null,              -- significant digits of the region covered ('' the nation)
      industry      text,                       -- GB/T 4754 major class of a 行业 report
      scope         text not null,              -- what the report covers, e.g. 全国 · 汽车制造业
      requested_by  uuid not null references account (id) on delete cascade,
      status        text not null check (status in ('running', 'done', 'failed')),
      done_steps    integer not null default 0,
      step          text,                       -- the step under way
      error         text,                       -- the error code of a failed job
      created_at    timestamptz not null,
      updated_at    timestamptz not null,
      finished_at   timestamptz,
      file_name     text,
      pdf           bytea
    )
  `.execute(db);
  await sql`create index index_report_requester_idx on index_report (requested_by, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table index_report`.execute(db);
}
