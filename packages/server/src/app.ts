// The HTTP application: plugins, routes and the one error boundary. No listening here (tests inject).
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { errorHandler } from './errors.ts';
import { modelRoutes } from './routes/model-routes.ts';
import { pageRoutes } from './routes/page-routes.ts';

export interface AppOptions {
  logger?: boolean;
}

export function buildApp(options: AppOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `找不到 ${request.method} ${request.url}` } }),
  );
  app.register(async (scope) => {
    modelRoutes(scope);
    pageRoutes(scope);
  });
  return app;
}
