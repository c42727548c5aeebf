// Who may see and do what: every authorization rule of the platform, in one place. Each service
// starts with one `authorize(actor, canX(actor, …))` (or `permit` where no login is needed).
// An enterprise's data is visible to its own users, the assessors assigned to it, and the admins
// of its region and above (seed 002's sub-platforms).
import type { ErrorCode, Role } from '@cmmm/contract';
import { regionContains } from '@cmmm/reference';
import { AppError } from './errors.ts';

export interface Actor {
  id: string;
  role: Role;
  enterpriseId: string | null;
  /** For region_admin: the sub-platform (GB/T 2260 code) it administers. */
  regionCode: string | null;
  /** For agency_admin and assessors: the 评估机构 (assessment body) they belong to. */
  bodyId?: string | null;
  /** Logged in with a one-time password: may only change it. */
  mustChangePassword?: boolean;
  /** The digest of the session the request came with (a password change keeps only this one). */
  sessionId?: string;
}

export interface EnterpriseScope {
  id: string;
  regionCode: string;
  subPlatformCode: string | null;
}

/** Assessors see enterprises they are assigned to; assignments arrive with formal assessment. */
export type AssignmentLookup = (assessorId: string, enterpriseId: string) => boolean;
const noAssignments: AssignmentLookup = () => false;

// ---- public

/** The model, scoring, reference data, sub-platforms, report verification: no login needed. */
export const canReadPublicData = (_actor: Actor | null): boolean => true;

/** 注册, 登录, 忘记密码: anyone (a logged-in user may register another enterprise). */
export const canUseAccountEntry = (_actor: Actor | null): boolean => true;

/** Health and readiness: for load balancers and monitors. */
export const canCheckHealth = (_actor: Actor | null): boolean => true;

// ---- one's own account

/** 修改密码 — also right after logging in with a one-time password. */
export const canChangeOwnPassword = (actor: Actor | null): boolean => !!actor;

// ---- enterprises

export function canViewEnterprise(actor: Actor | null, e: EnterpriseScope, assigned: AssignmentLookup = noAssignments): boolean {
  if (!actor) return false;
  switch (actor.role) {
    case 'platform_admin':
      return true;
    case 'region_admin':
      return actor.regionCode !== null && (regionContains(actor.regionCode, e.regionCode) || e.subPlatformCode === actor.regionCode);
    case 'enterprise_user':
      return actor.enterpriseId === e.id;
    case 'assessor':
    case 'lead_assessor':
      return assigned(actor.id, e.id);
    case 'agency_admin':
    case 'reviewer':
      return false;
  }
}

/** Contact details and answers: the enterprise itself, or a platform admin. */
export const canEditEnterprise = (actor: Actor | null, e: EnterpriseScope): boolean =>
  !!actor && (actor.role === 'platform_admin' || (actor.role === 'enterprise_user' && actor.enterpriseId === e.id));

export const canListEnterprises = (actor: Actor | null): boolean => actor?.role === 'platform_admin' || actor?.role === 'region_admin';

/** The part of the platform an admin oversees: everything, or one sub-platform's region. */
export type Oversight = { all: true } | { all: false; regionCode: string };

export function oversightOf(actor: Actor): Oversight {
  return actor.role === 'region_admin' ? { all: false, regionCode: actor.regionCode ?? '__' } : { all: true };
}

// ---- self-diagnoses

/** 新建自诊断 and its own list: users of an enterprise. */
export const canRunSelfDiagnosis = (actor: Actor | null): boolean => actor?.role === 'enterprise_user' && !!actor.enterpriseId;

/** Reading one: whoever may see its enterprise. */
export const canReadSelfDiagnosis = (actor: Actor | null, enterprise: EnterpriseScope): boolean =>
  !!actor && (actor.enterpriseId === enterprise.id || canViewEnterprise(actor, enterprise));

/** Answering, 保存, 提交: only its own enterprise's users. */
export const canAnswerSelfDiagnosis = (actor: Actor | null, diagnosis: { enterpriseId: string }): boolean =>
  actor?.role === 'enterprise_user' && actor.enterpriseId === diagnosis.enterpriseId;

// ---- assessment bodies, assessors, training, certificates (标准符合性评估)

/** What the rules about one assessor need: the body or enterprise it belongs to, and its login. */
export interface AssessorScope {
  bodyId: string | null;
  enterpriseId: string | null;
  accountId: string | null;
}

/** 评估机构: registered by the platform admin. */
export const canRegisterAssessmentBody = (actor: Actor | null): boolean => actor?.role === 'platform_admin';

/** A body's details: the platform admin, or that body's agency admin. */
export const canUpdateAssessmentBody = (actor: Actor | null, bodyId: string): boolean =>
  actor?.role === 'platform_admin' || (actor?.role === 'agency_admin' && !!actor.bodyId && actor.bodyId === bodyId);

/** Lists of assessors: admins, a body's people, and enterprises (their internal assessors). */
export const canListAssessors = (actor: Actor | null): boolean =>
  !!actor && ['platform_admin', 'agency_admin', 'assessor', 'lead_assessor', 'enterprise_user'].includes(actor.role);

