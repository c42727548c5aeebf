// Health: /api/health/live (the process answers), /api/health/ready (database reachable and migrated;
// 503 otherwise), and the older /api/health and /api/ping.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkLiveness, checkReadiness } from '../services/platform/health.ts';

const tags = ['平台'];
const live = z.object({ status: z.literal('ok') });
const ready = z.object({ status: z.enum(['ok', 'not_ready']), database: z.enum(['ok', 'unavailable']), pendingMigrations: z.array(z.string()) });

export function healthRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/health/live', { schema: { operationId: 'checkLiveness', tags, summary: '存活检查（不访问数据库）', response: { 200: live } } }, async (request) =>
    checkLiveness(request.ctx, request.actor),
  );
  r.get('/api/ping', { schema: { operationId: 'ping', tags, summary: '存活检查（旧地址，同 /api/health/live）', response: { 200: z.object({ pong: z.literal(true) }) } } }, async (request) => {
    checkLiveness(request.ctx, request.actor);
    return { pong: true as const };
  });
  const readiness = { tags, summary: '就绪检查：数据库可访问且已迁移（否则 503）', response: { 200: ready, 503: ready } };
  r.get('/api/health/ready', { schema: { operationId: 'checkReadiness', ...readiness } }, async (request, reply) => {
    const state = await checkReadiness(request.ctx, request.actor);
    return reply.status(state.status === 'ok' ? 200 : 503).send(state);
  });
  const health = z.object({ status: z.enum(['ok', 'not_ready']) });
  r.get('/api/health', { schema: { operationId: 'checkHealth', tags, summary: '健康检查（就绪与否，详见 /api/health/ready）', response: { 200: health, 503: health } } }, async (request, reply) => {
    const { status } = await checkReadiness(request.ctx, request.actor);
    return reply.status(status === 'ok' ? 200 : 503).send({ status });
  });
}
