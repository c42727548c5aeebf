// Housekeeping, run by every server from time to time (idempotent, so several servers may overlap):
// expired sessions and rate-limit counters go.
import type { ServiceContext } from '../../context.ts';

export async function removeExpiredState(ctx: ServiceContext): Promise<void> {
  const now = ctx.now();
  await ctx.repos.sessions.deleteExpiredSessions(now);
  await ctx.repos.rateLimits.deleteExpiredCounters(now);
}
