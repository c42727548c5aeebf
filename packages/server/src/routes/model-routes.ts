// The model and the scoring engine over HTTP.
import { scoreResultSchema } from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { langQuery } from '../services/platform/model-text.ts';
import { listEditions, readEdition, readMaturityLevels, scoreAnswers } from '../services/platform/model.ts';

const tags = ['模型'];

export function modelRoutes(app: FastifyInstance, { rateLimits }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/editions', { schema: { operationId: 'listEditions', tags, summary: '模型版本' } }, async (request) => listEditions(request.ctx, request.actor));

  r.get('/api/editions/:edition', { schema: { operationId: 'readEdition', tags, summary: '一个模型版本：要素、能力域、能力子域、分项与各级要求、权重', params: z.object({ edition: z.string().max(64) }), querystring: langQuery } }, async (request, reply) => {
    // An edition never changes (changed content is a new edition): public, and compressed (plugins/compression.ts).
    reply.header('cache-control', 'public, max-age=86400');
    return readEdition(request.ctx, request.actor, { id: request.params.edition, lang: request.query.lang });
  });

  r.get('/api/editions/:edition/levels', { schema: { operationId: 'readMaturityLevels', tags, summary: '一个模型版本的五个成熟度等级及其特征', params: z.object({ edition: z.string().max(64) }), querystring: langQuery } }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=86400');
    return readMaturityLevels(request.ctx, request.actor, { id: request.params.edition, lang: request.query.lang });
  });

  r.post(
    '/api/score',
    {
      config: { rateLimit: { bucket: 'score', max: rateLimits.score } },
      schema: { operationId: 'scoreAnswers', tags, summary: '评分：输入输出同 cmmm score', body: z.record(z.string(), z.unknown()).describe('the `cmmm score` input: { edition?, enterpriseType, tailored?, answers }'), response: { 200: scoreResultSchema } },
    },
    async (request) => scoreAnswers(request.ctx, request.actor, request.body),
  );
}
