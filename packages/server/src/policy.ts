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

// ---- administration

export const canManageAccounts = (actor: Actor | null): boolean => actor?.role === 'platform_admin';

export const canUpdateSubPlatform = (actor: Actor | null, code: string): boolean =>
  actor?.role === 'platform_admin' || (actor?.role === 'region_admin' && actor.regionCode === code);

/** The development SMS outbox holds reset codes: platform admins only. */
export const canReadSmsOutbox = (actor: Actor | null): boolean => actor?.role === 'platform_admin';

/** The audit trail: the platform admin all of it, a region admin its region's enterprises (oversightOf). */
export const canReadAuditTrail = (actor: Actor | null): boolean => actor?.role === 'platform_admin' || actor?.role === 'region_admin';

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
