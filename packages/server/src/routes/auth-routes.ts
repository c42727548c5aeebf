// 注册, 登录, 退出, 忘记密码, 修改密码, and the current session.
import {
  changePasswordSchema,
  loginRequestSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  registerRequestSchema,
  sessionViewSchema,
} from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { clearSessionCookies, DEVICE_COOKIE, ensureCsrfCookie, SESSION_COOKIE, setDeviceCookie, setSessionCookies } from '../plugins/session.ts';
import { changePassword } from '../services/accounts/change-password.ts';
import { logIn, logOut } from '../services/accounts/log-in.ts';
import { readSession } from '../services/accounts/read-session.ts';
import { registerEnterprise } from '../services/accounts/register-enterprise.ts';
import { confirmPasswordReset, requestPasswordReset } from '../services/accounts/reset-password.ts';

const tags = ['账户'];

export function authRoutes(app: FastifyInstance, { cookieSecure, rateLimits }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limit = (bucket: string, max: number) => ({ rateLimit: { bucket, max } });

  r.get('/api/session', { schema: { operationId: 'readSession', tags, summary: '当前会话（并下发 CSRF 令牌）', response: { 200: sessionViewSchema } } }, async (request, reply) =>
    readSession(request.ctx, request.actor, { csrfToken: ensureCsrfCookie(request, reply, cookieSecure) }),
  );

  r.post(
    '/api/auth/register',
    { config: limit('register', rateLimits.register), schema: { operationId: 'registerEnterprise', tags, summary: '注册：企业与其第一个账户', body: registerRequestSchema, response: { 201: sessionViewSchema } } },
    async (request, reply) => {
      const { session, view } = await registerEnterprise(request.ctx, request.actor, request.body);
      setSessionCookies(reply, session, cookieSecure);
      return reply.status(201).send(view);
    },
  );

  r.post(
    '/api/auth/login',
    { config: limit('login', rateLimits.login), schema: { operationId: 'logIn', tags, summary: '登录', body: loginRequestSchema, response: { 200: sessionViewSchema } } },
    async (request, reply) => {
      const { username, password } = request.body;
      const outcome = await logIn(request.ctx, request.actor, { username, password, source: request.ip, deviceToken: request.cookies[DEVICE_COOKIE] });
      setSessionCookies(reply, outcome.session, cookieSecure);
      if (outcome.deviceToken) setDeviceCookie(reply, outcome.deviceToken, cookieSecure);
      return outcome.view;
    },
  );

  r.post('/api/auth/logout', { schema: { operationId: 'logOut', tags, summary: '退出', response: { 204: z.null() } } }, async (request, reply) => {
    await logOut(request.ctx, request.actor, { token: request.cookies[SESSION_COOKIE] });
    clearSessionCookies(reply, cookieSecure);
    return reply.status(204).send(null);
  });

  r.post(
    '/api/auth/password-reset/request',
    {
      config: limit('reset', rateLimits.reset),
      schema: {
        operationId: 'requestPasswordReset',
        tags,
        summary: '忘记密码：向注册手机号发送验证码（按手机号查询时，无论该号码是否注册，回答都相同）',
        body: passwordResetRequestSchema,
        response: { 200: z.object({ sentTo: z.string(), mobile: z.string().optional() }) },
      },
    },
    async (request) => requestPasswordReset(request.ctx, request.actor, request.body, request.ip),
  );

  r.post(
    '/api/auth/password-reset/confirm',
    { config: limit('login', rateLimits.login), schema: { operationId: 'confirmPasswordReset', tags, summary: '忘记密码：验证码 + 新密码', body: passwordResetConfirmSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await confirmPasswordReset(request.ctx, request.actor, request.body);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/auth/password',
    { config: limit('login', rateLimits.login), schema: { operationId: 'changePassword', tags, summary: '修改密码（本账户的其他会话随之结束）', body: changePasswordSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await changePassword(request.ctx, request.actor, request.body);
      return reply.status(204).send(null);
    },
  );
}
