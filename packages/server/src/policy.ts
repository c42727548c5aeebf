// Who may see and do what: every authorization rule of the platform, in one place.
// An enterprise's data is visible to its own users, the assessors assigned to it, and the admins
// of its region and above (seed 002's sub-platforms; issue 3 §4).
import type { Role } from '@cmmm/contract';
import { AppError } from './errors.ts';

export interface Actor {
  id: string;
  role: Role;
  enterpriseId: string | null;
  /** For region_admin: the sub-platform (GB/T 2260 code) it administers. */
  regionCode: string | null;
  /** Logged in with a one-time password: may only change it. */
  mustChangePassword?: boolean;
}

export interface EnterpriseScope {
  id: string;
  regionCode: string;
  subPlatformCode: string | null;
}

/** The significant digits of a GB/T 2260 code: 110000 → 11, 320200 → 3202, 320214 → 320214. */
export const regionPrefix = (code: string): string => code.replace(/(00)+$/, '');

/** Whether a county-level code lies inside the region of a (province, city or county) code. */
export const regionContains = (region: string, county: string): boolean => county.startsWith(regionPrefix(region));

/** Assessors see enterprises they are assigned to; assignments arrive with formal assessment. */
export type AssignmentLookup = (assessorId: string, enterpriseId: string) => boolean;
const noAssignments: AssignmentLookup = () => false;

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

export const canManageAccounts = (actor: Actor | null): boolean => actor?.role === 'platform_admin';

export const canListEnterprises = (actor: Actor | null): boolean => actor?.role === 'platform_admin' || actor?.role === 'region_admin';

export const canUpdateSubPlatform = (actor: Actor | null, code: string): boolean =>
  actor?.role === 'platform_admin' || (actor?.role === 'region_admin' && actor.regionCode === code);

/** The development SMS outbox holds reset codes: platform admins only. */
export const canReadSmsOutbox = (actor: Actor | null): boolean => actor?.role === 'platform_admin';

/** Throws NOT_AUTHENTICATED without an actor, PASSWORD_CHANGE_REQUIRED before a one-time
 *  password is changed, FORBIDDEN when the rule says no. */
export function authorize<A extends Actor | null>(actor: A, allowed: boolean): asserts actor is NonNullable<A> {
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  if (actor.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  if (!allowed) throw new AppError('FORBIDDEN');
}

export function requireActor<A extends Actor | null>(actor: A): asserts actor is NonNullable<A> {
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
}
