// Administration: accounts and roles, the development SMS outbox, the audit trail.
import { accountViewSchema, auditTrailPageSchema, auditTrailQuerySchema, createAccountSchema, roleSchema, updateAccountSchema } from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createStaffAccount, issueOneTimePassword, listAccounts, updateAccount } from '../services/admin/manage-accounts.ts';
import { readAuditTrail } from '../services/admin/read-audit-trail.ts';
import { readSmsOutbox } from '../services/admin/read-sms-outbox.ts';

const tags = ['平台管理'];
const id = z.object({ id: z.uuid('无效的账户编号') });


export function adminRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/admin/accounts',
    {
      schema: {
        operationId: 'listAccounts',
        tags,
        summary: '账户列表',
        querystring: z.object({ q: z.string().trim().max(64).optional(), role: roleSchema.optional(), page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ accounts: z.array(accountViewSchema), total: z.number() }) },
      },
    },
    async (request) => listAccounts(request.ctx, request.actor, request.query),
  );

  r.post(
    '/api/admin/accounts',
    { schema: { operationId: 'createStaffAccount', tags, summary: '新建评估师、管理员等账户（返回一次性密码）', body: createAccountSchema, response: { 201: z.object({ account: accountViewSchema, oneTimePassword: z.string() }) } } },
    async (request, reply) => reply.status(201).send(await createStaffAccount(request.ctx, request.actor, request.body)),
  );

  r.patch(
    '/api/admin/accounts/:id',
    { schema: { operationId: 'updateAccount', tags, summary: '修改角色、所辖分平台、锁定', params: id, body: updateAccountSchema, response: { 200: accountViewSchema } } },
    async (request) => updateAccount(request.ctx, request.actor, { accountId: request.params.id, patch: request.body }),
  );

  r.post(
    '/api/admin/accounts/:id/one-time-password',
    { schema: { operationId: 'issueOneTimePassword', tags, summary: '重置为一次性密码（用户手机号无法使用时）', params: id, response: { 200: z.object({ oneTimePassword: z.string() }) } } },
    async (request) => issueOneTimePassword(request.ctx, request.actor, { accountId: request.params.id }),
  );

  r.get(
    '/api/admin/sms-outbox',
    { schema: { operationId: 'readSmsOutbox', tags, summary: '开发环境短信发件箱', response: { 200: z.object({ messages: z.array(z.object({ id: z.string(), mobile: z.string(), body: z.string(), createdAt: z.string() })) }) } } },
    async (request) => readSmsOutbox(request.ctx, request.actor),
  );

  r.get(
    '/api/admin/audit-events',
    {
      schema: {
        operationId: 'readAuditTrail',
        tags,
        summary: '审计日志（平台管理员：全部；地方分平台管理员：本地区企业），新的在前',
        querystring: auditTrailQuerySchema,
        response: { 200: auditTrailPageSchema },
      },
    },
    async (request) => {
      const { from, to, ...query } = request.query;
      return readAuditTrail(request.ctx, request.actor, { ...query, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined });
    },
  );
}
