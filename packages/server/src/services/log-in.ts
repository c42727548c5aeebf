// 登录 with lock-out after repeated failures; 退出.
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { clearFailedLogins, findAccountByUsername, recordFailedLogin } from '../repositories/accounts.ts';
import { deleteSession, insertSession } from '../repositories/sessions.ts';
import { dummyHash, verifyPassword } from '../security/passwords.ts';
import { digest, newToken } from '../security/tokens.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const SESSION_DAYS = 7;

export async function logIn(ctx: ServiceContext, username: string, password: string): Promise<{ accountId: string }> {
  const account = await findAccountByUsername(ctx.db, username);
  if (!account) {
    await verifyPassword(await dummyHash(), password); // same work as for a real account
    throw new AppError('BAD_CREDENTIALS');
  }
  const now = ctx.now();
  if (account.locked_until && account.locked_until > now) throw new AppError('ACCOUNT_LOCKED');
  if (!(await verifyPassword(account.password_hash, password))) {
    const failures = account.failed_logins + 1;
    const lock = failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    await recordFailedLogin(ctx.db, account.id, lock);
    ctx.log.warn({ accountId: account.id, failures, locked: !!lock }, 'failed login');
    throw new AppError(lock ? 'ACCOUNT_LOCKED' : 'BAD_CREDENTIALS');
  }
  if (account.failed_logins || account.locked_until) await clearFailedLogins(ctx.db, account.id);
  return { accountId: account.id };
}

/** A new session: the cookie token (only its digest is stored) and its CSRF token. */
export async function openSession(ctx: ServiceContext, accountId: string): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(ctx.now().getTime() + SESSION_DAYS * 86_400_000);
  await insertSession(ctx.db, { tokenHash: digest(token), accountId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export const closeSession = (ctx: ServiceContext, token: string): Promise<void> => deleteSession(ctx.db, digest(token));
