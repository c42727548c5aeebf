// Dates in China Standard Time (the month of the 3-per-month rule is a Beijing calendar month), grades, scores.
import type { Grade } from '../api.ts';
import type { MessageKey } from '../locales/zh-CN.ts';

const BEIJING = 'Asia/Shanghai';

function parts(iso: string | Date): Record<string, string> {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: BEIJING, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
}

/** 2025-06-01 (Beijing). */
export function beijingDate(iso: string | Date): string {
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 2025-06-01 14:05 (Beijing). */
export function beijingDateTime(iso: string | Date): string {
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The last day of a window whose end is exclusive (the first instant of the next month). */
export function lastDayOf(windowEnd: string): string {
  return beijingDate(new Date(new Date(windowEnd).getTime() - 1));
}

export const GRADE_KEYS: Record<Grade, MessageKey> = {
  FI: 'sd.grade.FI',
  LI: 'sd.grade.LI',
  PI: 'sd.grade.PI',
  NI: 'sd.grade.NI',
  NA: 'sd.grade.NA',
};
export const RATED: readonly Grade[] = ['FI', 'LI', 'PI', 'NI'];

/** Hundredths of a score, rounded down (the epsilon absorbs binary representation). */
const hundredths = (x: number): number => Math.floor(x * 100 + 1e-9);

/**
 * A score with two decimals, rounded down like the report's, so that a level not reached never reads
 * 0.80 and the page and the PDF show the same figures.
 */
export const score2 = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : (hundredths(x) / 100).toFixed(2));

/** What a level score shown as score2 lacks to the 0.80 of a reached level: 0.5536 → 0.25 (0.55 + 0.25 = 0.80). */
export const shortfall2 = (levelScore: number): string => (Math.max(0, 80 - hundredths(levelScore)) / 100).toFixed(2);

/** A gain in a score with two decimals: +0.12; a gain too small for two decimals reads +<0.01, never +0.00. */
export const gain2 = (x: number): string => (x > 0 && x < 0.005 ? '+<0.01' : `+${(Math.round(x * 100 + 1e-9) / 100).toFixed(2)}`);

export const levelKey = (level: number): MessageKey => `home.levelName.${level}` as MessageKey;
export const levelLabelKey = (level: number): MessageKey => `sd.levelLabel.${level}` as MessageKey;
