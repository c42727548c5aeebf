// China Standard Time (UTC+8, no daylight saving): the calendar Chinese users see.
export const CST_OFFSET_MS = 8 * 3_600_000;

/** The date in China Standard Time, as YYYY-MM-DD. */
export const beijingDay = (at: Date): string => new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);

/** A calendar day `days` after (or before) `day`, both YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day of a validity of `years` from `day` (3 years from 2026-12-30 → 2029-12-29; from 29 February → 28 February). */
export function lastDayOfYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0); // 29 February in a common year: the month's last day
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}
