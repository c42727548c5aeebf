// Reference data for forms (industries, regions) and the regional sub-platforms.
import { subPlatformUpdateSchema, subPlatformViewSchema } from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listIndustries, listProvinces, readProvince, readRegionTree } from '../services/platform/reference-data.ts';
import { langQuery } from '../services/platform/model-text.ts';
import { listSubPlatforms, readSubPlatform, updateSubPlatform } from '../services/sub-platforms/sub-platforms.ts';

const code = z.object({ code: z.string().regex(/^\d{6}$/, '地区编码为 6 位数字') });

export function referenceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/reference/industries', { schema: { operationId: 'listIndustries', querystring: langQuery, tags: ['参考数据'], summary: '国民经济行业分类（GB/T 4754-2017）制造业大类与中类，含建议的企业类型' } }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=86400');
    return listIndustries(request.ctx, request.actor, { lang: request.query.lang });
  });

  r.get('/api/reference/regions', { schema: { operationId: 'readRegionTree', querystring: langQuery, tags: ['参考数据'], summary: '行政区划（GB/T 2260）省—市—区县' } }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=86400');
    return readRegionTree(request.ctx, request.actor, { lang: request.query.lang });
  });

  // The register page's picker: provinces first, a province's cities and counties when it is opened.
  r.get('/api/reference/provinces', { schema: { operationId: 'listProvinces', querystring: langQuery, tags: ['参考数据'], summary: '行政区划（GB/T 2260）省级，不含下级' } }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=86400');
    return listProvinces(request.ctx, request.actor, { lang: request.query.lang });
  });

  r.get('/api/reference/provinces/:code', { schema: { operationId: 'readProvince', tags: ['参考数据'], summary: '一个省级行政区及其市、区县', params: code, querystring: langQuery } }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=86400');
    return readProvince(request.ctx, request.actor, { code: request.params.code, lang: request.query.lang });
  });

  r.get('/api/sub-platforms', { schema: { operationId: 'listSubPlatforms', tags: ['地方分平台'], summary: '地方分平台', response: { 200: z.object({ subPlatforms: z.array(subPlatformViewSchema) }) } } }, async (request) =>
    listSubPlatforms(request.ctx, request.actor),
  );

  r.get('/api/sub-platforms/:code', { schema: { operationId: 'readSubPlatform', tags: ['地方分平台'], summary: '一个地方分平台', params: code, response: { 200: subPlatformViewSchema } } }, async (request) =>
    readSubPlatform(request.ctx, request.actor, { code: request.params.code }),
  );

  r.patch(
    '/api/sub-platforms/:code',
    { schema: { operationId: 'updateSubPlatform', tags: ['地方分平台'], summary: '修改名称、颜色、标志（平台管理员或本分平台管理员）', params: code, body: subPlatformUpdateSchema, response: { 200: subPlatformViewSchema } } },
    async (request) => updateSubPlatform(request.ctx, request.actor, { code: request.params.code, patch: request.body }),
  );
}
