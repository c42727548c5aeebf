// Request rate limits per route and client address, counted in the database so that every server
// shares them (a second server does not double the allowance). A route opts in with
// `config: { rateLimit: { bucket, max } }`; the check runs before the body is even parsed.
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context.ts';
import { sendError } from '../errors.ts';

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
    const windowMs = limit.windowMs ?? 60_000;
    const now = ctx.now();
    const { hits, resetAt } = await ctx.repos.rateLimits.hitCounter(`rl:${limit.bucket}:${request.ip}`, windowMs, now);
    if (hits > limit.max) {
      reply.header('retry-after', String(Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000))));
      return sendError(reply, 'RATE_LIMITED');
    }
  });
}
