// Opening a login session: the cookie token (only its digest is stored) and its CSRF token.
import type { ServiceContext } from '../../context.ts';
import { digest, newToken } from '../../security/tokens.ts';

export const SESSION_DAYS = 7;

export interface OpenedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function openSession(ctx: ServiceContext, accountId: string): Promise<OpenedSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(ctx.now().getTime() + SESSION_DAYS * 86_400_000);
  await ctx.repos.sessions.insertSession({ tokenHash: digest(token), accountId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}
