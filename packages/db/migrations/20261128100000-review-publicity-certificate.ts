// 标准符合性评估, part 2b (seed 002 评估流程: 专家委员会合规性审查 → 公示 → 授予证书): the scheme's
// reviewers (a platform role), each review with its automatic checks and decision (kept as history),
// the public notice (公示) with its objections, and certificates the platform issues: their status
// (valid, suspended, revoked, expired, superseded), the body, and for a 自定义评估 the capability
// profile instead of one level.
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

const ROLES_BEFORE = `'enterprise_user', 'assessor', 'lead_assessor', 'agency_admin', 'region_admin', 'platform_admin'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table account drop constraint account_role_check`.execute(db);
  await sql.raw(`alter table account add constraint account_role_check check (role in (${ROLES_BEFORE}, 'reviewer'))`).execute(db);

  await sql`
    create table formal_review (
      id               uuid primary key,
      assessment_id    uuid not null references formal_assessment (id) on delete cascade,
      checks           jsonb not null,                -- [{ code, passed, message }] as run at the decision
      decision         text not null check (decision in ('approved', 'returned')),
      reasons          text,
      reviewer_id      uuid references account (id) on delete set null,
      decided_at       timestamptz not null
    )
  `.execute(db);
  await sql`create index formal_review_assessment_idx on formal_review (assessment_id, decided_at)`.execute(db);

  await sql`
    create table public_notice (
      assessment_id    uuid primary key references formal_assessment (id) on delete cascade,
      starts_on        date not null,
      ends_on          date not null check (ends_on >= starts_on),
      published_by     uuid references account (id) on delete set null,
      published_at     timestamptz not null
    )
  `.execute(db);
  await sql`create index public_notice_ends_idx on public_notice (ends_on)`.execute(db);

  await sql`
    create table objection (
      id               uuid primary key,
      assessment_id    uuid not null references formal_assessment (id) on delete cascade,
      name             text not null,
      contact          text not null,
      text             text not null,
      filed_at         timestamptz not null,
      status           text not null default 'open' check (status in ('open', 'dismissed', 'upheld')),
      resolution       text,
      resolved_by      uuid references account (id) on delete set null,
      resolved_at      timestamptz
    )
  `.execute(db);
  await sql`create index objection_assessment_idx on objection (assessment_id, status)`.execute(db);

  await sql`alter table certificate alter column level drop not null`.execute(db);
  await sql`alter table certificate add column status text not null default 'valid' check (status in ('valid', 'suspended', 'revoked', 'expired', 'superseded'))`.execute(db);
  await sql`alter table certificate add column status_reason text`.execute(db);
  await sql`alter table certificate add column status_changed_at timestamptz`.execute(db);
  await sql`alter table certificate add column body_id uuid references assessment_body (id)`.execute(db);
  // 自定义评估: [{ domainId, name, level }] instead of one level.
  await sql`alter table certificate add column capability jsonb`.execute(db);
  await sql`alter table certificate add column superseded_by uuid references certificate (id)`.execute(db);
  await sql`create index certificate_status_idx on certificate (status, valid_until)`.execute(db);

  // Expiry reminders sent (90 and 30 days before): the primary key makes each one happen once, on any number of servers.
  await sql`
    create table certificate_reminder (
      certificate_id   uuid not null references certificate (id) on delete cascade,
      days_before      integer not null check (days_before in (90, 30)),
      sent_at          timestamptz not null,
      primary key (certificate_id, days_before)
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table certificate_reminder`.execute(db);
  await sql`drop index certificate_status_idx`.execute(db);
  for (const column of ['superseded_by', 'capability', 'body_id', 'status_changed_at', 'status_reason', 'status']) {
    await sql`alter table certificate drop column ${sql.ref(column)}`.execute(db);
  }
  await sql`alter table certificate alter column level set not null`.execute(db);
  for (const table of ['objection', 'public_notice', 'formal_review']) await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`alter table account drop constraint account_role_check`.execute(db);
  await sql.raw(`alter table account add constraint account_role_check check (role in (${ROLES_BEFORE}))`).execute(db);
}
