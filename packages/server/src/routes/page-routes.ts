// HTML pages served by the server.
import { getEdition } from '@cmmm/model';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { renderModelPage } from '../pages/model-page.ts';

export function pageRoutes(app: FastifyInstance) {
  const modelPage = (editionId?: string) => {
    const edition = getEdition(editionId);
    if (!edition.ok) throw AppError.fromIssues(edition.issues);
    return renderModelPage(edition.value);
  };
  app.get('/model', async (_request, reply) => reply.type('text/html; charset=utf-8').send(modelPage()));
  app.get<{ Params: { edition: string } }>('/model/:edition', async (request, reply) =>
    reply.type('text/html; charset=utf-8').send(modelPage(request.params.edition)),
  );
}
