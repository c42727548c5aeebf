// Housekeeping, run by every server from time to time (idempotent, so several servers may overlap):
// expired sessions and rate-limit counters go, and browsers unused for a year stop being known devices.
import type { ServiceContext } from '../../context.ts';

export const KNOWN_DEVICE_DAYS = 365;

export async function removeExpiredState(ctx: ServiceContext): Promise<void> {
  const now = ctx.now();
  await ctx.repos.sessions.deleteExpiredSessions(now);
  await ctx.repos.rateLimits.deleteExpiredCounters(now);
  await ctx.repos.knownDevices.deleteKnownDevicesUnusedSince(new Date(now.getTime() - KNOWN_DEVICE_DAYS * 86_400_000));
}
