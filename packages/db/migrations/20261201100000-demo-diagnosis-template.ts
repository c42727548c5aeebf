// The bulk demo seed (issue 11 §1: `cmmm demo seed --enterprises 1000000` on PostgreSQL in minutes): a
// few hundred engine-scored demo self-diagnoses (templates) that the bulk seed's synthetic diagnoses
// share. Each synthetic diagnosis copies its template's result, level outcomes and node scores into the
// ordinary tables (so every page reads it as any other) but not its ~500 answers: those are read from
// the template (`demo_template_id`) when a diagnosis has no answer rows of its own. Demo data only:
// `cmmm demo clear` removes the templates with the diagnoses.
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table demo_diagnosis_template (
      id               integer generated always as identity primary key,
      edition_id       text not null,
      enterprise_type  text not null check (enterprise_type in ('process', 'discrete')),
      current_level    integer not null,
      level            smallint not null,
      total_score      double precision not null,
      score_e9         bigint not null,
      result           jsonb not null,        -- the engine's full result
      answers          jsonb not null,        -- { requirement id: grade } of the evaluated levels
      levels           jsonb not null,        -- [{ level, score, reached }]: the assessment_level rows
      node_scores      smallint[] not null    -- as diagnosis_node_scores
    )
  `.execute(db);
  await sql`alter table assessment add column demo_template_id integer references demo_diagnosis_template (id)`.execute(db);
  await sql`create index assessment_demo_template_idx on assessment (demo_template_id) where demo_template_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table assessment drop column demo_template_id`.execute(db);
  await sql`drop table demo_diagnosis_template`.execute(db);
}
