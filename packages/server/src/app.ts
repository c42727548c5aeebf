// The HTTP application: plugins, routes and the one error boundary. No listening here (tests inject).
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { DEFAULT_RATE_LIMITS, type AppDeps, type RateLimits } from './app-deps.ts';
import { forRequest, type ServiceContext } from './context.ts';
import { errorHandler, frameworkErrorHandler, sendError } from './errors.ts';
import { ACCESS_NOTES, API_TAGS } from './openapi.ts';
import { compressionPlugin } from './plugins/compression.ts';
import { hostileInputPlugin } from './plugins/hostile-input.ts';
import { securityHeadersPlugin } from './plugins/security-headers.ts';
import { rateLimitPlugin } from './plugins/rate-limit.ts';
import { sessionPlugin } from './plugins/session.ts';
import { adminRoutes } from './routes/admin-routes.ts';
import { assessorRoutes } from './routes/assessor-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { dashboardRoutes } from './routes/dashboard-routes.ts';
import { campaignRoutes } from './routes/campaign-routes.ts';
import { indexReportRoutes } from './routes/index-report-routes.ts';
import { enterpriseRoutes } from './routes/enterprise-routes.ts';
import { certificateRoutes } from './routes/certificate-routes.ts';
import { certificationRoutes } from './routes/certification-routes.ts';
import { evidenceRoutes } from './routes/evidence-routes.ts';
import { formalAssessmentRoutes } from './routes/formal-assessment-routes.ts';
import { formalRatingRoutes } from './routes/formal-rating-routes.ts';
import { formalReportRoutes } from './routes/formal-report-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { modelRoutes } from './routes/model-routes.ts';
import { pageRoutes } from './routes/page-routes.ts';
import { referenceRoutes } from './routes/reference-routes.ts';
import { registryRoutes } from './routes/registry-routes.ts';
import { selfDiagnosisRoutes } from './routes/self-diagnosis-routes.ts';
import { verifyRoutes } from './routes/verify-routes.ts';
import { webRoutes } from './routes/web-routes.ts';

export interface AppOptions {
  ctx: ServiceContext;
  logLevel?: string;
  /** Cookies with Secure; defaults to whether ctx.publicUrl is https. */
  cookieSecure?: boolean;
  rateLimits?: Partial<RateLimits>;
  /** Directory of the built browser app (default packages/web/dist). */
  webDist?: string;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY); without it the client address is the peer's. */
  trustProxy?: string;
  /** Told while the server drains on SIGTERM: new requests get 503. */
  isDraining?: () => boolean;
}

/** zod → JSON Schema, and every operation described: its summary plus who may call it. */
const describedOperation: typeof jsonSchemaTransform = (input) => {
  const out = jsonSchemaTransform(input);
  const schema = out.schema as { summary?: string; description?: string; operationId?: string };
  if (!schema.description && schema.summary) {
    out.schema = { ...out.schema, description: `${schema.summary}。${ACCESS_NOTES[schema.operationId ?? ''] ?? '需要登录；权限见 policy.ts。'}` };
  }
  return out;
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel && options.logLevel !== 'silent' ? { level: options.logLevel } : false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // While draining, our own hook answers 503 SHUTTING_DOWN in the platform's error shape.
    return503OnClosing: false,
    // Rate limits and lock-outs key on request.ip: only a configured proxy may say who the client is.
    trustProxy: options.trustProxy ?? false,
    frameworkErrors: frameworkErrorHandler,
  });
  const https = options.ctx.publicUrl.startsWith('https:');
  const deps: AppDeps = {
    ctx: options.ctx,
    cookieSecure: options.cookieSecure ?? https,
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
  };
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorateRequest('ctx', null as unknown as ServiceContext);
  app.addHook('onRequest', async (request, reply) => {
    if (options.isDraining?.()) return sendError(reply, 'SHUTTING_DOWN');
    request.ctx = forRequest(deps.ctx, request.id);
  });
  securityHeadersPlugin(app, https);
  compressionPlugin(app);
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
  await app.register(swagger, {
    openapi: {
      info: {
        title: '智能制造能力成熟度评估平台 API',
        description: 'CMMM assessment platform API. Errors: { error: { code, message, issues? } }.',
        version: '0.1.0',
        contact: { name: '平台运营方 · platform operator', url: options.ctx.publicUrl },
      },
      servers: [{ url: options.ctx.publicUrl, description: '本平台 · this platform' }],
      tags: API_TAGS,
    },
    transform: describedOperation,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(async (scope) => {
    rateLimitPlugin(scope, deps.ctx);
    sessionPlugin(scope, deps.ctx);
    hostileInputPlugin(scope);
    healthRoutes(scope);
    modelRoutes(scope, deps);
    authRoutes(scope, deps);
    enterpriseRoutes(scope);
    referenceRoutes(scope);
    adminRoutes(scope);
    selfDiagnosisRoutes(scope);
    assessorRoutes(scope);
    formalAssessmentRoutes(scope);
    formalRatingRoutes(scope);
    formalReportRoutes(scope);
    evidenceRoutes(scope);
    certificationRoutes(scope, deps);
    certificateRoutes(scope);
    registryRoutes(scope);
    dashboardRoutes(scope);
    campaignRoutes(scope);
    indexReportRoutes(scope);
    verifyRoutes(scope);
    pageRoutes(scope);
  });
  return app;
}
