// Housekeeping, run by every server from time to time (idempotent, so several servers may overlap):
// expired sessions and rate-limit counters go, browsers unused for a year stop being known devices, and
// 指数报告 older than INDEX_REPORT_DAYS go with their PDFs (a report is made again from the figures of the day).
import type { ServiceContext } from '../../context.ts';

export const KNOWN_DEVICE_DAYS = 365;
export const INDEX_REPORT_DAYS = 30;

export async function removeExpiredState(ctx: ServiceContext): Promise<void> {
  const now = ctx.now();
  await ctx.repos.sessions.deleteExpiredSessions(now);
  await ctx.repos.rateLimits.deleteExpiredCounters(now);
  await ctx.repos.knownDevices.deleteKnownDevicesUnusedSince(new Date(now.getTime() - KNOWN_DEVICE_DAYS * 86_400_000));
  await ctx.repos.indexReports.deleteIndexReportsCreatedBefore(new Date(now.getTime() - INDEX_REPORT_DAYS * 86_400_000));
}
