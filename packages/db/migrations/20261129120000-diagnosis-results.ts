// The read side of self-diagnoses (issue 11 §1): each completed self-diagnosis as one narrow, indexed
// row (`diagnosis_result`), its element/domain/subdomain scores as one small array
// (`diagnosis_node_scores`), and counts and sums kept current in the completing transaction
// (`diagnosis_aggregate`), so percentiles and dashboards never read the result JSON or load peers.
// Completed diagnoses stored before this migration are written by the server at start (the node
// scores need the edition, which a migration may not import).
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table diagnosis_result (
      assessment_id    uuid primary key references assessment (id) on delete cascade,
      enterprise_id    uuid not null references enterprise (id) on delete cascade,
      completed_at     timestamptz not null,
      month            integer not null,                  -- yyyymm of completed_at in China Standard Time
      level            smallint not null check (level between 0 and 5),
      score            double precision not null,         -- S as the engine rounds it (assessment.total_score)
      score_e9         bigint not null check (score_e9 between 0 and 5000000000),  -- round(S × 10^9) from the exact fraction
      province         text not null,                     -- significant digits of the county code: 32
      city             text not null,                     -- 3205
      county           text not null,                     -- 320583
      industry_major   text not null,                     -- GB/T 4754 major class: 35
      industry_code    text not null,                     -- middle class: 351
      enterprise_type  text not null check (enterprise_type in ('process', 'discrete')),
      valid            boolean not null                   -- the enterprise's latest completed self-diagnosis
    )
  `.execute(db);
  // One valid result per enterprise, on every server.
  await sql`create unique index diagnosis_result_valid_key on diagnosis_result (enterprise_id) where valid`.execute(db);
  await sql`create index diagnosis_result_enterprise_idx on diagnosis_result (enterprise_id, completed_at)`.execute(db);
  // Peer percentiles: range counts over the valid results of one group, answered from the index alone.
  await sql`create index diagnosis_result_industry_score_idx on diagnosis_result (industry_major, score) where valid`.execute(db);
  await sql`create index diagnosis_result_province_score_idx on diagnosis_result (province, score) where valid`.execute(db);

  await sql`
    create table diagnosis_node_scores (
      assessment_id    uuid primary key references diagnosis_result (assessment_id) on delete cascade,
      -- For each evaluated level from 一级 up, one score per node of the edition (elements, domains,
      -- subdomains in the edition's order, walked depth first) as round(score × 10^4); -1 where absent.
      scores           smallint[] not null
    )
  `.execute(db);

  await sql`
    create table diagnosis_aggregate (
      region           text not null,                     -- '' the nation, or 2 / 4 / 6 significant digits
      industry         text not null,                     -- '' every industry, or the major (2) or middle (3) class
      enterprise_type  text not null,
      month            integer not null,                  -- yyyymm of completion (China Standard Time), 0 all time
      level            smallint not null,
      -- No checks on these: an upsert's proposed row carries the (possibly negative) change itself.
      completed        integer not null default 0,        -- self-diagnoses completed, valid or not
      valid            integer not null default 0,        -- valid results
      score_e9_sum     bigint not null default 0,         -- Σ score_e9 of the valid results
      primary key (region, industry, enterprise_type, month, level)
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['diagnosis_aggregate', 'diagnosis_node_scores', 'diagnosis_result']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
