// What the pages after 等级判定 compute from the wire (seed 002 评估流程; seed 003 §8.4): the findings
// with the enterprise's 再次论证 and the lead's decisions, who may do what from 沟通评估结果 to the
// certificate, the steps 最终评估结果 → 合规性审查 → 公示 → 颁发证书, the checks, the objections and
// the certificate of an assessment. Pure: no React, no requests.
import type { Certificate } from '@cmmm/contract/assessors';
import { ApiError } from '../../api.ts';
import type { Translate } from '../../i18n.tsx';
import { levelLabelKey } from '../../self-diagnosis/format.ts';
import type { RegistryEntry } from '@cmmm/contract/registry';
import type { Role } from '@cmmm/contract/schemas';
import type { Finding, FindingResponse, FormalAssessment, FormalStage, RatedGradeCode } from './rating-api.ts';
import { FINDING_KIND_ORDER, GRADES_ASCENDING } from './rating-view.ts';

/** Stages in which the result has been shared with the enterprise (再次论证 from 'communicating'). */
export const SHARED_STAGES: readonly FormalStage[] = ['communicating', 'final', 'under_review', 'publicized', 'certified'];
export const isShared = (stage: FormalStage): boolean => SHARED_STAGES.includes(stage);
/** Stages with a final result (末次会议 held): the compliance review and what follows. */
export const REVIEW_STAGES: readonly FormalStage[] = ['final', 'under_review', 'publicized', 'certified'];
export const hasReview = (stage: FormalStage): boolean => REVIEW_STAGES.includes(stage);
/** Stages with a public notice (and objections to it). */
export const NOTICE_STAGES: readonly FormalStage[] = ['publicized', 'certified'];

/**
 * The server answers ILLEGAL_TRANSITION to a read it does not serve at this stage (the working sheet
 * after the final result, the result before it is shared): the page says so instead of failing.
 */
export const isStageRefusal = (error: unknown): boolean => error instanceof ApiError && error.code === 'ILLEGAL_TRANSITION';

/** A line on the assessment's page saying where the assessment stands after 正式评估 began. */
export function stageHintKey(stage: FormalStage): `cert.stageHint.${'rated' | 'communicating' | 'final' | 'under_review' | 'publicized' | 'certified'}` | undefined {
  switch (stage) {
    case 'rated':
    case 'communicating':
    case 'final':
    case 'under_review':
    case 'publicized':
    case 'certified':
      return `cert.stageHint.${stage}`;
    default:
      return undefined;
  }
}

// ---- 再次论证

export type ResponseState = 'none' | 'pending' | 'accepted' | 'rejected';

export function responseStateOf(response: Pick<FindingResponse, 'decision'> | undefined): ResponseState {
  if (!response) return 'none';
  return response.decision ?? 'pending';
}

export interface FindingEntry {
  finding: Finding;
  response: FindingResponse | undefined;
  state: ResponseState;
}

/** Every finding with its response: 弱项 and 改进项 first, then 符合项 and 良好实践, each kind in the result's order. */
export function findingEntries(findings: readonly Finding[], responses: readonly FindingResponse[]): FindingEntry[] {
  const byRequirement = new Map(responses.map((r) => [r.requirementId, r]));
  return FINDING_KIND_ORDER.flatMap((kind) =>
    findings
      .filter((f) => f.kind === kind)
      .map((finding) => {
        const response = byRequirement.get(finding.requirementId);
        return { finding, response, state: responseStateOf(response) };
      }),
  );
}

/** A finding's name for buttons and forms (二级 · 人员部署): the same item recurs at each level. */
export const findingName = (t: Translate, finding: Pick<Finding, 'level' | 'itemName'>): string => `${t(levelLabelKey(finding.level))} · ${finding.itemName}`;

export interface ResponseCounts {
  total: number;
  pending: number;
  accepted: number;
  rejected: number;
}

export function responseCounts(responses: readonly Pick<FindingResponse, 'decision'>[]): ResponseCounts {
  const counts: ResponseCounts = { total: responses.length, pending: 0, accepted: 0, rejected: 0 };
  for (const r of responses) counts[responseStateOf(r) as 'pending' | 'accepted' | 'rejected'] += 1;
  return counts;
}

/** The grade offered first when the lead accepts an argument: one step above the grade before (全部满足 stays). */
export function suggestedGrade(before: RatedGradeCode): RatedGradeCode {
  const index = GRADES_ASCENDING.indexOf(before);
  return GRADES_ASCENDING[Math.min(index + 1, GRADES_ASCENDING.length - 1)] ?? before;
}

