// Request rate limits: one hit on the shared counter of (bucket, client address). Run by the
// rate-limit plugin before the route (so it takes no actor: it runs before anyone is known).
import type { ServiceContext } from '../../context.ts';

/** Whether the request is over the limit, and when the window ends. */
export async function countRequest(ctx: ServiceContext, input: { bucket: string; client: string; max: number; windowMs: number }): Promise<{ over: boolean; retryAfterSeconds: number }> {
  const now = ctx.now();
  const { hits, resetAt } = await ctx.repos.rateLimits.hitCounter(`rl:${input.bucket}:${input.client}`, input.windowMs, now);
  return { over: hits > input.max, retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)) };
}
