// Sessions and CSRF. The session cookie is httpOnly and SameSite=Lax; every state-changing request
// must echo the CSRF token (double-submit: the readable cmmm_csrf cookie, which for a logged-in user
// is also the session's own token) in the x-csrf-token header. Both are decided on the route the
// router matched (decoded, normalised), never on the raw URL: `POST /%61pi/auth/login` is checked
// like `POST /api/auth/login`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../context.ts';
import { sendError } from '../errors.ts';
import { authenticateSession } from '../services/accounts/authenticate-session.ts';
import type { Actor } from '../policy.ts';
import { digest, newToken } from '../security/tokens.ts';

export const SESSION_COOKIE = 'cmmm_session';
export const CSRF_COOKIE = 'cmmm_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Marks a browser that logged in to an account before (spares it the account-wide login slow-down). */
export const DEVICE_COOKIE = 'cmmm_device';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionCsrf: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Stateless endpoints that use no cookie: nothing to forge. */
const CSRF_EXEMPT = new Set(['/api/score']);

export function sessionPlugin(app: FastifyInstance, ctx: ServiceContext) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrf', null);

  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route === undefined) return; // no route: 404, nothing to authenticate or forge
    const token = request.cookies[SESSION_COOKIE];
    if (token && route.startsWith('/api/')) {
      const session = await authenticateSession(ctx, digest(token));
      if (session) {
        request.actor = {
          id: session.accountId,
          role: session.role,
          enterpriseId: session.enterpriseId,
          regionCode: session.regionCode,
          bodyId: session.bodyId,
          mustChangePassword: session.mustChangePassword,
          sessionId: session.tokenHash,
        };
        request.sessionCsrf = session.csrfToken;
      }
    }
    if (SAFE_METHODS.has(request.method) || CSRF_EXEMPT.has(route)) return;
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

export function setDeviceCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(DEVICE_COOKIE, token, { ...cookieBase(secure), httpOnly: true, maxAge: 365 * 86_400 });
}

export function clearSessionCookies(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, cookieBase(secure));
  reply.setCookie(CSRF_COOKIE, newToken(), { ...cookieBase(secure), httpOnly: false });
}
