// Sessions and CSRF. The session cookie is httpOnly and SameSite=Lax; every state-changing API
// request must echo the CSRF token (double-submit: the readable cmmm_csrf cookie, which for a
// logged-in user is also the session's own token) in the x-csrf-token header.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../errors.ts';
import type { Actor } from '../policy.ts';
import { findLiveSession } from '../repositories/sessions.ts';
import type { Db } from '../repositories/db-types.ts';
import { digest, newToken } from '../security/tokens.ts';

export const SESSION_COOKIE = 'cmmm_session';
export const CSRF_COOKIE = 'cmmm_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionCsrf: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Stateless endpoints that use no cookie: nothing to forge. */
const CSRF_EXEMPT = new Set(['/api/score']);

export interface SessionOptions {
  db: Db;
  now: () => Date;
  cookieSecure: boolean;
}

export function sessionPlugin(app: FastifyInstance, options: SessionOptions) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrf', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await findLiveSession(options.db, digest(token), options.now());
      if (session) {
        request.actor = {
          id: session.account_id,
          role: session.role,
          enterpriseId: session.enterprise_id,
          regionCode: session.region_code,
          mustChangePassword: session.must_change_password,
        };
        request.sessionCsrf = session.csrf_token;
      }
    }
    if (SAFE_METHODS.has(request.method) || CSRF_EXEMPT.has(request.routeOptions.url ?? '')) return;
    const sent = request.headers[CSRF_HEADER];
    const cookie = request.cookies[CSRF_COOKIE];
    const expected = request.sessionCsrf ?? cookie;
    if (typeof sent !== 'string' || !expected || sent !== expected || (cookie !== undefined && cookie !== sent)) {
      return sendError(reply, 'CSRF');
    }
  });
}

const cookieBase = (secure: boolean) => ({ path: '/', sameSite: 'lax' as const, secure });

/** The CSRF token for this browser, set as a readable cookie when missing. */
export function ensureCsrfCookie(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const token = request.sessionCsrf ?? request.cookies[CSRF_COOKIE] ?? newToken();
  if (request.cookies[CSRF_COOKIE] !== token) reply.setCookie(CSRF_COOKIE, token, { ...cookieBase(secure), httpOnly: false });
  return token;
}

export function setSessionCookies(reply: FastifyReply, s: { token: string; csrfToken: string; expiresAt: Date }, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, s.token, { ...cookieBase(secure), httpOnly: true, expires: s.expiresAt });
  reply.setCookie(CSRF_COOKIE, s.csrfToken, { ...cookieBase(secure), httpOnly: false, expires: s.expiresAt });
}

export function clearSessionCookies(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, cookieBase(secure));
  reply.setCookie(CSRF_COOKIE, newToken(), { ...cookieBase(secure), httpOnly: false });
}
