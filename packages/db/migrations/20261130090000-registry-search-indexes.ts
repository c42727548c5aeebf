// 信息查询 at scale (issue 10 §6: the public registry over 100,000 certificates answers in < 100 ms on
// PostgreSQL; `npm run bench -- registry`). Indexes only, no data changes:
// - the registry's page order, level (null last) then newest first then number, covering what the list
//   and its count read of a certificate (id, enterprise) so a page, a deep page, a level and a count
//   come from the index alone;
// - the whole credit code (enterprise_credit_code_key is partial — legal entities and branches — so
//   `credit_code = …` over every enterprise could not use it);
// - the name search (ILIKE / LIKE '%…%'): a trigram GIN index, where the server has pg_trgm and this role
//   may create it. The embedded database (PGlite, no extension loaded) and a server without it go on
//   without: the search is then a scan, as before. The extension is tried under a savepoint, so a
//   refusal (no privilege) leaves the migration's transaction intact.
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index certificate_registry_order_idx on certificate (level desc nulls last, issued_on desc, certificate_number) include (id, enterprise_id)`.execute(db);
  await sql`create index enterprise_credit_code_idx on enterprise (credit_code)`.execute(db);

  const { rows } = await sql<{ available: boolean }>`select exists (select 1 from pg_available_extensions where name = 'pg_trgm') as available`.execute(db);
  if (!rows[0]?.available) return;
  await sql`savepoint pg_trgm_optional`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index enterprise_name_trgm_idx on enterprise using gin (name gin_trgm_ops)`.execute(db);
    await sql`release savepoint pg_trgm_optional`.execute(db);
  } catch {
    await sql`rollback to savepoint pg_trgm_optional`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists enterprise_name_trgm_idx`.execute(db);
  await sql`drop index enterprise_credit_code_idx`.execute(db);
  await sql`drop index certificate_registry_order_idx`.execute(db);
}
