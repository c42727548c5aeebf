// What the routes are built with.
import type { ServiceContext } from './context.ts';

export interface RateLimits {
  /** Requests per minute and client address. */
  register: number;
  login: number;
  reset: number;
  /** Anonymous scoring (POST /api/score): each call compiles or reuses a plan and scores. */
  score: number;
  /** Objections to a 公示, per hour and client address. */
  objection: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { register: 5, login: 10, reset: 3, score: 120, objection: 5 };

export interface AppDeps {
  ctx: ServiceContext;
  cookieSecure: boolean;
  rateLimits: RateLimits;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The service context for this request (carries its request id into audit events). */
    ctx: ServiceContext;
  }
}
