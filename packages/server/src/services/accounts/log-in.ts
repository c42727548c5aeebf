// 登录 and 退出. Failed logins are counted in the database (shared by every server) before the
// password is checked, so concurrent guesses cannot all get through. A lock-out is per account and
// source address: a stranger guessing from elsewhere cannot lock the owner out; the account as a
// whole only slows down (one check per few seconds), and a browser that logged in to the account
// before (its device cookie) is spared that slow-down. `cmmm admin unlock` clears it all.
import type { SessionView } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { evictAccountSessions } from '../../caches.ts';
import { AppError } from '../../errors.ts';
import { canUseAccountEntry, permit, type Actor } from '../../policy.ts';
import { dummyHash, verifyPassword } from '../../security/passwords.ts';
import { digest, newToken } from '../../security/tokens.ts';
import { sessionViewOf } from './read-session.ts';
import { openSession, type OpenedSession } from './sessions.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** Failures of the account from all sources after which it slows down for unknown browsers. */
export const SLOW_DOWN_AFTER = 20;
export const SLOW_DOWN_SECONDS = 5;

/** Counter keys: `cmmm admin unlock` clears every key under `login:<accountId>`. */
export const loginKeys = (accountId: string, source: string) => ({
  account: `login:${accountId}`,
  source: `login:${accountId}:${source}`,
  slowDown: `login:${accountId}#slow`,
});

export interface LogInInput {
  username: string;
  password: string;
  /** The client's address (behind a proxy: as the proxy reports it). */
  source: string;
  /** The device cookie this browser holds, if any. */
  deviceToken?: string;
}

export interface LogInOutcome {
  accountId: string;
  session: OpenedSession;
  view: SessionView;
  /** A new device cookie, when the browser had none valid for this account. */
  deviceToken?: string;
}

export async function logIn(ctx: ServiceContext, actor: Actor | null, input: LogInInput): Promise<LogInOutcome> {
  permit(actor, canUseAccountEntry(actor));
  const account = await ctx.repos.accounts.findAccountByUsername(input.username);
  if (!account) {
    await verifyPassword(await dummyHash(), input.password); // same work as for a real account
    throw new AppError('BAD_CREDENTIALS');
  }
  const now = ctx.now();
  if (account.locked_until && account.locked_until > now) throw new AppError('ACCOUNT_DISABLED'); // locked by an admin
  const keys = loginKeys(account.id, input.source);
  const window = LOCK_MINUTES * 60_000;
  const knownDevice = !!input.deviceToken && !!(await ctx.repos.knownDevices.findKnownDevice(digest(input.deviceToken), account.id));

  const attempt = await ctx.repos.rateLimits.hitCounter(keys.source, window, now);
  if (attempt.hits > MAX_FAILED_LOGINS) throw new AppError('ACCOUNT_LOCKED');
  if (!knownDevice) {
    const failures = await ctx.repos.rateLimits.peekCounter(keys.account, now);
    if (failures && failures.hits >= SLOW_DOWN_AFTER) {
      const slot = await ctx.repos.rateLimits.hitCounter(keys.slowDown, SLOW_DOWN_SECONDS * 1000, now);
      if (slot.hits > 1) throw new AppError('LOGIN_SLOWED');
    }
  }

  if (!(await verifyPassword(account.password_hash, input.password))) {
    await ctx.repos.rateLimits.hitCounter(keys.account, window, now);
    ctx.log.warn({ accountId: account.id, failures: attempt.hits, locked: attempt.hits >= MAX_FAILED_LOGINS }, 'failed login');
    throw new AppError(attempt.hits >= MAX_FAILED_LOGINS ? 'ACCOUNT_LOCKED' : 'BAD_CREDENTIALS');
  }

  await ctx.repos.rateLimits.clearCounter(keys.source);
  const session = await openSession(ctx, account.id);
  const opened = { accountId: account.id, session, view: await sessionViewOf(ctx, account.id, session.csrfToken) };
  if (knownDevice) {
    await ctx.repos.knownDevices.touchKnownDevice(digest(input.deviceToken!), now);
    return opened;
  }
  const deviceToken = newToken();
  await ctx.repos.knownDevices.insertKnownDevice({ tokenHash: digest(deviceToken), accountId: account.id, at: now });
  return { ...opened, deviceToken };
}

/** 退出: ends this session (the token the browser holds). */
export async function logOut(ctx: ServiceContext, actor: Actor | null, input: { token: string | undefined }): Promise<void> {
  permit(actor, canUseAccountEntry(actor));
  if (!input.token) return;
  await ctx.repos.sessions.deleteSession(digest(input.token));
  if (actor) evictAccountSessions(ctx.caches, actor.id);
}
