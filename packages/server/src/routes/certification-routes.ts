// 合规性审查, 公示 (with objections) and the certificate.
import { formalAssessmentSchema, objectionInputSchema, objectionResolutionSchema, objectionSchema, pageOf, publicNoticeSchema, reviewDecisionSchema, reviewSchema } from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { issueCertificate } from '../services/formal-assessment/issue-certificate.ts';
import { fileObjection, listObjections, listPublicNotices, resolveObjection } from '../services/formal-assessment/public-notice.ts';
import { decideReview, readReview, submitForReview } from '../services/formal-assessment/review.ts';

const tags = ['合规性审查与证书'];
const idParams = z.object({ id: z.uuid('无效的评估编号') });
const view = { 200: formalAssessmentSchema };

export function certificationRoutes(app: FastifyInstance, { rateLimits }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/formal-assessments/:id/review-request', { schema: { operationId: 'submitForReview', tags, summary: '评估组长提交合规性审查', params: idParams, response: view } }, async (request) =>
    submitForReview(request.ctx, request.actor, { id: request.params.id }),
  );

  r.get('/api/formal-assessments/:id/review', { schema: { operationId: 'readReview', tags, summary: '合规性审查：自动检查项与历次审查结论', params: idParams, response: { 200: reviewSchema } } }, async (request) =>
    readReview(request.ctx, request.actor, { id: request.params.id }),
  );

  r.post(
    '/api/formal-assessments/:id/review/decision',
    { schema: { operationId: 'decideReview', tags, summary: '审查通过（进入公示）或退回评估组（写明理由）', params: idParams, body: reviewDecisionSchema, response: view } },
    async (request) => decideReview(request.ctx, request.actor, { id: request.params.id, ...request.body }),
  );

  r.get(
    '/api/public-notices',
    {
      schema: {
        operationId: 'listPublicNotices',
        tags,
        summary: '评估结果公示（公示期内）',
        querystring: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: pageOf(publicNoticeSchema) },
      },
    },
    async (request) => listPublicNotices(request.ctx, request.actor, request.query),
  );

  r.post(
    '/api/public-notices/:id/objections',
    {
      config: { rateLimit: { bucket: 'objection', max: rateLimits.objection, windowMs: 3_600_000 } },
      schema: { operationId: 'fileObjection', tags, summary: '对公示中的评估结果提出异议', params: idParams, body: objectionInputSchema, response: { 201: z.object({ id: z.string(), filedAt: z.string() }) } },
    },
    async (request, reply) => reply.status(201).send(await fileObjection(request.ctx, request.actor, { id: request.params.id, ...request.body })),
  );

  r.get('/api/formal-assessments/:id/objections', { schema: { operationId: 'listObjections', tags, summary: '公示期收到的异议', params: idParams, response: { 200: z.array(objectionSchema) } } }, async (request) =>
    listObjections(request.ctx, request.actor, { id: request.params.id }),
  );

  r.post(
    '/api/formal-assessments/:id/objections/:objectionId/resolution',
    {
      schema: {
        operationId: 'resolveObjection',
        tags,
        summary: '处理异议：不成立（继续公示）或成立（退回评估组）',
        params: idParams.extend({ objectionId: z.uuid('无效的异议编号') }),
        body: objectionResolutionSchema,
        response: view,
      },
    },
    async (request) => resolveObjection(request.ctx, request.actor, { ...request.params, ...request.body }),
  );

  r.post('/api/formal-assessments/:id/certificate', { schema: { operationId: 'issueCertificate', tags, summary: '颁发证书（公示期满且无未处理异议）', params: idParams, response: view } }, async (request) =>
    issueCertificate(request.ctx, request.actor, { id: request.params.id }),
  );
}