/** The requirement an issue of RESPONSES_PENDING names ('responses.<id>'). */
export function responseIssueId(path: string): string | undefined {
  return /^responses\.(.+)$/.exec(path)?.[1];
}

// ---- who may do what

export interface CertificationRole {
  /** 提交企业沟通 (rated → communicating). */
  canShare: boolean;
  /** 再次论证: the enterprise's users while communicating. */
  canRespond: boolean;
  /** 采纳 / 不采纳: the lead while communicating. */
  canDecide: boolean;
  /** 末次会议 and 确定最终评估结果. */
  canFinalise: boolean;
  /** 提交合规性审查 (final → under_review). */
  canSubmitForReview: boolean;
  /** 审查通过 / 退回评估组. */
  canReview: boolean;
  canResolveObjections: boolean;
  canIssueCertificate: boolean;
  /** Who filed an objection and how to reach them: the scheme's reviewers and the platform admin only. */
  seesObjectorContact: boolean;
}

/**
 * The view's actions decide where the server lists them; the later ones (submitForReview, review,
 * resolveObjections, issueCertificate) it does not list yet, so they follow from the stage and the
 * viewer: the lead (the viewer's own assessor record is the team's lead) submits the final result,
 * the scheme's reviewers review, resolve objections and issue the certificate. The server decides
 * again on every change.
 */
export function certificationRoleOf(view: Pick<FormalAssessment, 'stage' | 'actions'>, viewer: { role: Role; lead: boolean }): CertificationRole {
  const { stage, actions } = view;
  const reviewer = viewer.role === 'reviewer';
  return {
    canShare: actions.includes('shareResult'),
    canRespond: actions.includes('respondToFindings'),
    canDecide: actions.includes('decideResponses'),
    canFinalise: actions.includes('finalise'),
    canSubmitForReview: actions.includes('submitForReview') || (stage === 'final' && viewer.lead),
    canReview: actions.includes('review') || (stage === 'under_review' && reviewer),
    canResolveObjections: actions.includes('resolveObjections') || (stage === 'publicized' && reviewer),
    canIssueCertificate: actions.includes('issueCertificate') || (stage === 'publicized' && reviewer),
    seesObjectorContact: reviewer || viewer.role === 'platform_admin',
  };
}

/** The viewer leads this assessment: their own assessor record is the team's current lead. */
export function isLeadOf(team: FormalAssessment['team'], ownAssessorId: string | null | undefined): boolean {
  if (!ownAssessorId) return false;
  return team.some((m) => m.teamRole === 'lead' && m.removedAt === null && m.assessorId === ownAssessorId);
}

// ---- the steps 最终评估结果 → 合规性审查 → 公示 → 颁发证书

export const REVIEW_STEPS = ['final', 'review', 'notice', 'certificate'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];

export function reviewStepOf(stage: FormalStage): { current: number; status: 'wait' | 'process' | 'finish' } {
  switch (stage) {
    case 'final':
      return { current: 1, status: 'wait' };
    case 'under_review':
      return { current: 1, status: 'process' };
    case 'publicized':
      return { current: 2, status: 'process' };
    case 'certified':
      return { current: 3, status: 'finish' };
    default:
      return { current: 0, status: 'wait' };
  }
}

// ---- 合规性审查

export interface CheckLike {
  code: string;
  passed: boolean;
  message: string;
}

export const failedChecks = <C extends CheckLike>(checks: readonly C[]): C[] => checks.filter((c) => !c.passed);

/** The server's automatic checks (services/formal-assessment/review-checks.ts), each named on the page; others by their code. */
export const REVIEW_CHECK_CODES = ['TEAM_SIZE_ODD', 'TEAM_QUALIFIED', 'LEAD_GRADE', 'COI_DECLARED', 'PERSON_DAYS', 'CONSENSUS_COMPLETE', 'EVIDENCE_COMPLETE', 'ONE_YEAR_RULE'] as const;
export type ReviewCheckCode = (typeof REVIEW_CHECK_CODES)[number];
export const isKnownCheck = (code: string): code is ReviewCheckCode => (REVIEW_CHECK_CODES as readonly string[]).includes(code);

/** The check an issue of REVIEW_CHECKS_FAILED names ('checks.<code>'). */
export const checkIssueCode = (path: string): string | undefined => /^checks\.(.+)$/.exec(path)?.[1];

