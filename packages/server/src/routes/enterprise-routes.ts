// Enterprises: one (its users, assigned assessors, admins of its region and above) and lists (admins).
import { enterpriseViewSchema } from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { AppError } from '../errors.ts';
import { authorize, canListEnterprises, canViewEnterprise, regionPrefix } from '../policy.ts';
import { findEnterpriseById, listEnterprises } from '../repositories/enterprises.ts';
import { enterpriseView } from '../views.ts';

const page = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) });

export function enterpriseRoutes(app: FastifyInstance, { ctx }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/enterprises/:id',
    { schema: { tags: ['企业'], summary: '企业信息', params: z.object({ id: z.uuid('无效的企业编号') }), response: { 200: enterpriseViewSchema } } },
    async (request) => {
      authorize(request.actor, true);
      const row = await findEnterpriseById(ctx.db, request.params.id);
      // Not found and not allowed look the same from outside: no probing for ids.
      if (!row || !canViewEnterprise(request.actor, { id: row.id, regionCode: row.region_code, subPlatformCode: row.sub_platform_code })) {
        throw new AppError(row ? 'FORBIDDEN' : 'NOT_FOUND');
      }
      return enterpriseView(row);
    },
  );

  r.get(
    '/api/enterprises',
    { schema: { tags: ['企业'], summary: '企业列表（平台管理员：全部；地方分平台管理员：本地区）', querystring: page, response: { 200: z.object({ enterprises: z.array(enterpriseViewSchema), total: z.number() }) } } },
    async (request) => {
      const actor = request.actor;
      authorize(actor, canListEnterprises(actor));
      const scope = actor.role === 'region_admin' ? { regionPrefix: regionPrefix(actor.regionCode ?? '__'), subPlatformCode: actor.regionCode ?? undefined } : {};
      const { page: p, pageSize } = request.query;
      const { rows, total } = await listEnterprises(ctx.db, { ...scope, limit: pageSize, offset: (p - 1) * pageSize });
      return { enterprises: rows.map(enterpriseView), total };
    },
  );
}
