// The model and the scoring engine over HTTP.
import { assess, editionIds, getEdition } from '@cmmm/model';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

export function modelRoutes(app: FastifyInstance) {
  app.get('/api/health', async () => ({ status: 'ok' }));

  app.get('/api/editions', async () => ({
    editions: editionIds().map((id) => {
      const e = getEdition(id);
      return e.ok ? { id, standard: e.value.standard, title: e.value.title } : { id };
    }),
  }));

  app.get<{ Params: { edition: string } }>('/api/editions/:edition', async (request) => {
    const edition = getEdition(request.params.edition);
    if (!edition.ok) throw AppError.fromIssues(edition.issues);
    return edition.value;
  });

  app.post('/api/score', async (request) => {
    const result = assess(request.body);
    if (!result.ok) throw AppError.fromIssues(result.issues);
    return result.value;
  });
}
