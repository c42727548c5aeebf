// 修改密码 (required after a one-time password).
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { findAccountById, setPassword } from '../repositories/accounts.ts';
import { hashPassword, verifyPassword } from '../security/passwords.ts';

export async function changePassword(ctx: ServiceContext, accountId: string, currentPassword: string, newPassword: string): Promise<void> {
  const account = await findAccountById(ctx.db, accountId);
  if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
  if (!(await verifyPassword(account.password_hash, currentPassword))) throw new AppError('WRONG_PASSWORD', undefined, [{ code: 'WRONG_PASSWORD', path: 'currentPassword', message: '当前密码不正确' }]);
  await setPassword(ctx.db, accountId, await hashPassword(newPassword), false);
}
