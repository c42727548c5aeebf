// 标准符合性评估, part 1: assessment bodies (评估机构), assessors and their qualifications (history,
// never overwritten), training courses, certificates an enterprise holds, and the formal assessment
// from the application (评估申请) to the pre-assessment's feasibility decision: team, conflict-of-interest
// declarations, the two plans and the pre-assessment record. A formal assessment is an `assessment`
// row of kind 'formal'; `formal_assessment` carries its process.
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table assessment_body (
      id              uuid primary key,
      name            text not null,
      credit_code     text not null unique,           -- 统一社会信用代码
      region_code     text not null,                  -- GB/T 2260 county code
      contact_name    text not null,
      contact_mobile  text not null,
      address         text,
      is_demo         boolean not null default false,
      created_at      timestamptz not null default now()
    )
  `.execute(db);

  // The body an agency_admin manages, or an assessor account works for.
  await sql`alter table account add column body_id uuid references assessment_body (id)`.execute(db);

  await sql`
    create table assessor (
      id               uuid primary key,
      name             text not null,
      mobile           text not null,
      body_id          uuid references assessment_body (id),     -- 评估机构 the person works for
      enterprise_id    uuid references enterprise (id) on delete cascade,  -- an internal assessor's enterprise
      account_id       uuid unique references account (id) on delete set null,  -- the login, if any
      listed_publicly  boolean not null default true,            -- shown in 信息查询
      is_demo          boolean not null default false,
      created_at       timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index assessor_body_idx on assessor (body_id)`.execute(db);
  await sql`create index assessor_enterprise_idx on assessor (enterprise_id)`.execute(db);

  await sql`
    create table training_course (
      id                 uuid primary key,
      course_type        text not null check (course_type in ('intro', 'assessor', 'lead_trainer')),
      title              text not null,
      place              text not null,
      starts_on          date not null,
      ends_on            date not null check (ends_on >= starts_on),
      trainer_id         uuid references assessor (id),
      is_demo            boolean not null default false,
      created_at         timestamptz not null default now()
    )
  `.execute(db);

  await sql`
    create table qualification (
      id                  uuid primary key,
      assessor_id         uuid not null references assessor (id) on delete cascade,
      grade               text not null check (grade in ('intro', 'assessor', 'lead_assessor', 'high_maturity_lead', 'trainer')),
      certificate_number  text not null unique,
      issuing_body        text not null,
      obtained_on         date not null,
      valid_until         date not null check (valid_until >= obtained_on),
      status              text not null check (status in ('pending', 'approved', 'rejected')),
      decided_by          uuid references account (id) on delete set null,
      decided_at          timestamptz,
      reject_reason       text,
      training_id         uuid references training_course (id),
      created_at          timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index qualification_assessor_idx on qualification (assessor_id, obtained_on)`.execute(db);
  await sql`create index qualification_status_idx on qualification (status)`.execute(db);

  await sql`
    create table training_participant (
      course_id         uuid not null references training_course (id) on delete cascade,
      assessor_id       uuid not null references assessor (id) on delete cascade,
      result            text not null default 'enrolled' check (result in ('enrolled', 'passed', 'failed')),
      qualification_id  uuid references qualification (id),
      primary key (course_id, assessor_id)
    )
  `.execute(db);

  // A certificate of conformity an enterprise holds: recorded from elsewhere now, issued by the platform later.
  await sql`
    create table certificate (
      id                  uuid primary key,
      enterprise_id       uuid not null references enterprise (id) on delete cascade,
      level               integer not null check (level between 1 and 5),
      certificate_number  text not null unique,
      scope               text not null,
      issued_on           date not null,
      valid_until         date not null check (valid_until >= issued_on),
      assessment_id       uuid references assessment (id),
      is_demo             boolean not null default false,
      created_at          timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index certificate_enterprise_idx on certificate (enterprise_id, issued_on)`.execute(db);

  await sql`
    create table formal_assessment (
      id                    uuid primary key references assessment (id) on delete cascade,
      enterprise_id         uuid not null references enterprise (id) on delete cascade,
      self_diagnosis_id     uuid not null references assessment (id),
      assessment_type       text not null check (assessment_type in ('predefined', 'custom')),
      target_level          integer check (target_level between 2 and 5),
      custom_domains        jsonb not null default '[]',   -- 自定义评估: [{ domainId, targetCapabilityLevel }]
      scope                 text not null,
      not_applicable        jsonb not null default '[]',   -- [{ nodeId, reason }]
      sponsor_name          text not null,
      sponsor_title         text not null,
      liaison_name          text not null,
      liaison_mobile        text not null,
      internal_assessor_id  uuid references assessor (id),
      body_id               uuid not null references assessment_body (id),
      lead_assessor_id      uuid references assessor (id),
      stage                 text not null,
      lawful_confirmed      boolean not null default false,
      im_confirmed          boolean not null default false,
      decline_reason        text,
      weights               jsonb,                          -- custom domain weights, or null for 表14/表15
      weights_rationale     text,
      version               integer not null default 1,    -- optimistic concurrency for edits
      submitted_at          timestamptz not null,
      updated_at            timestamptz not null
    )
  `.execute(db);
  await sql`create index formal_assessment_enterprise_idx on formal_assessment (enterprise_id, submitted_at)`.execute(db);
  await sql`create index formal_assessment_body_idx on formal_assessment (body_id, submitted_at)`.execute(db);
  // One open application per enterprise at a time, on every server.
  await sql`create unique index formal_assessment_open_key on formal_assessment (enterprise_id) where stage not in ('declined', 'withdrawn', 'closed', 'feasible')`.execute(db);

  await sql`
    create table team_member (
      assessment_id   uuid not null references formal_assessment (id) on delete cascade,
      assessor_id     uuid not null references assessor (id),
      team_role       text not null check (team_role in ('lead', 'member', 'internal')),
      coi             text not null default 'pending' check (coi in ('pending', 'none', 'conflict')),
      coi_statement   text,
      declared_by     uuid references account (id) on delete set null,
      declared_at     timestamptz,
      added_at        timestamptz not null,
      removed_at      timestamptz,
      primary key (assessment_id, assessor_id)
    )
  `.execute(db);
  await sql`create index team_member_assessor_idx on team_member (assessor_id)`.execute(db);

  await sql`
    create table assessment_plan (
      assessment_id      uuid not null references formal_assessment (id) on delete cascade,
      kind               text not null check (kind in ('pre', 'formal')),
      purpose            text not null,
      scope              text not null,
      tasks              text not null,
      starts_on          date not null,
      ends_on            date not null check (ends_on >= starts_on),
      assessor_ids       jsonb not null,                   -- 评估人员
      agenda             jsonb not null,                   -- 日程: [{ date, time, activity, assessorIds }]
      version            integer not null,
      confirmed_version  integer,
      confirmed_by       uuid references account (id) on delete set null,
      confirmed_at       timestamptz,
      updated_at         timestamptz not null,
      primary key (assessment_id, kind)
    )
  `.execute(db);

  await sql`
    create table pre_assessment (
      assessment_id        uuid primary key references formal_assessment (id) on delete cascade,
      basic_situation      text not null,
      direct_evidence      text not null,
      indirect_evidence    text not null,
      readiness_findings   text not null,
      decision             text check (decision in ('proceed', 'close')),
      close_reasons        text,
      decided_at           timestamptz,
      updated_at           timestamptz not null
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['pre_assessment', 'assessment_plan', 'team_member', 'formal_assessment', 'certificate', 'training_participant', 'qualification', 'training_course', 'assessor']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`alter table account drop column body_id`.execute(db);
  await sql`drop table assessment_body`.execute(db);
}
