// 修改密码 (also required after a one-time password): every other session of the account ends.
import type { ServiceContext } from '../../context.ts';
import { evictAccountSessions } from '../../caches.ts';
import { AppError } from '../../errors.ts';
import { authorize, canChangeOwnPassword, type Actor } from '../../policy.ts';
import { hashPassword, verifyPassword } from '../../security/passwords.ts';
import { recordAudit } from '../audit.ts';

export async function changePassword(ctx: ServiceContext, actor: Actor | null, input: { currentPassword: string; newPassword: string }): Promise<void> {
  authorize(actor, canChangeOwnPassword(actor), 'FORBIDDEN', { duringOneTimePassword: true });
  const account = await ctx.repos.accounts.findAccountById(actor.id);
  if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
  if (!(await verifyPassword(account.password_hash, input.currentPassword))) {
    throw new AppError('WRONG_PASSWORD', undefined, [{ code: 'WRONG_PASSWORD', path: 'currentPassword', message: '当前密码不正确' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.transaction(async (tx) => {
    await tx.repos.accounts.setPassword(actor.id, passwordHash, false);
    if (actor.sessionId) await tx.repos.sessions.deleteOtherSessionsOfAccount(actor.id, actor.sessionId);
    else await tx.repos.sessions.deleteSessionsOfAccount(actor.id);
    await recordAudit(tx, actor, 'account.password_changed', { type: 'account', id: actor.id }, { oneTimePasswordReplaced: account.must_change_password });
  });
  evictAccountSessions(ctx.caches, actor.id);
}
