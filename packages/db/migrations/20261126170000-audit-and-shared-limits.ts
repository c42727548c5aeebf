// The audit trail (a hash chain: each row's hash covers its fields and the previous row's hash), rate
// limit counters shared by every server process, and the browsers known to have logged in to an account.
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_event (
      id             bigint generated always as identity primary key,
      at             timestamptz not null,
      actor_id       uuid,                            -- the account that acted; null for the system
      actor_role     text,
      action         text not null,                   -- e.g. 'account.created', 'self_diagnosis.level_submitted'
      subject_type   text not null,
      subject_id     text not null,
      enterprise_id  uuid,                            -- no foreign key: the trail outlives what it describes
      region_code    text,                            -- the enterprise's GB/T 2260 county code
      summary        jsonb not null default '{}',     -- short before/after
      request_id     text,
      prev_hash      text not null,
      hash           text not null
    )
  `.execute(db);
  await sql`create index audit_event_subject_idx on audit_event (subject_type, subject_id)`.execute(db);
  await sql`create index audit_event_actor_idx on audit_event (actor_id)`.execute(db);
  await sql`create index audit_event_at_idx on audit_event (at)`.execute(db);
  await sql`create index audit_event_region_idx on audit_event (region_code text_pattern_ops)`.execute(db);

  await sql`
    create table rate_limit_counter (
      key           text primary key,               -- e.g. 'login:<account id>', 'login:<account id>:<ip>'
      window_start  timestamptz not null,
      hits          integer not null,
      expires_at    timestamptz not null
    )
  `.execute(db);
  await sql`create index rate_limit_counter_expires_idx on rate_limit_counter (expires_at)`.execute(db);

  await sql`
    create table known_device (
      token_hash    text primary key,               -- sha-256 of the device cookie
      account_id    uuid not null references account (id) on delete cascade,
      created_at    timestamptz not null default now(),
      last_used_at  timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index known_device_account_idx on known_device (account_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['known_device', 'rate_limit_counter', 'audit_event']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
