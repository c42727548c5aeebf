// 填报次数限制 (seed 001 §2.1): at most 3 self-diagnoses per enterprise in a calendar month, counted in
// China Standard Time (UTC+8, no daylight saving) — the month a Chinese user sees on the calendar.
import type { Quota } from '@cmmm/contract';
import { CST_OFFSET_MS } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';

export const MONTHLY_LIMIT = 3;

/** The calendar month (in UTC+8) containing `now`, as instants [start, end). */
export function monthWindow(now: Date): { start: Date; end: Date } {
  const local = new Date(now.getTime() + CST_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  return {
    start: new Date(Date.UTC(year, month, 1) - CST_OFFSET_MS),
    end: new Date(Date.UTC(year, month + 1, 1) - CST_OFFSET_MS),
  };
}

/** This month's use of an enterprise's self-diagnoses. */
export async function quotaOf(ctx: ServiceContext, enterpriseId: string): Promise<Quota> {
  const { start, end } = monthWindow(ctx.now());
  const used = await ctx.repos.selfDiagnoses.countSelfDiagnosesSince(enterpriseId, start, end);
  return { limit: MONTHLY_LIMIT, used, remaining: Math.max(0, MONTHLY_LIMIT - used), windowStart: start.toISOString(), windowEnd: end.toISOString() };
}
