// 指数报告 jobs that outlive their server (issue 11 §3, several servers): the server generating a job
// holds a lease on its row, renewed as it works; a job whose lease ran out (its server died) is taken
// over by another server's periodic task, at most a few attempts in all.
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table index_report add column claimed_by text`.execute(db); // the server generating it; null: none yet
  await sql`alter table index_report add column lease_until timestamptz`.execute(db); // held until then; past: its server died
  await sql`alter table index_report add column attempts integer not null default 0`.execute(db); // servers that took it
  // What the old rule already showed as failed (a running job not moved for 10 minutes) stays failed
  // rather than coming back to life; the younger running jobs are taken over.
  await sql`
    update index_report set status = 'failed', step = null, error = 'INDEX_REPORT_FAILED', finished_at = updated_at
    where status = 'running' and updated_at < now() - interval '10 minutes'`.execute(db);
  // The periodic task's look for jobs to take over reads only the running ones.
  await sql`create index index_report_lease_idx on index_report (lease_until) where status = 'running'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index index_report_lease_idx`.execute(db);
  await sql`alter table index_report drop column attempts`.execute(db);
  await sql`alter table index_report drop column lease_until`.execute(db);
  await sql`alter table index_report drop column claimed_by`.execute(db);
}