/** Registering people and their certificates: the platform admin; a body's admin for its people; an enterprise for its internal assessors. */
export function canManageAssessor(actor: Actor | null, a: Pick<AssessorScope, 'bodyId' | 'enterpriseId'>): boolean {
  if (!actor) return false;
  if (actor.role === 'platform_admin') return true;
  if (actor.role === 'agency_admin') return !!actor.bodyId && a.bodyId === actor.bodyId;
  if (actor.role === 'enterprise_user') return !!actor.enterpriseId && a.enterpriseId === actor.enterpriseId;
  return false;
}

/** One person's record: whoever may manage it, the person themself, and assessors (to form teams). */
export const canReadAssessor = (actor: Actor | null, a: AssessorScope): boolean =>
  canManageAssessor(actor, a) || (!!actor && a.accountId === actor.id) || ((actor?.role === 'assessor' || actor?.role === 'lead_assessor') && a.enterpriseId === null);

/** Whether one's listing in 信息查询 is public: the person, or whoever manages the record. */
export const canEditAssessorListing = (actor: Actor | null, a: AssessorScope): boolean => canManageAssessor(actor, a) || (!!actor && a.accountId === actor.id);

/** "必须是经培训合格，在平台正式注册的CMMM评估师" (seed 002): the platform admin registers each qualification. */
export const canDecideQualification = (actor: Actor | null): boolean => actor?.role === 'platform_admin';

/** 标准培训: courses, participants and results are kept by the platform admin. */
export const canManageTraining = (actor: Actor | null): boolean => actor?.role === 'platform_admin';
export const canReadTraining = (actor: Actor | null): boolean => actor?.role === 'platform_admin' || actor?.role === 'agency_admin';

/** Certificates earned before the platform: recorded by the platform admin. */
export const canRecordCertificate = (actor: Actor | null): boolean => actor?.role === 'platform_admin';

// ---- formal assessments

/** What the rules about one formal assessment need. */
export interface FormalAssessmentScope {
  enterprise: EnterpriseScope;
  bodyId: string;
  /** The login of the lead assessor (评估组长), once there is one. */
  leadAccountId: string | null;
  /** Team members still on the team, with their login and declaration. */
  members: { accountId: string | null; coi: 'pending' | 'none' | 'conflict' }[];
}

/** 评估申请: users of an enterprise. */
export const canApplyForAssessment = (actor: Actor | null): boolean => actor?.role === 'enterprise_user' && !!actor.enterpriseId;

/** The list is scoped by role (see listFormalAssessments); every logged-in role has one. */
export const canListFormalAssessments = (actor: Actor | null): boolean => !!actor;

const onTeam = (actor: Actor, f: FormalAssessmentScope): boolean => f.leadAccountId === actor.id || f.members.some((m) => m.accountId === actor.id);

/** One formal assessment: its enterprise, the body applied to, the lead and the team, its region's admin, the scheme's reviewers, the platform admin. */
export function canReadFormalAssessment(actor: Actor | null, f: FormalAssessmentScope): boolean {
  if (!actor) return false;
  switch (actor.role) {
    case 'platform_admin':
    case 'reviewer': // the scheme's compliance review reads every assessment and its evidence
      return true;
    case 'region_admin':
      return canViewEnterprise(actor, f.enterprise);
    case 'enterprise_user':
      return actor.enterpriseId === f.enterprise.id;
    case 'agency_admin':
      return !!actor.bodyId && actor.bodyId === f.bodyId;
    case 'assessor':
    case 'lead_assessor':
      return onTeam(actor, f);
  }
}

/** The enterprise's data (its self-diagnosis and answers): as above, but a team member only after declaring no conflict. */
export function canSeeAssessedEnterpriseData(actor: Actor | null, f: FormalAssessmentScope): boolean {
  if (!canReadFormalAssessment(actor, f)) return false;
  if (actor!.role !== 'assessor' && actor!.role !== 'lead_assessor') return true;
  return f.members.some((m) => m.accountId === actor!.id && m.coi === 'none');
}

/** 撤回, 确认评估计划, the internal assessor's declaration: the enterprise's own users. */
export const canActForAssessedEnterprise = (actor: Actor | null, f: FormalAssessmentScope): boolean =>
  actor?.role === 'enterprise_user' && actor.enterpriseId === f.enterprise.id;

/** Choosing the lead assessor for an application: the body's admin, or the platform admin. */
export const canAssignLeadAssessor = (actor: Actor | null, f: FormalAssessmentScope): boolean =>
  actor?.role === 'platform_admin' || (actor?.role === 'agency_admin' && !!actor.bodyId && actor.bodyId === f.bodyId);

/** 受理, the team, weights, plans, the pre-assessment: the lead assessor (评估组长) only (seed 003 §8.2.2 b). */
export const canLeadFormalAssessment = (actor: Actor | null, f: FormalAssessmentScope): boolean => !!actor && !!f.leadAccountId && f.leadAccountId === actor.id;

