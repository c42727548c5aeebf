// Platform admin: staff accounts (assessors, admins), roles, regions, locks.
import type { Role } from '@cmmm/contract';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { countPlatformAdmins, findAccountById, findAccountByUsername, insertAccount, setPassword, updateAccountFields } from '../repositories/accounts.ts';
import { deleteSessionsOfAccount } from '../repositories/sessions.ts';
import { findSubPlatform } from '../repositories/sub-platforms.ts';
import { hashPassword } from '../security/passwords.ts';
import { newId, newOneTimePassword } from '../security/tokens.ts';

async function checkRegion(ctx: ServiceContext, role: Role, regionCode: string | null | undefined) {
  if (role !== 'region_admin') return;
  if (!regionCode || !(await findSubPlatform(ctx.db, regionCode))) {
    throw new AppError('UNKNOWN_SUB_PLATFORM', '地方分平台管理员须指定所管理的地方分平台');
  }
}

export async function createStaffAccount(
  ctx: ServiceContext,
  input: { username: string; displayName: string; mobile?: string; role: Role; regionCode?: string },
): Promise<{ accountId: string; oneTimePassword: string }> {
  await checkRegion(ctx, input.role, input.regionCode);
  if (await findAccountByUsername(ctx.db, input.username)) throw new AppError('USERNAME_TAKEN');
  const oneTimePassword = newOneTimePassword();
  const accountId = newId();
  await insertAccount(ctx.db, {
    id: accountId,
    username: input.username,
    passwordHash: await hashPassword(oneTimePassword),
    displayName: input.displayName,
    mobile: input.mobile ?? null,
    role: input.role,
    regionCode: input.role === 'region_admin' ? input.regionCode! : null,
    mustChangePassword: true,
  });
  return { accountId, oneTimePassword };
}

export async function updateAccount(
  ctx: ServiceContext,
  accountId: string,
  patch: { role?: Role; regionCode?: string | null; locked?: boolean },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const account = await findAccountById(trx, accountId);
    if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
    const role = patch.role ?? account.role;
    if (role === 'enterprise_user' && !account.enterprise_id) throw new AppError('VALIDATION', '企业用户须属于一个企业');
    if (patch.role && patch.role !== 'enterprise_user' && account.enterprise_id) throw new AppError('VALIDATION', '企业账户不能改为平台角色');
    await checkRegion(tctx, role, patch.regionCode === undefined ? account.region_code : patch.regionCode);
    const demoting = account.role === 'platform_admin' && (role !== 'platform_admin' || patch.locked === true);
    if (demoting && (await countPlatformAdmins(trx)) <= 1) throw new AppError('LAST_PLATFORM_ADMIN');
    const lockedUntil = patch.locked === undefined ? undefined : patch.locked ? new Date('9999-12-31T00:00:00Z') : null;
    await updateAccountFields(trx, accountId, {
      ...(patch.role ? { role } : {}),
      ...(role === 'region_admin' ? { regionCode: patch.regionCode ?? account.region_code } : { regionCode: null }),
      ...(lockedUntil !== undefined ? { lockedUntil } : {}),
    });
    if (patch.role || patch.locked) await deleteSessionsOfAccount(trx, accountId); // rights changed: log in again
  });
}

/** A new one-time password for an account (admin help desk, e.g. a lost mobile: seed 001 §3.1). */
export async function issueOneTimePassword(ctx: ServiceContext, accountId: string): Promise<{ oneTimePassword: string }> {
  if (!(await findAccountById(ctx.db, accountId))) throw new AppError('ACCOUNT_NOT_FOUND');
  const oneTimePassword = newOneTimePassword();
  await setPassword(ctx.db, accountId, await hashPassword(oneTimePassword), true);
  await deleteSessionsOfAccount(ctx.db, accountId);
  return { oneTimePassword };
}
