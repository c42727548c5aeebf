// 数据看板 (issue 11 §2): the platform admin's nation, a sub-platform admin's region, read-only.
import { dashboardQuerySchema, dashboardSchema } from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readDashboard } from '../services/statistics/read-dashboard.ts';

const tags = ['指数与看板'];

export function dashboardRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/dashboard',
    {
      schema: {
        operationId: 'readDashboard',
        tags,
        summary: '数据看板：企业与自诊断数、等级分布、行业指数 Top 10、下级地区排名（少于 5 家企业的数字不显示）',
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSchema },
      },
    },
    async (request) => readDashboard(request.ctx, request.actor, request.query),
  );
}
