// Kysely table types for migrations/ (initial schema, report numbers, audit trail and shared limits,
// conformity assessment).
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
export type Role = 'enterprise_user' | 'assessor' | 'lead_assessor' | 'agency_admin' | 'region_admin' | 'platform_admin' | 'reviewer';
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
  /** The 评估机构 an agency_admin manages or an assessor works for (migration 20261127090000). */
  body_id: ColumnType<string | null, string | null | undefined, string | null>;
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

// ---- 标准符合性评估 (migration 20261127090000). Dates are 'YYYY-MM-DD' strings (connect.ts).

/** A calendar date column: 'YYYY-MM-DD' when read and written. */
export type DateColumn = string;
export type QualificationGrade = 'intro' | 'assessor' | 'lead_assessor' | 'high_maturity_lead' | 'trainer';
export type QualificationStatus = 'pending' | 'approved' | 'rejected';
export type CourseType = 'intro' | 'assessor' | 'lead_trainer';
export type FormalStage = 'submitted' | 'accepted' | 'declined' | 'withdrawn' | 'team_formed' | 'plans_confirmed' | 'pre_assessment' | 'feasible' | 'closed' | 'assessing' | 'rated' | 'communicating' | 'final' | 'under_review' | 'publicized' | 'certified';
export type TeamRole = 'lead' | 'member' | 'internal';
export type CoiStatus = 'pending' | 'none' | 'conflict';
export type PlanKind = 'pre' | 'formal';

