// Kysely table types for migrations/ (initial schema, report numbers, audit trail and shared limits).
// Keep in step with the migrations.
import type { EnterpriseType, Grade } from '@cmmm/model';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Declared once, in the model. */
export type { EnterpriseType, Grade };

/** timestamptz: a Date when read (both drivers); a Date or an ISO string when written. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** timestamptz with a database default. */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/**
 * jsonb: parsed when read; written as JSON text (`JSON.stringify(value)`), because pg would send a
 * JS array as a PostgreSQL array literal, which is not valid JSON.
 */
export type Jsonb<T = JsonValue> = ColumnType<T, string, string>;

export type OrganisationType = 'independent' | 'branch' | 'division' | 'plant';
export type Role = 'enterprise_user' | 'assessor' | 'lead_assessor' | 'agency_admin' | 'region_admin' | 'platform_admin';
export type SmsPurpose = 'password_reset';
export type AssessmentKind = 'self_diagnosis' | 'formal';
export type AssessmentStatus = 'draft' | 'answering' | 'completed';

export interface SubPlatformTable {
  code: string;
  name: string;
  short_name: string;
  theme_color: Generated<string>;
  logo_svg: string | null;
  created_at: GeneratedTimestamp;
}

export interface EnterpriseTable {
  id: string;
  name: string;
  credit_code: string;
  organisation_type: OrganisationType;
  parent_name: string | null;
  industry_code: string;
  region_code: string;
  enterprise_type: EnterpriseType;
  contact_name: string;
  contact_mobile: string;
  sub_platform_code: string | null;
  is_demo: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface AccountTable {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  mobile: string | null;
  role: Role;
  enterprise_id: string | null;
  region_code: string | null;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  must_change_password: Generated<boolean>;
  is_demo: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface SessionTable {
  token_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
}

export interface SmsCodeTable {
  id: string;
  mobile: string;
  purpose: SmsPurpose;
  code_hash: string;
  attempts: Generated<number>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: GeneratedTimestamp;
}

export interface SmsOutboxTable {
  id: string;
  mobile: string;
  body: string;
  created_at: GeneratedTimestamp;
}

export interface AssessmentTable {
  id: string;
  enterprise_id: string;
  kind: AssessmentKind;
  edition_id: string;
  enterprise_type: EnterpriseType;
  /** Tailored-out domain or subdomain ids; defaults to []. */
  tailored: ColumnType<string[], string | undefined, string>;
  status: AssessmentStatus;
  current_level: Generated<number>;
  survey: Jsonb | null;
  level: number | null;
  total_score: number | null;
  result: Jsonb | null;
  is_demo: Generated<boolean>;
  created_at: GeneratedTimestamp;
  completed_at: Timestamp | null;
  /** Printed on the report and looked up by the public verification page (migration 20261122003000). */
  report_number: string | null;
}

export interface AssessmentAnswerTable {
  assessment_id: string;
  requirement_id: string;
  grade: Grade;
  updated_at: GeneratedTimestamp;
}

export interface AssessmentLevelTable {
  assessment_id: string;
  level: number;
  score: number;
  reached: boolean;
  submitted_at: GeneratedTimestamp;
}

/** One entry of the audit trail (migration 20261126170000); rows are only ever appended. */
export interface AuditEventTable {
  /** bigint identity: a string when read (int8, both drivers); never written. */
  id: ColumnType<string, never, never>;
  at: Timestamp;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  enterprise_id: string | null;
  region_code: string | null;
  summary: ColumnType<{ [key: string]: JsonValue }, string | undefined, string>;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** A fixed-window counter shared by every server process (rate limits, login failures). */
export interface RateLimitCounterTable {
  key: string;
  window_start: Timestamp;
  hits: number;
  expires_at: Timestamp;
}

/** A browser that logged in to the account successfully (its device cookie, hashed). */
export interface KnownDeviceTable {
  token_hash: string;
  account_id: string;
  created_at: GeneratedTimestamp;
  last_used_at: GeneratedTimestamp;
}

export interface DB {
  sub_platform: SubPlatformTable;
  enterprise: EnterpriseTable;
  account: AccountTable;
  session: SessionTable;
  sms_code: SmsCodeTable;
  sms_outbox: SmsOutboxTable;
  assessment: AssessmentTable;
  assessment_answer: AssessmentAnswerTable;
  assessment_level: AssessmentLevelTable;
  audit_event: AuditEventTable;
  rate_limit_counter: RateLimitCounterTable;
  known_device: KnownDeviceTable;
}

export type SubPlatformRow = Selectable<SubPlatformTable>;
export type EnterpriseRow = Selectable<EnterpriseTable>;
export type AccountRow = Selectable<AccountTable>;
export type SessionRow = Selectable<SessionTable>;
export type SmsCodeRow = Selectable<SmsCodeTable>;
export type SmsOutboxRow = Selectable<SmsOutboxTable>;
export type AssessmentRow = Selectable<AssessmentTable>;
export type AssessmentAnswerRow = Selectable<AssessmentAnswerTable>;
export type AssessmentLevelRow = Selectable<AssessmentLevelTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type RateLimitCounterRow = Selectable<RateLimitCounterTable>;
export type KnownDeviceRow = Selectable<KnownDeviceTable>;

export type NewSubPlatform = Insertable<SubPlatformTable>;
export type NewEnterprise = Insertable<EnterpriseTable>;
export type NewAccount = Insertable<AccountTable>;
export type NewSession = Insertable<SessionTable>;
export type NewSmsCode = Insertable<SmsCodeTable>;
export type NewSmsOutbox = Insertable<SmsOutboxTable>;
export type NewAssessment = Insertable<AssessmentTable>;
export type NewAssessmentAnswer = Insertable<AssessmentAnswerTable>;
export type NewAssessmentLevel = Insertable<AssessmentLevelTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
export type NewKnownDevice = Insertable<KnownDeviceTable>;

export type EnterpriseUpdate = Updateable<EnterpriseTable>;
export type AccountUpdate = Updateable<AccountTable>;
export type AssessmentUpdate = Updateable<AssessmentTable>;
export type SmsCodeUpdate = Updateable<SmsCodeTable>;
