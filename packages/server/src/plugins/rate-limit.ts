// Request rate limits per route and client address, counted in the database so that every server
// shares them (a second server does not double the allowance). A route opts in with
// `config: { rateLimit: { bucket, max } }`; the check runs before the body is even parsed.
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context.ts';
import { sendError } from '../errors.ts';
import { countRequest } from '../services/platform/count-request.ts';

export interface RouteRateLimit {
  /** Counter name; routes sharing a bucket share the allowance. */
  bucket: string;
  /** Requests per window and client address. */
  max: number;
  windowMs?: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    rateLimit?: RouteRateLimit;
  }
}

export function rateLimitPlugin(app: FastifyInstance, ctx: ServiceContext) {
  app.addHook('onRequest', async (request, reply) => {
    const limit = request.routeOptions.config?.rateLimit;
    if (!limit) return;
    const { over, retryAfterSeconds } = await countRequest(ctx, { bucket: limit.bucket, client: request.ip, max: limit.max, windowMs: limit.windowMs ?? 60_000 });
    if (over) return sendError(reply.header('retry-after', String(retryAfterSeconds)), 'RATE_LIMITED');
  });
}