/** Reviews newest first (the server lists them in the order they were made). */
export const newestFirst = <R extends { decidedAt: string }>(reviews: readonly R[]): R[] => [...reviews].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));

// ---- 异议

export type ObjectionStatus = 'open' | 'dismissed' | 'upheld';

export function objectionCounts(objections: readonly { status: ObjectionStatus }[]): Record<ObjectionStatus, number> {
  const counts: Record<ObjectionStatus, number> = { open: 0, dismissed: 0, upheld: 0 };
  for (const o of objections) counts[o.status] += 1;
  return counts;
}

/** Why the assessment went back to the team: the newest of a review returned and an objection upheld. */
export interface ReturnReason {
  kind: 'review' | 'objection';
  at: string;
  reasons: string | null;
}

export function latestReturn(reviews: readonly { decision: 'approved' | 'returned'; reasons: string | null; decidedAt: string }[], objections: readonly { status: ObjectionStatus; resolution: string | null; resolvedAt: string | null }[]): ReturnReason | undefined {
  const returns: ReturnReason[] = [
    ...reviews.filter((r) => r.decision === 'returned').map((r) => ({ kind: 'review' as const, at: r.decidedAt, reasons: r.reasons })),
    ...objections.filter((o) => o.status === 'upheld' && o.resolvedAt).map((o) => ({ kind: 'objection' as const, at: o.resolvedAt!, reasons: o.resolution })),
  ];
  return returns.sort((a, b) => b.at.localeCompare(a.at))[0];
}

export const MOBILE = /^1[3-9]\d{9}$/;
/** The contract takes zod's e-mail rule; this one is its plain shape (the server decides in the end). */
export const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** 联系方式: a mainland mobile number or an e-mail address. */
export function isContact(value: string): boolean {
  const text = value.trim();
  return MOBILE.test(text) || EMAIL.test(text);
}

// ---- the certificate

export type CertificateState = Certificate['status'] | RegistryEntry['status'];

/** A certificate as the pages show it, from the enterprise's list or from the public registry. */
export interface CertificateView {
  number: string;
  /** 预定义评估: the level; null for a 自定义评估's certificate. */
  level: number | null;
  /** 自定义评估: each domain's capability level. */
  capability: { name: string; level: number }[];
  scope: string;
  issuedOn: string | null;
  validUntil: string | null;
  status: CertificateState;
  /** Why it is suspended or revoked, for those who may know (never from the public registry). */
  statusReason: string | null;
  assessmentId: string | null;
}

export const certificateFromRecord = (c: Certificate): CertificateView => ({
  number: c.certificateNumber,
  level: c.level,
  capability: (c.capability ?? []).map((d) => ({ name: d.name, level: d.level })),
  scope: c.scope,
  issuedOn: c.issuedOn,
  validUntil: c.validUntil,
  status: c.status,
  statusReason: c.status === 'valid' ? null : c.statusReason,
  assessmentId: c.assessmentId,
});

/** A registry entry with a number (the platform's certificates); published rows have none. */
export function certificateFromRegistry(e: RegistryEntry): CertificateView | undefined {
  if (!e.certificateNumber) return undefined;
  return { number: e.certificateNumber, level: e.level, capability: [], scope: e.scope, issuedOn: e.issuedOn, validUntil: e.validUntil, status: e.status, statusReason: null, assessmentId: null };
}

/** The tail of a certificate number issued by this assessment: CMMM-<level>-<date>-<the id's first 10 hex digits>. */
export const certificateNumberTail = (assessmentId: string): string => `-${assessmentId.replaceAll('-', '').slice(0, 10).toUpperCase()}`;

/** This assessment's certificate: by its assessment id, or (registry entries carry none) by the number's tail. */
export function certificateOfAssessment(certificates: readonly CertificateView[], assessmentId: string): CertificateView | undefined {
  return certificates.find((c) => c.assessmentId === assessmentId) ?? certificates.find((c) => c.assessmentId === null && c.number.startsWith('CMMM-') && c.number.endsWith(certificateNumberTail(assessmentId)));
}

/** Newest first (by issue date), the valid ones before the rest on the same day. */
export function sortCertificates(certificates: readonly CertificateView[]): CertificateView[] {
  return [...certificates].sort((a, b) => (b.issuedOn ?? '').localeCompare(a.issuedOn ?? '') || Number(b.status === 'valid') - Number(a.status === 'valid'));
}
