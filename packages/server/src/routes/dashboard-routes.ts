// 数据看板 (issue 11 §2): the platform admin's nation, a sub-platform admin's region, read-only; and the
// nation's public figures (§4), for anyone, cacheable.
import { dashboardQuerySchema, dashboardSchema, publicStatisticsSchema } from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readDashboard } from '../services/statistics/read-dashboard.ts';
import { readPublicStatistics } from '../services/statistics/read-public-statistics.ts';

const tags = ['指数与看板'];

export function dashboardRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/dashboard',
    {
      schema: {
        operationId: 'readDashboard',
        tags,
        summary: '数据看板：企业与自诊断数、等级分布、行业指数 Top 10、下级地区排名、问题短板（少于 5 家企业的数字不显示）',
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSchema },
      },
    },
    async (request) => readDashboard(request.ctx, request.actor, request.query),
  );

  r.get(
    '/api/public/statistics',
    {
      schema: {
        operationId: 'readPublicStatistics',
        tags,
        summary: '公开统计（无需登录）：全国企业与自诊断数、等级分布、行业指数 Top 10 及指数说明（少于 5 家企业的数字不公布）',
        response: { 200: publicStatisticsSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return readPublicStatistics(request.ctx, request.actor);
    },
  );
}
