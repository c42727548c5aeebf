// Enterprises: one (its users, assigned assessors, admins of its region and above) and lists (admins).
import { enterpriseViewSchema } from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listEnterprises, readEnterprise } from '../services/enterprises/read-enterprises.ts';

const page = z.object({
  q: z.string().trim().max(64).optional().describe('企业名称或统一社会信用代码（包含）'),
  after: z.string().max(200).optional().describe('上一页响应中的 next（游标分页，按注册时间从新到旧）· the previous page\'s `next` (keyset cursor, newest first)'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const enterprisePage = z.object({
  enterprises: z.array(enterpriseViewSchema),
  next: z.string().nullable().describe('下一页的游标；最后一页为 null · the cursor of the next page, null on the last'),
  total: z.number().int().describe('企业数，精确计数至 10,000 · enterprises, counted exactly up to 10,000'),
  totalCapped: z.boolean().describe('为 true 时实际多于 total（显示为“10,000+”）· true when there are more than `total` (shown as "10,000+")'),
});

export function enterpriseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/enterprises/:id',
    { schema: { operationId: 'readEnterprise', tags: ['企业'], summary: '企业信息', params: z.object({ id: z.uuid('无效的企业编号') }), response: { 200: enterpriseViewSchema } } },
    async (request) => readEnterprise(request.ctx, request.actor, { id: request.params.id }),
  );

  r.get(
    '/api/enterprises',
    { schema: { operationId: 'listEnterprises', tags: ['企业'], summary: '企业列表（平台管理员：全部；地方分平台管理员：本地区），按注册时间从新到旧，游标分页', querystring: page, response: { 200: enterprisePage } } },
    async (request) => listEnterprises(request.ctx, request.actor, request.query),
  );
}
