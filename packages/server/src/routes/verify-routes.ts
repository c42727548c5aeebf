// 报告验证 (public): the JSON answer and the page the QR code of a report or a certificate opens.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { renderNotVerifiedPage, renderVerifiedPage } from '../pages/verify-page.ts';
import { verifyReport } from '../services/reports/verify-report.ts';

/**
 * ZD-<YYYYMMDD>-<10 hex>: a self-diagnosis report; PG-…: a formal assessment's 评估报告; any other: a
 * certificate's number as recorded (CMMM-<level|C>-<YYYYMMDD>-<10 hex> when the platform issued it).
 * One pattern without look-ahead (the fuzz test generates from it); a malformed ZD-/PG- number is not found.
 */
const params = z.object({ number: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, '报告编号或证书编号格式不正确') });
const verified = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('self_diagnosis'),
    reportNumber: z.string(),
    enterprise: z.string(),
    creditCode: z.string(),
    level: z.number(),
    levelName: z.string(),
    totalScore: z.number(),
    completedAt: z.string(),
    edition: z.string(),
  }),
  z.object({
    kind: z.literal('formal'),
    reportNumber: z.string(),
    enterprise: z.string(),
    creditCode: z.string(),
    assessmentType: z.enum(['predefined', 'custom']),
    level: z.number().nullable(),
    levelName: z.string().nullable(),
    capability: z.array(z.object({ domain: z.string(), level: z.number(), levelName: z.string() })),
    body: z.string(),
    issuedAt: z.string(),
  }),
  z.object({
    kind: z.literal('certificate'),
    certificateNumber: z.string(),
    enterprise: z.string(),
    creditCode: z.string(),
    level: z.number().nullable(),
    levelName: z.string().nullable(),
    capability: z.array(z.object({ domain: z.string(), level: z.number(), levelName: z.string() })),
    body: z.string().nullable(),
    issuedOn: z.string(),
    validUntil: z.string(),
    status: z.enum(['valid', 'suspended', 'revoked', 'expired', 'superseded']),
  }),
]);

export function verifyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/reports/:number', { schema: { operationId: 'verifyReport', tags: ['报告'], summary: '验证报告编号或证书编号（公开；证书含当日状态）', params, response: { 200: verified } } }, async (request) =>
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