export interface AssessmentBodyTable {
  id: string;
  name: string;
  credit_code: string;
  region_code: string;
  contact_name: string;
  contact_mobile: string;
  address: string | null;
  is_demo: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface AssessorTable {
  id: string;
  name: string;
  mobile: string;
  body_id: string | null;
  enterprise_id: string | null;
  account_id: string | null;
  listed_publicly: Generated<boolean>;
  is_demo: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface TrainingCourseTable {
  id: string;
  course_type: CourseType;
  title: string;
  place: string;
  starts_on: DateColumn;
  ends_on: DateColumn;
  trainer_id: string | null;
  is_demo: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface QualificationTable {
  id: string;
  assessor_id: string;
  grade: QualificationGrade;
  certificate_number: string;
  issuing_body: string;
  obtained_on: DateColumn;
  valid_until: DateColumn;
  status: QualificationStatus;
  decided_by: string | null;
  decided_at: Timestamp | null;
  reject_reason: string | null;
  training_id: string | null;
  created_at: GeneratedTimestamp;
}

export interface TrainingParticipantTable {
  course_id: string;
  assessor_id: string;
  result: Generated<'enrolled' | 'passed' | 'failed'>;
  qualification_id: string | null;
}

export type CertificateStatus = 'valid' | 'suspended' | 'revoked' | 'expired' | 'superseded';

export interface CertificateTable {
  id: string;
  enterprise_id: string;
  /** null for a 自定义评估 (see capability). */
  level: number | null;
  certificate_number: string;
  scope: string;
  issued_on: DateColumn;
  valid_until: DateColumn;
  assessment_id: string | null;
  is_demo: Generated<boolean>;
  created_at: GeneratedTimestamp;
  status: Generated<CertificateStatus>;
  status_reason: string | null;
  status_changed_at: Timestamp | null;
  body_id: string | null;
  capability: Jsonb<{ domainId: string; name: string; level: number }[]> | null;
  superseded_by: string | null;
}

export interface FormalAssessmentTable {
  id: string;
  enterprise_id: string;
  self_diagnosis_id: string;
  assessment_type: 'predefined' | 'custom';
  target_level: number | null;
  custom_domains: Jsonb<{ domainId: string; targetCapabilityLevel: number }[]>;
  scope: string;
  not_applicable: Jsonb<{ nodeId: string; reason: string }[]>;
  sponsor_name: string;
  sponsor_title: string;
  liaison_name: string;
  liaison_mobile: string;
  internal_assessor_id: string | null;
  body_id: string;
  lead_assessor_id: string | null;
  stage: FormalStage;
  lawful_confirmed: Generated<boolean>;
  im_confirmed: Generated<boolean>;
  decline_reason: string | null;
  weights: ColumnType<Record<string, number> | null, string | null, string | null>;
  weights_rationale: string | null;
  version: Generated<number>;
  submitted_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamMemberTable {
  assessment_id: string;
  assessor_id: string;
  team_role: TeamRole;
  coi: Generated<CoiStatus>;
  coi_statement: string | null;
  declared_by: string | null;
  declared_at: Timestamp | null;
  added_at: Timestamp;
  removed_at: Timestamp | null;
}

export interface AgendaEntry {
  date: string;
  time: string;
  activity: string;
  assessorIds: string[];
}

export interface AssessmentPlanTable {
  assessment_id: string;
  kind: PlanKind;
  purpose: string;
  scope: string;
  tasks: string;
  starts_on: DateColumn;
  ends_on: DateColumn;
  assessor_ids: Jsonb<string[]>;
  agenda: Jsonb<AgendaEntry[]>;
  version: number;
  confirmed_version: number | null;
  confirmed_by: string | null;
  confirmed_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface PreAssessmentTable {
  assessment_id: string;
  basic_situation: string;
  direct_evidence: string;
  indirect_evidence: string;
  readiness_findings: string;
  decision: 'proceed' | 'close' | null;
  close_reasons: string | null;
  decided_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface PublishedCertificationTable {
  source: string;
  row_no: number;
  enterprise_name: string;
  province_name: string;
  city_name: string;
  region_code: string | null;
  level: number;
  scope: string;
  published_year: number;
}

export interface FirstMeetingTable {
  assessment_id: string;
  held_on: DateColumn;
  attendees: string;
  plan_confirmed: boolean;
  agreed_items: string;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export type EvidenceMethod = 'interview' | 'observation' | 'site_tour' | 'document_review' | 'system_demo' | 'data_collection';

export interface EvidenceTable {
  id: string;
  assessment_id: string;
  requirement_id: string;
  method: EvidenceMethod;
  source: string;
  collected_on: DateColumn;
  note: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface BlobTable {
  sha256: string;
  /** bigint: pg returns a string, PGlite a number. */
  size: ColumnType<string | number, number, number>;
  media_type: string;
  created_at: Timestamp;
}

export interface EvidenceFileTable {
  id: string;
  evidence_id: string;
  sha256: string;
  file_name: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export type RatedGradeColumn = 'FI' | 'LI' | 'PI' | 'NI';

export interface RatingTable {
  assessment_id: string;
  assessor_id: string;
  requirement_id: string;
  grade: RatedGradeColumn;
  note: string | null;
  updated_at: Timestamp;
}

export interface RatingSubmissionTable {
  assessment_id: string;
  assessor_id: string;
  submitted_at: Timestamp;
}

export interface ConsensusRatingTable {
  assessment_id: string;
  requirement_id: string;
  grade: RatedGradeColumn;
  note: string;
  finding: string | null;
  decided_by: string | null;
  updated_at: Timestamp;
}

export interface DomainSummaryTable {
  assessment_id: string;
  domain_id: string;
  strengths: string;
  weaknesses: string;
  improvements: string;
  updated_at: Timestamp;
}

export interface FindingResponseTable {
  assessment_id: string;
  requirement_id: string;
  response: string;
  evidence_note: string | null;
  responded_by: string | null;
  responded_at: Timestamp;
  decision: 'accepted' | 'rejected' | null;
  decision_reason: string | null;
  grade_before: RatedGradeColumn | null;
  grade_after: RatedGradeColumn | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

export interface LastMeetingTable {
  assessment_id: string;
  held_on: DateColumn;
  attendees: string;
  summary: string;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface FormalReviewTable {
  id: string;
  assessment_id: string;
  checks: Jsonb<{ code: string; passed: boolean; message: string }[]>;
  decision: 'approved' | 'returned';
  reasons: string | null;
  reviewer_id: string | null;
  decided_at: Timestamp;
}

export interface PublicNoticeTable {
  assessment_id: string;
  starts_on: DateColumn;
  ends_on: DateColumn;
  published_by: string | null;
  published_at: Timestamp;
}

export interface ObjectionTable {
  id: string;
  assessment_id: string;
  name: string;
  contact: string;
  text: string;
  filed_at: Timestamp;
  status: Generated<'open' | 'dismissed' | 'upheld'>;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
}

export interface CertificateReminderTable {
  certificate_id: string;
  days_before: 90 | 30;
  sent_at: Timestamp;
}

/** A completed self-diagnosis in its compact, indexed form (migration 20261129120000). */
export interface DiagnosisResultTable {
  assessment_id: string;
  enterprise_id: string;
  completed_at: Timestamp;
  /** yyyymm in China Standard Time. */
  month: number;
  level: number;
  score: number;
  /** round(S × 10^9): int8, a string when read (both drivers). */
  score_e9: ColumnType<string, string | bigint, string | bigint>;
  province: string;
  city: string;
  county: string;
  industry_major: string;
  industry_code: string;
  enterprise_type: EnterpriseType;
  valid: boolean;
}

/** Node scores of a completed self-diagnosis at each evaluated level, × 10^4 (−1 absent). */
export interface DiagnosisNodeScoresTable {
  assessment_id: string;
  scores: ColumnType<number[], string, string>;
}

/** Counts and sums over completed self-diagnoses, kept current in the completing transaction. */
export interface DiagnosisAggregateTable {
  region: string;
  industry: string;
  enterprise_type: EnterpriseType;
  month: number;
  level: number;
  completed: number;
  valid: number;
  score_e9_sum: ColumnType<string, string | bigint, string | bigint>;
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
  assessment_body: AssessmentBodyTable;
  assessor: AssessorTable;
  training_course: TrainingCourseTable;
  qualification: QualificationTable;
  training_participant: TrainingParticipantTable;
  certificate: CertificateTable;
  formal_assessment: FormalAssessmentTable;
  team_member: TeamMemberTable;
  assessment_plan: AssessmentPlanTable;
  pre_assessment: PreAssessmentTable;
  published_certification: PublishedCertificationTable;
  first_meeting: FirstMeetingTable;
  evidence: EvidenceTable;
  blob: BlobTable;
  evidence_file: EvidenceFileTable;
  rating: RatingTable;
  rating_submission: RatingSubmissionTable;
  consensus_rating: ConsensusRatingTable;
  domain_summary: DomainSummaryTable;
  finding_response: FindingResponseTable;
  last_meeting: LastMeetingTable;
  formal_review: FormalReviewTable;
  public_notice: PublicNoticeTable;
  objection: ObjectionTable;
  certificate_reminder: CertificateReminderTable;
  diagnosis_result: DiagnosisResultTable;
  diagnosis_node_scores: DiagnosisNodeScoresTable;
  diagnosis_aggregate: DiagnosisAggregateTable;
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
export type AssessmentBodyRow = Selectable<AssessmentBodyTable>;
export type AssessorRow = Selectable<AssessorTable>;
export type TrainingCourseRow = Selectable<TrainingCourseTable>;
export type QualificationRow = Selectable<QualificationTable>;
export type TrainingParticipantRow = Selectable<TrainingParticipantTable>;
export type CertificateRow = Selectable<CertificateTable>;
export type FormalAssessmentRow = Selectable<FormalAssessmentTable>;
export type TeamMemberRow = Selectable<TeamMemberTable>;
export type AssessmentPlanRow = Selectable<AssessmentPlanTable>;
export type PreAssessmentRow = Selectable<PreAssessmentTable>;
export type PublishedCertificationRow = Selectable<PublishedCertificationTable>;
export type FirstMeetingRow = Selectable<FirstMeetingTable>;
export type EvidenceRow = Selectable<EvidenceTable>;
export type BlobRow = Selectable<BlobTable>;
export type EvidenceFileRow = Selectable<EvidenceFileTable>;
export type RatingRow = Selectable<RatingTable>;
export type RatingSubmissionRow = Selectable<RatingSubmissionTable>;
export type ConsensusRatingRow = Selectable<ConsensusRatingTable>;
export type DomainSummaryRow = Selectable<DomainSummaryTable>;
export type FindingResponseRow = Selectable<FindingResponseTable>;
export type LastMeetingRow = Selectable<LastMeetingTable>;
export type FormalReviewRow = Selectable<FormalReviewTable>;
export type PublicNoticeRow = Selectable<PublicNoticeTable>;
export type ObjectionRow = Selectable<ObjectionTable>;
export type DiagnosisResultRow = Selectable<DiagnosisResultTable>;
export type DiagnosisAggregateRow = Selectable<DiagnosisAggregateTable>;

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
