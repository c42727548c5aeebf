// 数据看板 (issue 11 §2): the platform admin's nation, a sub-platform admin's region, read-only, with the
// operator's map of a region where it supplied one; and the nation's public figures (§4), for anyone, cacheable.
import { dashboardQuerySchema, dashboardSchema, publicStatisticsSchema } from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { encodingFor } from '../plugins/compression.ts';
import { readDashboard } from '../services/statistics/read-dashboard.ts';
import { readPublicStatistics } from '../services/statistics/read-public-statistics.ts';
import { readRegionMap } from '../services/statistics/read-region-map.ts';

const tags = ['指数与看板'];
const mapParams = z.object({ region: z.string().regex(/^\d{6}$/, '地区代码应为 6 位数字（GB/T 2260 行政区划代码，全国为 000000）') });

/** Whether an If-None-Match header names this entity tag (or any, '*'); weak tags compare alike. */
const matches = (ifNoneMatch: string | undefined, etag: string): boolean =>
  ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => ['*', etag].includes(tag.trim().replace(/^W\//, '')));

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
    '/api/dashboard/maps/:region',
    {
      schema: {
        operationId: 'readRegionMap',
        tags,
        summary: '地区地图：平台运营方提供的该地区下级地区 GeoJSON（FeatureCollection，要素带 6 位地区代码；全国为 000000）；未提供时 404 MAP_NOT_SUPPLIED，文件有误时 MAP_INVALID',
        params: mapParams,
      },
    },
    async (request, reply) => {
      const map = await readRegionMap(request.ctx, request.actor, { region: request.params.region });
      // private: only those who may read the region's dashboard get it; the file changes seldom (revalidated by its tag)
      reply.header('cache-control', 'private, max-age=300').header('etag', map.etag).header('vary', 'accept-encoding');
      if (matches(request.headers['if-none-match'], map.etag)) return reply.code(304).send();
      // Compressed once per version of the file (no secret and no request input in it: nothing for BREACH to find).
      const encoding = encodingFor(request.headers['accept-encoding']);
      if (encoding) reply.header('content-encoding', encoding);
      return reply.type('application/geo+json; charset=utf-8').send(encoding === 'br' ? map.brotli : encoding === 'gzip' ? map.gzip : map.body);
    },
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
