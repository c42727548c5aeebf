// Initial schema: sub-platforms, enterprises, accounts, sessions, SMS codes and outbox, assessments.
// Frozen once landed: never edit, add a new migration instead. Imports nothing from the app.
// One statement per sql`` call: PGlite's query() runs a single statement.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sub_platform (
      code          text primary key,               -- GB/T 2260 code (6 digits), e.g. 110000 北京市
      name          text not null,
      short_name    text not null,
      theme_color   text not null default '#1d4ed8',
      logo_svg      text,
      created_at    timestamptz not null default now()
    )
  `.execute(db);

  await sql`
    create table enterprise (
      id                 uuid primary key,
      name               text not null,
      credit_code        text not null,             -- 统一社会信用代码 (GB 32100-2015), 18 characters
      organisation_type  text not null check (organisation_type in ('independent', 'branch', 'division', 'plant')),
      parent_name        text,                       -- for 非独立法人: the legal entity it belongs to
      industry_code      text not null,              -- GB/T 4754-2017 middle category (3 digits), e.g. 351
      region_code        text not null,              -- GB/T 2260 county-level code (6 digits)
      enterprise_type    text not null check (enterprise_type in ('process', 'discrete')),
      contact_name       text not null,
      contact_mobile     text not null,
      sub_platform_code  text references sub_platform (code),   -- where it registered, if on a sub-platform
      is_demo            boolean not null default false,
      created_at         timestamptz not null default now()
    )
  `.execute(db);
  // A legal entity or a branch has a credit code of its own; a 事业部 or 车间·工厂 shares its legal
  // entity's code and is told apart by name.
  await sql`create unique index enterprise_credit_code_key on enterprise (credit_code) where organisation_type in ('independent', 'branch')`.execute(db);
  await sql`create unique index enterprise_unit_key on enterprise (credit_code, name) where organisation_type in ('division', 'plant')`.execute(db);
  await sql`create index enterprise_region_idx on enterprise (region_code)`.execute(db);
  await sql`create index enterprise_industry_idx on enterprise (industry_code)`.execute(db);

  await sql`
    create table account (
      id                    uuid primary key,
      username              text not null unique,     -- login name (lower-cased)
      password_hash         text not null,            -- argon2id
      display_name          text not null,
      mobile                text,
      role                  text not null check (role in ('enterprise_user', 'assessor', 'lead_assessor', 'agency_admin', 'region_admin', 'platform_admin')),
      enterprise_id         uuid references enterprise (id) on delete cascade,
      region_code           text,                     -- scope of a region_admin (a sub-platform code)
      failed_logins         integer not null default 0,
      locked_until          timestamptz,
      must_change_password  boolean not null default false,
      is_demo               boolean not null default false,
      created_at            timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index account_mobile_idx on account (mobile)`.execute(db);
  await sql`create index account_enterprise_idx on account (enterprise_id)`.execute(db);

  await sql`
    create table session (
      token_hash    text primary key,                 -- sha-256 of the cookie value
      account_id    uuid not null references account (id) on delete cascade,
      csrf_token    text not null,
      created_at    timestamptz not null default now(),
      expires_at    timestamptz not null
    )
  `.execute(db);
  await sql`create index session_account_idx on session (account_id)`.execute(db);

  await sql`
    create table sms_code (
      id            uuid primary key,
      mobile        text not null,
      purpose       text not null check (purpose in ('password_reset')),
      code_hash     text not null,
      attempts      integer not null default 0,
      expires_at    timestamptz not null,
      used_at       timestamptz,
      created_at    timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index sms_code_mobile_idx on sms_code (mobile, purpose)`.execute(db);

  await sql`
    create table sms_outbox (
      id            uuid primary key,
      mobile        text not null,
      body          text not null,
      created_at    timestamptz not null default now()
    )
  `.execute(db);

  await sql`
    create table assessment (
      id                uuid primary key,
      enterprise_id     uuid not null references enterprise (id) on delete cascade,
      kind              text not null check (kind in ('self_diagnosis', 'formal')),
      edition_id        text not null,                -- the model edition it was answered against
      enterprise_type   text not null check (enterprise_type in ('process', 'discrete')),
      tailored          jsonb not null default '[]',
      status            text not null check (status in ('draft', 'answering', 'completed')),
      current_level     integer not null default 1 check (current_level between 1 and 5),
      survey            jsonb,                        -- 调查问卷 (basic data)
      level             integer check (level between 0 and 5),
      total_score       double precision,
      result            jsonb,                        -- the engine's full result (cmmm score output)
      is_demo           boolean not null default false,
      created_at        timestamptz not null default now(),
      completed_at      timestamptz
    )
  `.execute(db);
  await sql`create index assessment_enterprise_idx on assessment (enterprise_id, created_at)`.execute(db);

  await sql`
    create table assessment_answer (
      assessment_id   uuid not null references assessment (id) on delete cascade,
      requirement_id  text not null,
      grade           text not null check (grade in ('FI', 'LI', 'PI', 'NI', 'NA')),
      updated_at      timestamptz not null default now(),
      primary key (assessment_id, requirement_id)
    )
  `.execute(db);

  await sql`
    create table assessment_level (
      assessment_id   uuid not null references assessment (id) on delete cascade,
      level           integer not null check (level between 1 and 5),
      score           double precision not null,
      reached         boolean not null,
      submitted_at    timestamptz not null default now(),
      primary key (assessment_id, level)
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'assessment_level', 'assessment_answer', 'assessment', 'sms_outbox', 'sms_code', 'session', 'account', 'enterprise', 'sub_platform',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
