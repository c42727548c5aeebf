// Report numbers: each completed self-diagnosis gets one, printed on its report and looked up by the
// public verification page. Frozen once landed.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table assessment add column report_number text`.execute(db);
  await sql`create unique index assessment_report_number_key on assessment (report_number)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index assessment_report_number_key`.execute(db);
  await sql`alter table assessment drop column report_number`.execute(db);
}
