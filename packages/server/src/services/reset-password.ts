// 忘记密码: a 6-digit code sent by SMS to the registered mobile, then a new password.
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { findAccountsByMobile, findAccountsOfEnterprise, setPassword } from '../repositories/accounts.ts';
import { findEnterprisesByCreditCode } from '../repositories/enterprises.ts';
import { deleteSessionsOfAccount } from '../repositories/sessions.ts';
import { countSmsCodesSince, findLiveSmsCode, insertSmsCode, markSmsCodeUsed, recordSmsAttempt } from '../repositories/sms.ts';
import { hashPassword } from '../security/passwords.ts';
import { digest, newId, newSmsCode } from '../security/tokens.ts';
import { maskMobile } from '../sms.ts';
import { normalizeCreditCode } from '@cmmm/reference';

export const CODE_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;
export const MAX_CODES_PER_HOUR = 5;

/** Sends a code to the mobile of the account(s) found by mobile or credit code. */
export async function requestPasswordReset(ctx: ServiceContext, by: { mobile?: string; creditCode?: string }): Promise<{ sentTo: string; mobile?: string }> {
  let mobile = by.mobile;
  if (by.creditCode) {
    const enterprises = await findEnterprisesByCreditCode(ctx.db, normalizeCreditCode(by.creditCode));
    const accounts = (await Promise.all(enterprises.map((e) => findAccountsOfEnterprise(ctx.db, e.id)))).flat();
    mobile = accounts.find((a) => a.mobile)?.mobile ?? undefined;
    if (!mobile) throw new AppError('MOBILE_NOT_REGISTERED', '没有以该统一社会信用代码注册的账户');
  } else if (!mobile || !(await findAccountsByMobile(ctx.db, mobile)).length) {
    throw new AppError('MOBILE_NOT_REGISTERED');
  }
  const now = ctx.now();
  if ((await countSmsCodesSince(ctx.db, mobile, new Date(now.getTime() - 3_600_000))) >= MAX_CODES_PER_HOUR) {
    throw new AppError('RATE_LIMITED', '验证码发送过于频繁，请一小时后再试');
  }
  const code = newSmsCode();
  await ctx.db.transaction().execute(async (trx) => {
    await insertSmsCode(trx, { id: newId(), mobile: mobile!, codeHash: digest(code), expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000) });
    await ctx.sms.send(trx, mobile!, `【智能制造能力成熟度评估平台】您的密码重置验证码为 ${code}，${CODE_MINUTES} 分钟内有效。如非本人操作，请忽略本短信。`);
  });
  // The full number only goes back to whoever typed it; a credit code gets the masked one.
  return by.mobile ? { sentTo: maskMobile(mobile), mobile } : { sentTo: maskMobile(mobile) };
}

export async function confirmPasswordReset(
  ctx: ServiceContext,
  input: { mobile: string; code: string; newPassword: string; username?: string },
): Promise<{ accountId: string }> {
  const now = ctx.now();
  const live = await findLiveSmsCode(ctx.db, input.mobile, now);
  if (!live || live.attempts >= MAX_CODE_ATTEMPTS) throw new AppError('RESET_CODE_INVALID');
  if (live.code_hash !== digest(input.code)) {
    await recordSmsAttempt(ctx.db, live.id);
    throw new AppError('RESET_CODE_INVALID');
  }
  const accounts = await findAccountsByMobile(ctx.db, input.mobile);
  const targets = input.username ? accounts.filter((a) => a.username === input.username) : accounts;
  if (targets.length !== 1) {
    throw new AppError('VALIDATION', accounts.length > 1 ? '该手机号对应多个账户，请同时填写要重置的用户名' : '找不到该账户', [
      { code: 'VALIDATION', path: 'username', message: '请填写要重置的用户名' },
    ]);
  }
  const account = targets[0]!;
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await markSmsCodeUsed(trx, live.id, now);
    await setPassword(trx, account.id, passwordHash, false);
    await deleteSessionsOfAccount(trx, account.id); // a reset ends every open session
  });
  return { accountId: account.id };
}
