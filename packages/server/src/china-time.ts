// China Standard Time (UTC+8, no daylight saving): the calendar Chinese users see.
export const CST_OFFSET_MS = 8 * 3_600_000;

/** The date in China Standard Time, as YYYY-MM-DD. */
export const beijingDay = (at: Date): string => new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
