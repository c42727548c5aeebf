// HTML pages served by the server (work without JavaScript).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderModelPage } from '../pages/model-page.ts';
import { readEdition } from '../services/platform/model.ts';

export function pageRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/model', { schema: { hide: true } }, async (request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderModelPage(readEdition(request.ctx, request.actor, {}))),
  );
  r.get('/model/:edition', { schema: { hide: true, params: z.object({ edition: z.string().max(64) }) } }, async (request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderModelPage(readEdition(request.ctx, request.actor, { id: request.params.edition }))),
  );
}
