// Platform admin: accounts (list, staff accounts for assessors and admins), roles, regions, locks,
// one-time passwords. Every change ends the account's sessions where its rights changed.
import type { AccountView, Role } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { evictAccountSessions } from '../../caches.ts';
import { AppError } from '../../errors.ts';
import { authorize, canManageAccounts, type Actor } from '../../policy.ts';
import { hashPassword } from '../../security/passwords.ts';
import { newId, newOneTimePassword } from '../../security/tokens.ts';
import { accountView } from '../../views.ts';
import { recordAudit } from '../audit.ts';

/** A manual lock lasts until an admin lifts it. */
const LOCKED_FOR_GOOD = new Date('9999-12-31T00:00:00Z');

/** The account as the platform admin sees it: with the 评估机构 it belongs to. */
const adminAccountView = accountView;

/** Roles that belong to a 评估机构: an agency admin always, an assessor's login when it has one. */
const BODY_ROLES: readonly Role[] = ['agency_admin', 'assessor', 'lead_assessor'];

export async function listAccounts(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { q?: string; role?: Role; page: number; pageSize: number },
): Promise<{ accounts: AccountView[]; total: number }> {
  authorize(actor, canManageAccounts(actor));
  const { rows, total } = await ctx.repos.accounts.listAccounts({ q: input.q, role: input.role, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  return { accounts: rows.map((a) => adminAccountView(a, ctx.now())), total };
}

async function checkRegion(ctx: ServiceContext, role: Role, regionCode: string | null | undefined) {
  if (role !== 'region_admin') return;
  if (!regionCode || !(await ctx.repos.subPlatforms.findSubPlatform(regionCode))) {
    throw new AppError('UNKNOWN_SUB_PLATFORM', '地方分平台管理员须指定所管理的地方分平台');
  }
}

/** The body the account will belong to: required (and existing) for an agency admin, optional for assessors, none otherwise. */
async function bodyFor(ctx: ServiceContext, role: Role, bodyId: string | null | undefined): Promise<string | null> {
  if (!BODY_ROLES.includes(role)) return null;
  if (!bodyId) {
    if (role === 'agency_admin') throw new AppError('BODY_NOT_FOUND', '评估机构管理员须指定所属评估机构', [{ code: 'BODY_NOT_FOUND', path: 'bodyId', message: '请选择所属评估机构' }]);
    return null;
  }
  if (!(await ctx.repos.assessmentBodies.findAssessmentBody(bodyId))) throw new AppError('BODY_NOT_FOUND', undefined, [{ code: 'BODY_NOT_FOUND', path: 'bodyId', message: '找不到该评估机构' }]);
  return bodyId;
}

export async function createStaffAccount(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { username: string; displayName: string; mobile?: string; role: Role; regionCode?: string; bodyId?: string },
): Promise<{ account: AccountView; oneTimePassword: string }> {
  authorize(actor, canManageAccounts(actor));
  await checkRegion(ctx, input.role, input.regionCode);
  const bodyId = await bodyFor(ctx, input.role, input.bodyId);
  if (await ctx.repos.accounts.findAccountByUsername(input.username)) throw new AppError('USERNAME_TAKEN');
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const accountId = newId();
  const regionCode = input.role === 'region_admin' ? input.regionCode! : null;
  const row = await ctx.transaction(async (tx) => {
    await tx.repos.accounts.insertAccount({
      id: accountId,
      username: input.username,
      passwordHash,
      displayName: input.displayName,
      mobile: input.mobile ?? null,
      role: input.role,
      regionCode,
      bodyId,
      mustChangePassword: true,
    });
    await recordAudit(tx, actor, 'account.created', { type: 'account', id: accountId }, { username: input.username, role: input.role, regionCode, bodyId });
    return (await tx.repos.accounts.findAccountById(accountId))!;
  });
  return { account: adminAccountView(row, ctx.now()), oneTimePassword };
}

export async function updateAccount(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { accountId: string; patch: { role?: Role; regionCode?: string | null; bodyId?: string | null; locked?: boolean } },
): Promise<AccountView> {
  authorize(actor, canManageAccounts(actor));
  const { accountId, patch } = input;
  const row = await ctx.transaction(async (tx) => {
    const account = await tx.repos.accounts.findAccountById(accountId);
    if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
    const role = patch.role ?? account.role;
    if (role === 'enterprise_user' && !account.enterprise_id) throw new AppError('VALIDATION', '企业用户须属于一个企业');
    if (patch.role && patch.role !== 'enterprise_user' && account.enterprise_id) throw new AppError('VALIDATION', '企业账户不能改为平台角色');
    await checkRegion(tx, role, patch.regionCode === undefined ? account.region_code : patch.regionCode);
    const demoting = account.role === 'platform_admin' && (role !== 'platform_admin' || patch.locked === true);
    if (demoting && (await tx.repos.accounts.countPlatformAdmins()) <= 1) throw new AppError('LAST_PLATFORM_ADMIN');
    const lockedUntil = patch.locked === undefined ? undefined : patch.locked ? LOCKED_FOR_GOOD : null;
    const regionCode = role === 'region_admin' ? (patch.regionCode ?? account.region_code) : null;
    // Checked when the role or the body changes (a lock or unlock leaves an older account as it is).
    const bodyId = patch.role === undefined && patch.bodyId === undefined ? account.body_id : await bodyFor(tx, role, patch.bodyId === undefined ? account.body_id : patch.bodyId);
    await tx.repos.accounts.updateAccountFields(accountId, {
      ...(patch.role ? { role } : {}),
      regionCode,
      bodyId,
      ...(lockedUntil !== undefined ? { lockedUntil } : {}),
    });
    if (patch.locked === false) await tx.repos.rateLimits.clearCountersWithPrefix(`login:${accountId}`);
    const rightsChanged = role !== account.role || regionCode !== account.region_code || bodyId !== account.body_id || patch.locked === true;
    if (rightsChanged) await tx.repos.sessions.deleteSessionsOfAccount(accountId); // log in again with the new rights
    await recordAudit(tx, actor, 'account.updated', { type: 'account', id: accountId, enterprise: null }, {
      before: { role: account.role, regionCode: account.region_code, bodyId: account.body_id, locked: !!account.locked_until && account.locked_until > tx.now() },
      after: { role, regionCode, bodyId, ...(patch.locked !== undefined ? { locked: patch.locked } : {}) },
    });
    return (await tx.repos.accounts.findAccountById(accountId))!;
  });
  evictAccountSessions(ctx.caches, accountId);
  return adminAccountView(row, ctx.now());
}

/** A new one-time password for an account (admin help desk, e.g. a lost mobile: seed 001 §3.1). */
export async function issueOneTimePassword(ctx: ServiceContext, actor: Actor | null, input: { accountId: string }): Promise<{ oneTimePassword: string }> {
  authorize(actor, canManageAccounts(actor));
  if (!(await ctx.repos.accounts.findAccountById(input.accountId))) throw new AppError('ACCOUNT_NOT_FOUND');
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await ctx.transaction(async (tx) => {
    await tx.repos.accounts.setPassword(input.accountId, passwordHash, true);
    await tx.repos.sessions.deleteSessionsOfAccount(input.accountId);
    await recordAudit(tx, actor, 'account.one_time_password_issued', { type: 'account', id: input.accountId });
  });
  evictAccountSessions(ctx.caches, input.accountId);
  return { oneTimePassword };
}
