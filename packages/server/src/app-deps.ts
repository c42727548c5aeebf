// What the routes are built with.
import type { ServiceContext } from './context.ts';

export interface RateLimits {
  /** Requests per minute and client address. */
  register: number;
  login: number;
  reset: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { register: 5, login: 10, reset: 3 };

export interface AppDeps {
  ctx: ServiceContext;
  cookieSecure: boolean;
  rateLimits: RateLimits;
}