/** 评分 and 取证: every team member with a login who declared no conflict (the internal assessor too: it is on the team, seed 002). */
export const canRateFormalAssessment = (actor: Actor | null, f: FormalAssessmentScope): boolean => !!actor && f.members.some((m) => m.accountId === actor.id && m.coi === 'none');
export const canCollectEvidence = canRateFormalAssessment;

/** Deleting an evidence file: a team member who may collect evidence and uploaded it, or the lead. */
export const canDeleteEvidenceFile = (actor: Actor | null, f: FormalAssessmentScope, file: { uploadedBy: string | null }): boolean =>
  canLeadFormalAssessment(actor, f) || (canCollectEvidence(actor, f) && !!file.uploadedBy && file.uploadedBy === actor!.id);

/** Each assessor's own ratings: the raters (once they submitted theirs, see services), the body's admin, the platform admin. */
export const canSeeIndividualRatings = (actor: Actor | null, f: FormalAssessmentScope): boolean =>
  actor?.role === 'platform_admin' || (actor?.role === 'agency_admin' && !!actor.bodyId && actor.bodyId === f.bodyId) || canRateFormalAssessment(actor, f);

/** 合规性审查, objections and issuing the certificate: the scheme's reviewers. */
export const canReviewFormalAssessment = (actor: Actor | null): boolean => actor?.role === 'reviewer';

/** The certificates' list and their status after issue (暂停, 恢复, 撤销): the scheme's reviewers and the platform admin. */
export const canManageCertificates = (actor: Actor | null): boolean => actor?.role === 'reviewer' || actor?.role === 'platform_admin';

/** A member's own conflict-of-interest declaration. */
export const canDeclareOwnConflict = (actor: Actor | null, member: { accountId: string | null }): boolean => !!actor && !!member.accountId && member.accountId === actor.id;

// ---- administration

export const canManageAccounts = (actor: Actor | null): boolean => actor?.role === 'platform_admin';

export const canUpdateSubPlatform = (actor: Actor | null, code: string): boolean =>
  actor?.role === 'platform_admin' || (actor?.role === 'region_admin' && actor.regionCode === code);

/** The development SMS outbox holds reset codes: platform admins only. */
export const canReadSmsOutbox = (actor: Actor | null): boolean => actor?.role === 'platform_admin';

/**
 * 数据看板 of a region (null: the nation): the platform admin any, a region admin its sub-platform's region
 * and the regions inside it, never the nation or a neighbour.
 */
export const canReadDashboard = (actor: Actor | null, regionCode: string | null): boolean =>
  actor?.role === 'platform_admin' ||
  (actor?.role === 'region_admin' && actor.regionCode !== null && regionCode !== null && regionContains(actor.regionCode, regionCode));

/**
 * 指数报告 (issue 11 §3) of a region (null: the nation), 区域 or 行业 alike, and reading the job once made: the
 * platform admin any scope; a region admin its own region and the regions inside it, never the nation
 * (a 行业 report of a region admin covers its region). The dashboard's rule: the same figures.
 */
export const canGenerateIndexReport = (actor: Actor | null, regionCode: string | null): boolean => canReadDashboard(actor, regionCode);

/** The audit trail: the platform admin all of it, a region admin its region's enterprises (oversightOf). */
export const canReadAuditTrail = (actor: Actor | null): boolean => actor?.role === 'platform_admin' || actor?.role === 'region_admin';

// ---- 推进活动 (campaigns)

/** The campaigns' pages: the platform admin and the sub-platforms' admins. */
export const canManageCampaigns = (actor: Actor | null): boolean => actor?.role === 'platform_admin' || actor?.role === 'region_admin';

/**
 * One campaign of a region, null the nation (setting it, its progress, its follow-up list with the names of
 * the region's enterprises): the platform admin any region and the nation, a region admin its sub-platform's
 * region and those inside it, never the nation.
 */
export const canManageCampaignIn = (actor: Actor | null, regionCode: string | null): boolean =>
  actor?.role === 'platform_admin' || (actor?.role === 'region_admin' && actor.regionCode !== null && regionCode !== null && regionContains(actor.regionCode, regionCode));

// ---- enforcement

/**
 * For use-cases that need a login. Throws NOT_AUTHENTICATED without an actor,
 * PASSWORD_CHANGE_REQUIRED before a one-time password is changed (unless the rule is about exactly
 * that), and `denied` (FORBIDDEN by default) when the rule says no.
 */
export function authorize<A extends Actor | null>(
  actor: A,
  allowed: boolean,
  denied: ErrorCode = 'FORBIDDEN',
  options: { duringOneTimePassword?: boolean } = {},
): asserts actor is NonNullable<A> {
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  if (actor.mustChangePassword && !options.duringOneTimePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  if (!allowed) throw new AppError(denied);
}

/** For use-cases open to anonymous visitors: refuses only when the rule says no. */
export function permit(_actor: Actor | null, allowed: boolean): void {
  if (!allowed) throw new AppError('FORBIDDEN');
}
