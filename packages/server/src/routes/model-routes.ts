// The model and the scoring engine over HTTP.
import { assess, editionIds, getEdition } from '@cmmm/model';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps.ts';
import { AppError } from '../errors.ts';

export function modelRoutes(app: FastifyInstance, { ctx }: AppDeps) {
  app.get('/api/ping', { schema: { tags: ['平台'], summary: '存活检查（不访问数据库）' } }, async () => ({ pong: true }));

  app.get('/api/health', { schema: { tags: ['平台'], summary: '健康检查（含数据库）' } }, async () => {
    await sql`select 1`.execute(ctx.db);
    return { status: 'ok' };
  });

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

  app.post('/api/score', { schema: { tags: ['模型'], summary: '评分：输入输出同 cmmm score' } }, async (request) => {
    const result = assess(request.body);
    if (!result.ok) throw AppError.fromIssues(result.issues);
    return result.value;
  });
}
