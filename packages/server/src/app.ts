// The HTTP application: plugins, routes and the one error boundary. No listening here (tests inject).
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { DEFAULT_RATE_LIMITS, type AppDeps, type RateLimits } from './app-deps.ts';
import type { ServiceContext } from './context.ts';
import { errorHandler, sendError } from './errors.ts';
import { sessionPlugin } from './plugins/session.ts';
import { adminRoutes } from './routes/admin-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { enterpriseRoutes } from './routes/enterprise-routes.ts';
import { modelRoutes } from './routes/model-routes.ts';
import { pageRoutes } from './routes/page-routes.ts';
import { referenceRoutes } from './routes/reference-routes.ts';
import { selfDiagnosisRoutes } from './routes/self-diagnosis-routes.ts';
import { verifyRoutes } from './routes/verify-routes.ts';
import { webRoutes } from './routes/web-routes.ts';

export interface AppOptions {
  ctx: ServiceContext;
  logLevel?: string;
  cookieSecure?: boolean;
  rateLimits?: Partial<RateLimits>;
  /** Directory of the built browser app (default packages/web/dist). */
  webDist?: string;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel && options.logLevel !== 'silent' ? { level: options.logLevel } : false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
  });
  const deps: AppDeps = {
    ctx: options.ctx,
    cookieSecure: options.cookieSecure ?? false,
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
  };
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  const hasWeb = await webRoutes(app, options.webDist);
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the browser app get its index.html; the API answers 404 in JSON.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/') && request.headers.accept?.includes('text/html')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, 'NOT_FOUND', `找不到 ${request.method} ${request.url.split('?')[0]}`);
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => ({ statusCode: 429, error: { code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' } }) });
  await app.register(swagger, {
    openapi: {
      info: { title: '智能制造能力成熟度评估平台 API', description: 'CMMM assessment platform API. Errors: { error: { code, message, issues? } }.', version: '0.1.0' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(async (scope) => {
    sessionPlugin(scope, { db: deps.ctx.db, now: deps.ctx.now, cookieSecure: deps.cookieSecure });
    modelRoutes(scope, deps);
    authRoutes(scope, deps);
    enterpriseRoutes(scope, deps);
    referenceRoutes(scope, deps);
    adminRoutes(scope, deps);
    selfDiagnosisRoutes(scope, deps);
    verifyRoutes(scope, deps);
    pageRoutes(scope);
  });
  return app;
}
