// 报告验证 (public): the JSON answer and the page the report's QR code opens.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { renderNotVerifiedPage, renderVerifiedPage } from '../pages/verify-page.ts';
import { verifyReport } from '../services/reports/verify-report.ts';

const params = z.object({ number: z.string().regex(/^ZD-\d{8}-[0-9A-F]{10}$/, '报告编号格式不正确') });
const verified = z.object({
  reportNumber: z.string(),
  enterprise: z.string(),
  creditCode: z.string(),
  level: z.number(),
  levelName: z.string(),
  totalScore: z.number(),
  completedAt: z.string(),
  edition: z.string(),
});

export function verifyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/reports/:number', { schema: { operationId: 'verifyReport', tags: ['报告'], summary: '验证报告编号（公开）', params, response: { 200: verified } } }, async (request) =>
    verifyReport(request.ctx, request.actor, { number: request.params.number }),
  );

  r.get('/verify/:number', { schema: { hide: true, params } }, async (request, reply) => {
    reply.type('text/html; charset=utf-8');
    try {
      return reply.send(renderVerifiedPage(await verifyReport(request.ctx, request.actor, { number: request.params.number })));
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'NOT_FOUND') throw err;
      return reply.status(404).send(renderNotVerifiedPage(err.message));
    }
  });
}
