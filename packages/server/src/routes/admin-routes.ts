// Platform admin: accounts and roles, the development SMS outbox.
import { accountViewSchema, createAccountSchema, roleSchema, updateAccountSchema } from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { AppError } from '../errors.ts';
import { authorize, canManageAccounts, canReadSmsOutbox } from '../policy.ts';
import { accountView, findAccountById, listAccounts } from '../repositories/accounts.ts';
import { listOutbox } from '../repositories/sms.ts';
import { createStaffAccount, issueOneTimePassword, updateAccount } from '../services/manage-accounts.ts';

const id = z.object({ id: z.uuid('无效的账户编号') });

export function adminRoutes(app: FastifyInstance, { ctx }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/admin/accounts',
    {
      schema: {
        tags: ['平台管理'],
        summary: '账户列表',
        querystring: z.object({ q: z.string().trim().max(64).optional(), role: roleSchema.optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ accounts: z.array(accountViewSchema), total: z.number() }) },
      },
    },
    async (request) => {
      authorize(request.actor, canManageAccounts(request.actor));
      const { q, role, page, pageSize } = request.query;
      const { rows, total } = await listAccounts(ctx.db, { q, role, limit: pageSize, offset: (page - 1) * pageSize });
      return { accounts: rows.map((a) => accountView(a, ctx.now())), total };
    },
  );

  r.post(
    '/api/admin/accounts',
    { schema: { tags: ['平台管理'], summary: '新建评估师、管理员等账户（返回一次性密码）', body: createAccountSchema, response: { 201: z.object({ account: accountViewSchema, oneTimePassword: z.string() }) } } },
    async (request, reply) => {
      authorize(request.actor, canManageAccounts(request.actor));
      const { accountId, oneTimePassword } = await createStaffAccount(ctx, request.body);
      return reply.status(201).send({ account: accountView((await findAccountById(ctx.db, accountId))!, ctx.now()), oneTimePassword });
    },
  );

  r.patch(
    '/api/admin/accounts/:id',
    { schema: { tags: ['平台管理'], summary: '修改角色、所辖分平台、锁定', params: id, body: updateAccountSchema, response: { 200: accountViewSchema } } },
    async (request) => {
      authorize(request.actor, canManageAccounts(request.actor));
      await updateAccount(ctx, request.params.id, request.body);
      const row = await findAccountById(ctx.db, request.params.id);
      if (!row) throw new AppError('ACCOUNT_NOT_FOUND');
      return accountView(row, ctx.now());
    },
  );

  r.post(
    '/api/admin/accounts/:id/one-time-password',
    { schema: { tags: ['平台管理'], summary: '重置为一次性密码（用户手机号无法使用时）', params: id, response: { 200: z.object({ oneTimePassword: z.string() }) } } },
    async (request) => {
      authorize(request.actor, canManageAccounts(request.actor));
      return issueOneTimePassword(ctx, request.params.id);
    },
  );

  r.get(
    '/api/admin/sms-outbox',
    { schema: { tags: ['平台管理'], summary: '开发环境短信发件箱', response: { 200: z.object({ messages: z.array(z.object({ id: z.string(), mobile: z.string(), body: z.string(), createdAt: z.string() })) }) } } },
    async (request) => {
      authorize(request.actor, canReadSmsOutbox(request.actor));
      const rows = await listOutbox(ctx.db, 100);
      return { messages: rows.map((m) => ({ id: m.id, mobile: m.mobile, body: m.body, createdAt: m.created_at.toISOString() })) };
    },
  );
}
