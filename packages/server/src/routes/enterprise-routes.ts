// Enterprises: one (its users, assigned assessors, admins of its region and above) and lists (admins).
import { enterpriseViewSchema } from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listEnterprises, readEnterprise } from '../services/enterprises/read-enterprises.ts';

const page = z.object({ q: z.string().trim().max(64).optional().describe('企业名称或统一社会信用代码（包含）'), page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) });

export function enterpriseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/enterprises/:id',
    { schema: { operationId: 'readEnterprise', tags: ['企业'], summary: '企业信息', params: z.object({ id: z.uuid('无效的企业编号') }), response: { 200: enterpriseViewSchema } } },
    async (request) => readEnterprise(request.ctx, request.actor, { id: request.params.id }),
  );

  r.get(
    '/api/enterprises',
    { schema: { operationId: 'listEnterprises', tags: ['企业'], summary: '企业列表（平台管理员：全部；地方分平台管理员：本地区）', querystring: page, response: { 200: z.object({ enterprises: z.array(enterpriseViewSchema), total: z.number() }) } } },
    async (request) => listEnterprises(request.ctx, request.actor, request.query),
  );
}
