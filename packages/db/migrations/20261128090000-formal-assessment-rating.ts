// 标准符合性评估, part 2a: the formal assessment on site (seed 003 §8.3): the 首次会议 record,
// evidence per requirement with its files (content-addressed: `blob` holds each distinct content
// once, by SHA-256), each team member's own ratings (hidden from the others until submitted), the
// lead's consensus rating (组内一致意见) with the finding's text, per-domain summaries, and
// 沟通评估结果 (§8.4): the enterprise's responses to findings with the lead's decisions, and the 末次会议.
// The formal assessment now stays open past `feasible`, so the one-open-application index changes.
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index formal_assessment_open_key`.execute(db);
  await sql`create unique index formal_assessment_open_key on formal_assessment (enterprise_id) where stage not in ('declined', 'withdrawn', 'closed', 'certified')`.execute(db);

  await sql`
    create table first_meeting (
      assessment_id    uuid primary key references formal_assessment (id) on delete cascade,
      held_on          date not null,
      attendees        text not null,
      plan_confirmed   boolean not null,
      agreed_items     text not null,
      recorded_by      uuid references account (id) on delete set null,
      recorded_at      timestamptz not null
    )
  `.execute(db);

  await sql`
    create table evidence (
      id               uuid primary key,
      assessment_id    uuid not null references formal_assessment (id) on delete cascade,
      requirement_id   text not null,
      method           text not null check (method in ('interview', 'observation', 'site_tour', 'document_review', 'system_demo', 'data_collection')),
      source           text not null,                  -- who: the people interviewed, the system shown…
      collected_on     date not null,
      note             text not null,
      created_by       uuid references account (id) on delete set null,
      created_at       timestamptz not null
    )
  `.execute(db);
  await sql`create index evidence_requirement_idx on evidence (assessment_id, requirement_id)`.execute(db);

  // One row per distinct content; the bytes live in the blob store under the hash.
  await sql`
    create table blob (
      sha256       text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
      size         bigint not null check (size > 0),
      media_type   text not null,
      created_at   timestamptz not null
    )
  `.execute(db);

  await sql`
    create table evidence_file (
      id            uuid primary key,
      evidence_id   uuid not null references evidence (id) on delete cascade,
      sha256        text not null references blob (sha256),
      file_name     text not null,
      uploaded_by   uuid references account (id) on delete set null,
      uploaded_at   timestamptz not null,
      unique (evidence_id, sha256)
    )
  `.execute(db);

  await sql`
    create table rating (
      assessment_id    uuid not null references formal_assessment (id) on delete cascade,
      assessor_id      uuid not null references assessor (id),
      requirement_id   text not null,
      grade            text not null check (grade in ('FI', 'LI', 'PI', 'NI')),
      note             text,
      updated_at       timestamptz not null,
      primary key (assessment_id, assessor_id, requirement_id)
    )
  `.execute(db);

  // A member's ratings become visible to the others once submitted; submitted ratings no longer change.
  await sql`
    create table rating_submission (
      assessment_id   uuid not null references formal_assessment (id) on delete cascade,
      assessor_id     uuid not null references assessor (id),
      submitted_at    timestamptz not null,
      primary key (assessment_id, assessor_id)
    )
  `.execute(db);

  await sql`
    create table consensus_rating (
      assessment_id    uuid not null references formal_assessment (id) on delete cascade,
      requirement_id   text not null,
      grade            text not null check (grade in ('FI', 'LI', 'PI', 'NI')),
      note             text not null,                  -- 组内一致意见
      finding          text,                           -- 评估发现 as the report states it
      decided_by       uuid references account (id) on delete set null,
      updated_at       timestamptz not null,
      primary key (assessment_id, requirement_id)
    )
  `.execute(db);

  await sql`
    create table domain_summary (
      assessment_id    uuid not null references formal_assessment (id) on delete cascade,
      domain_id        text not null,
      strengths        text not null,
      weaknesses       text not null,
      improvements     text not null,
      updated_at       timestamptz not null,
      primary key (assessment_id, domain_id)
    )
  `.execute(db);

  // 再次论证: the enterprise answers a finding; the lead accepts (possibly with a new grade) or rejects, with a reason.
  await sql`
    create table finding_response (
      assessment_id      uuid not null references formal_assessment (id) on delete cascade,
      requirement_id     text not null,
      response           text not null,
      evidence_note      text,
      responded_by       uuid references account (id) on delete set null,
      responded_at       timestamptz not null,
      decision           text check (decision in ('accepted', 'rejected')),
      decision_reason    text,
      grade_before       text check (grade_before in ('FI', 'LI', 'PI', 'NI')),
      grade_after        text check (grade_after in ('FI', 'LI', 'PI', 'NI')),
      decided_by         uuid references account (id) on delete set null,
      decided_at         timestamptz,
      primary key (assessment_id, requirement_id)
    )
  `.execute(db);

  await sql`
    create table last_meeting (
      assessment_id    uuid primary key references formal_assessment (id) on delete cascade,
      held_on          date not null,
      attendees        text not null,
      summary          text not null,
      recorded_by      uuid references account (id) on delete set null,
      recorded_at      timestamptz not null
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['last_meeting', 'finding_response', 'domain_summary', 'consensus_rating', 'rating_submission', 'rating', 'evidence_file', 'blob', 'evidence', 'first_meeting']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`drop index formal_assessment_open_key`.execute(db);
  await sql`create unique index formal_assessment_open_key on formal_assessment (enterprise_id) where stage not in ('declined', 'withdrawn', 'closed', 'feasible')`.execute(db);
}
