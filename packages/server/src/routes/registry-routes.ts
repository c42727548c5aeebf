// 信息查询: the public registry of certified enterprises (no login).
import {
  certificateNumberParamsSchema,
  registryDistributionSchema,
  registryEntrySchema,
  registryFilterSchema,
  registryPageSchema,
  registryQuerySchema,
} from '@cmmm/contract/registry';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listCertifiedEnterprises, lookUpCertificate, readCertifiedDistribution } from '../services/registry/certified-enterprises.ts';

const tags = ['信息查询'];

/** Who may call (the access notes of openapi.ts, written here so the operations say it themselves). */
const PUBLIC = '公开，无需登录 · public.';
const describe = (summary: string, note = '') => ({ summary, description: `${summary}。${PUBLIC}${note ? ` ${note}` : ''}` });

export function registryRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/registry/certified',
    {
      schema: {
        operationId: 'listCertifiedEnterprises',
        tags,
        ...describe(
          '获证企业公开查询：平台登记或颁发的证书与《智能制造能力成熟度应用实践报告》（2022）公布的获证企业；按企业名称或统一社会信用代码查找，按省、市、等级、行业、评估机构、年份筛选，分页',
          '2022 年报告公布的企业没有证书编号、日期、信用代码、行业和评估机构，按后三者筛选时不列出 · the 2022 report\'s entries carry no number, dates, credit code, industry or body.',
        ),
        querystring: registryQuerySchema,
        response: { 200: registryPageSchema },
      },
    },
    async (request) => listCertifiedEnterprises(request.ctx, request.actor, request.query),
  );

  r.get(
    '/api/registry/certified/distribution',
    {
      schema: {
        operationId: 'readCertifiedDistribution',
        tags,
        ...describe('获证企业等级分布：与列表相同的筛选条件下，按省份与等级计数（与列表的总数一致）'),
        querystring: registryFilterSchema,
        response: { 200: registryDistributionSchema },
      },
    },
    async (request) => readCertifiedDistribution(request.ctx, request.actor, request.query),
  );

  r.get(
    '/api/registry/certificates/:number',
    {
      schema: {
        operationId: 'lookUpCertificate',
        tags,
        ...describe('按证书编号查询证书：企业、等级、范围、发证日期、有效期、状态', '没有该编号的证书时 404 · 404 when no certificate has the number.'),
        params: certificateNumberParamsSchema,
        response: { 200: registryEntrySchema },
      },
    },
    async (request) => lookUpCertificate(request.ctx, request.actor, { number: request.params.number }),
  );
}
