// The admin enterprise list's search (`q`: a name or credit code containing the text) at a million
// enterprises: with a trigram index on the name alone, `name ilike … or credit_code ilike …` could not be
// a bitmap OR and walked the table (2.5 s for a rare match); with this one beside it, 25 ms. Where the
// server has pg_trgm (created by 20261130090000 when it could be); elsewhere nothing changes.
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ installed: boolean }>`select exists (select 1 from pg_extension where extname = 'pg_trgm') as installed`.execute(db);
  if (!rows[0]?.installed) return;
  await sql`create index enterprise_credit_code_trgm_idx on enterprise using gin (credit_code gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists enterprise_credit_code_trgm_idx`.execute(db);
}
