// 注册, 登录, 退出, 忘记密码, 修改密码, and the current session.
import {
  changePasswordSchema,
  loginRequestSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  registerRequestSchema,
  sessionViewSchema,
  type SessionView,
} from '@cmmm/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { requireActor } from '../policy.ts';
import { accountView, findAccountById } from '../repositories/accounts.ts';
import { findEnterpriseById } from '../repositories/enterprises.ts';
import { changePassword } from '../services/change-password.ts';
import { closeSession, logIn, openSession } from '../services/log-in.ts';
import { registerEnterprise } from '../services/register-enterprise.ts';
import { confirmPasswordReset, requestPasswordReset } from '../services/reset-password.ts';
import { clearSessionCookies, ensureCsrfCookie, SESSION_COOKIE, setSessionCookies } from '../plugins/session.ts';
import { enterpriseView } from '../views.ts';

export function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { ctx, cookieSecure, rateLimits } = deps;
  const limit = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

  async function sessionView(accountId: string | null, csrfToken: string): Promise<SessionView> {
    const account = accountId ? await findAccountById(ctx.db, accountId) : undefined;
    const enterprise = account?.enterprise_id ? await findEnterpriseById(ctx.db, account.enterprise_id) : undefined;
    return {
      account: account ? accountView(account, ctx.now()) : null,
      enterprise: enterprise ? enterpriseView(enterprise) : null,
      csrfToken,
    };
  }
  const currentSession = (request: FastifyRequest, csrf: string) => sessionView(request.actor?.id ?? null, csrf);

  r.get('/api/session', { schema: { tags: ['账户'], summary: '当前会话（并下发 CSRF 令牌）', response: { 200: sessionViewSchema } } }, async (request, reply) =>
    currentSession(request, ensureCsrfCookie(request, reply, cookieSecure)),
  );

  r.post(
    '/api/auth/register',
    { config: limit(rateLimits.register), schema: { tags: ['账户'], summary: '注册：企业与其第一个账户', body: registerRequestSchema, response: { 201: sessionViewSchema } } },
    async (request, reply) => {
      const { accountId } = await registerEnterprise(ctx, request.body);
      const session = await openSession(ctx, accountId);
      setSessionCookies(reply, session, cookieSecure);
      return reply.status(201).send(await sessionView(accountId, session.csrfToken));
    },
  );

  r.post(
    '/api/auth/login',
    { config: limit(rateLimits.login), schema: { tags: ['账户'], summary: '登录', body: loginRequestSchema, response: { 200: sessionViewSchema } } },
    async (request, reply) => {
      const { accountId } = await logIn(ctx, request.body.username, request.body.password);
      const session = await openSession(ctx, accountId);
      setSessionCookies(reply, session, cookieSecure);
      return sessionView(accountId, session.csrfToken);
    },
  );

  r.post('/api/auth/logout', { schema: { tags: ['账户'], summary: '退出', response: { 204: z.null() } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await closeSession(ctx, token);
    clearSessionCookies(reply, cookieSecure);
    return reply.status(204).send(null);
  });

  r.post(
    '/api/auth/password-reset/request',
    {
      config: limit(rateLimits.reset),
      schema: { tags: ['账户'], summary: '忘记密码：向注册手机号发送验证码', body: passwordResetRequestSchema, response: { 200: z.object({ sentTo: z.string(), mobile: z.string().optional() }) } },
    },
    async (request) => requestPasswordReset(ctx, request.body),
  );

  r.post(
    '/api/auth/password-reset/confirm',
    { config: limit(rateLimits.login), schema: { tags: ['账户'], summary: '忘记密码：验证码 + 新密码', body: passwordResetConfirmSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await confirmPasswordReset(ctx, request.body);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/auth/password',
    { config: limit(rateLimits.login), schema: { tags: ['账户'], summary: '修改密码', body: changePasswordSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      requireActor(request.actor);
      await changePassword(ctx, request.actor.id, request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );
}
