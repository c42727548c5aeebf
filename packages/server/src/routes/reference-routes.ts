// Reference data for forms: industries (GB/T 4754-2017 制造业), regions (GB/T 2260), sub-platforms.
import { subPlatformUpdateSchema, subPlatformViewSchema } from '@cmmm/contract';
import { industries, regionTree, suggestedEnterpriseType } from '@cmmm/reference';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { AppError } from '../errors.ts';
import { authorize, canUpdateSubPlatform } from '../policy.ts';
import { findSubPlatform, listSubPlatforms, recolourGeneratedLogo, subPlatformView, updateSubPlatform } from '../repositories/sub-platforms.ts';

const code = z.object({ code: z.string().regex(/^\d{6}$/, '地区编码为 6 位数字') });

export function referenceRoutes(app: FastifyInstance, { ctx }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/reference/industries', { schema: { tags: ['参考数据'], summary: '国民经济行业分类（GB/T 4754-2017）制造业大类与中类，含建议的企业类型' } }, async () => ({
    industries: industries.map((major) => ({
      ...major,
      middles: major.middles.map((m) => ({ ...m, suggestedEnterpriseType: suggestedEnterpriseType(m.code) })),
    })),
  }));

  r.get('/api/reference/regions', { schema: { tags: ['参考数据'], summary: '行政区划（GB/T 2260）省—市—区县' } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=86400');
    return { regions: regionTree };
  });

  r.get('/api/sub-platforms', { schema: { tags: ['地方分平台'], summary: '地方分平台', response: { 200: z.object({ subPlatforms: z.array(subPlatformViewSchema) }) } } }, async () => ({
    subPlatforms: (await listSubPlatforms(ctx.db)).map(subPlatformView),
  }));

  r.get('/api/sub-platforms/:code', { schema: { tags: ['地方分平台'], summary: '一个地方分平台', params: code, response: { 200: subPlatformViewSchema } } }, async (request) => {
    const row = await findSubPlatform(ctx.db, request.params.code);
    if (!row) throw new AppError('UNKNOWN_SUB_PLATFORM');
    return subPlatformView(row);
  });

  r.patch(
    '/api/sub-platforms/:code',
    { schema: { tags: ['地方分平台'], summary: '修改名称、颜色、标志（平台管理员或本分平台管理员）', params: code, body: subPlatformUpdateSchema, response: { 200: subPlatformViewSchema } } },
    async (request) => {
      authorize(request.actor, canUpdateSubPlatform(request.actor, request.params.code));
      const current = await findSubPlatform(ctx.db, request.params.code);
      if (!current) throw new AppError('UNKNOWN_SUB_PLATFORM');
      const { themeColor, logoSvg } = request.body;
      const recoloured = themeColor && logoSvg === undefined ? { logoSvg: recolourGeneratedLogo(current.logo_svg, current.theme_color, themeColor) } : {};
      await updateSubPlatform(ctx.db, request.params.code, { ...request.body, ...recoloured });
      return subPlatformView((await findSubPlatform(ctx.db, request.params.code))!);
    },
  );
}
