// 忘记密码: a 6-digit code sent by SMS to the registered mobile, then a new password. Asked by
// mobile, the answer is the same whether or not the number is registered (no probing for users).
import { normalizeCreditCode } from '@cmmm/reference';
import type { ServiceContext } from '../../context.ts';
import { evictAccountSessions } from '../../caches.ts';
import { AppError } from '../../errors.ts';
import { canUseAccountEntry, permit, type Actor } from '../../policy.ts';
import { hashPassword } from '../../security/passwords.ts';
import { digest, newId, newSmsCode } from '../../security/tokens.ts';
import { maskMobile, SmsSendError } from '../../sms.ts';
import { recordAudit } from '../audit.ts';

export const CODE_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;
/** Codes per number: one a minute, five an hour, ten a day (within the providers' own default limits). */
export const MAX_CODES_PER_HOUR = 5;
export const MAX_CODES_PER_DAY = 10;
export const RESEND_AFTER_SECONDS = 60;
/** Code requests per client address and hour, over any numbers. */
export const MAX_CODES_PER_ADDRESS_HOUR = 10;
/** After the provider failed, every request answers SMS_UNAVAILABLE this long, registered number or not. */
export const SMS_OUTAGE_MS = 5 * 60_000;
const OUTAGE_KEY = 'sms:provider-failing';

/**
 * Sends a code to the mobile of the account(s) found by mobile or credit code. `source` is the client's
 * address (request.ip). Asked by mobile, every answer (sent, limited, provider down) is the one an
 * unregistered number would get too: limits count before the number is looked up, and a provider
 * failure makes every number answer SMS_UNAVAILABLE for SMS_OUTAGE_MS.
 */
export async function requestPasswordReset(
  ctx: ServiceContext,
  actor: Actor | null,
  by: { mobile?: string; creditCode?: string },
  source?: string,
): Promise<{ sentTo: string; mobile?: string }> {
  permit(actor, canUseAccountEntry(actor));
  let mobile = by.mobile;
  if (by.creditCode) {
    const enterprises = await ctx.repos.enterprises.findEnterprisesByCreditCode(normalizeCreditCode(by.creditCode));
    const accounts = (await Promise.all(enterprises.map((e) => ctx.repos.accounts.findAccountsOfEnterprise(e.id)))).flat();
    mobile = accounts.find((a) => a.mobile)?.mobile ?? undefined;
    if (!mobile) throw new AppError('MOBILE_NOT_REGISTERED', '没有以该统一社会信用代码注册的账户');
  }
  if (!mobile) throw new AppError('VALIDATION', '请填写手机号码或统一社会信用代码');
  const answer = by.mobile ? { sentTo: maskMobile(mobile), mobile } : { sentTo: maskMobile(mobile) };
  const now = ctx.now();
  await countCodeRequest(ctx, mobile, source, now);
  if (await ctx.repos.rateLimits.peekCounter(OUTAGE_KEY, now)) throw new AppError('SMS_UNAVAILABLE');
  if (by.mobile && !(await ctx.repos.accounts.findAccountsByMobile(mobile)).length) {
    ctx.log.info({ mobile: maskMobile(mobile) }, 'password reset asked for an unregistered mobile: nothing sent');
    return answer;
  }
  const code = newSmsCode();
  // The code is stored first and sent after the commit (no provider call holds a transaction open); an
  // unsent code is never typed in, and expires.
  await ctx.repos.sms.insertSmsCode({ id: newId(), mobile, codeHash: digest(code), expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000) });
  try {
    await ctx.sms.send(ctx, mobile, { template: 'passwordReset', params: { code, minutes: String(CODE_MINUTES) } });
  } catch (err) {
    if (!(err instanceof SmsSendError)) throw err;
    if (err.failure === 'throttled') throw new AppError('RATE_LIMITED', `验证码发送过于频繁，请 ${RESEND_AFTER_SECONDS} 秒后再试`);
    await ctx.repos.rateLimits.hitCounter(OUTAGE_KEY, SMS_OUTAGE_MS, now);
    throw new AppError('SMS_UNAVAILABLE');
  }
  // The full number only goes back to whoever typed it; a credit code gets the masked one.
  return answer;
}

/** Counts the request against every limit, whether or not the number is registered, so a refusal says nothing. */
async function countCodeRequest(ctx: ServiceContext, mobile: string, source: string | undefined, now: Date): Promise<void> {
  const { rateLimits } = ctx.repos;
  if (source && (await rateLimits.hitCounter(`sms-address:${source}`, 3_600_000, now)).hits > MAX_CODES_PER_ADDRESS_HOUR) {
    throw new AppError('RATE_LIMITED', '验证码请求过于频繁，请一小时后再试');
  }
  if ((await rateLimits.hitCounter(`sms-gap:${mobile}`, RESEND_AFTER_SECONDS * 1000, now)).hits > 1) {
    throw new AppError('RATE_LIMITED', `验证码发送过于频繁，请 ${RESEND_AFTER_SECONDS} 秒后再试`);
  }
  if ((await rateLimits.hitCounter(`sms:${mobile}`, 3_600_000, now)).hits > MAX_CODES_PER_HOUR) {
    throw new AppError('RATE_LIMITED', '验证码发送过于频繁，请一小时后再试');
  }
  if ((await rateLimits.hitCounter(`sms-day:${mobile}`, 86_400_000, now)).hits > MAX_CODES_PER_DAY) {
    throw new AppError('RATE_LIMITED', '该号码今天的验证码已达上限，请明天再试');
  }
}

export async function confirmPasswordReset(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { mobile: string; code: string; newPassword: string; username?: string },
): Promise<{ accountId: string }> {
  permit(actor, canUseAccountEntry(actor));
  const now = ctx.now();
  const live = await ctx.repos.sms.findLiveSmsCode(input.mobile, now);
  if (!live || live.attempts >= MAX_CODE_ATTEMPTS) throw new AppError('RESET_CODE_INVALID');
  if (live.code_hash !== digest(input.code)) {
    await ctx.repos.sms.recordSmsAttempt(live.id);
    throw new AppError('RESET_CODE_INVALID');
  }
  const accounts = await ctx.repos.accounts.findAccountsByMobile(input.mobile);
  const targets = input.username ? accounts.filter((a) => a.username === input.username) : accounts;
  if (targets.length !== 1) {
    throw new AppError('VALIDATION', accounts.length > 1 ? '该手机号对应多个账户，请同时填写要重置的用户名' : '找不到该账户', [
      { code: 'VALIDATION', path: 'username', message: '请填写要重置的用户名' },
    ]);
  }
  const account = targets[0]!;
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.transaction(async (tx) => {
    await tx.repos.sms.markSmsCodeUsed(live.id, now);
    await tx.repos.accounts.setPassword(account.id, passwordHash, false);
    await tx.repos.sessions.deleteSessionsOfAccount(account.id); // a reset ends every open session
    await tx.repos.rateLimits.clearCountersWithPrefix(`login:${account.id}`); // and the lock-out it may have been for
    await tx.repos.knownDevices.deleteKnownDevicesOfAccount(account.id); // whoever reset it may not be whoever logged in before
    await recordAudit(tx, null, 'account.password_reset', { type: 'account', id: account.id }, { by: 'sms' });
  });
  evictAccountSessions(ctx.caches, account.id);
  return { accountId: account.id };
}
