// Number and date formatting for the report. Pure.

/**
 * An exact fraction ("p/q" or "p") to `decimals` places, rounded down, so that a displayed level
 * score never reads 0.80 while the level is not reached and S never leaves its level's band.
 */
export function floorFraction(exact: string, decimals = 2): string {
  const [p = '0', q = '1'] = exact.split('/');
  const num = BigInt(p);
  const den = BigInt(q);
  const scale = 10n ** BigInt(decimals);
  let scaled = (num * scale) / den; // truncates toward zero
  if (num < 0n && (num * scale) % den !== 0n) scaled -= 1n;
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return `${negative ? '-' : ''}${whole}${decimals ? `.${frac}` : ''}`;
}

/**
 * What a level score lacks to 0.80, from its exact fraction, with two decimals: the shown level score
 * (rounded down) plus the shortfall is exactly 0.80 (0.5536 → 0.55 and 0.25).
 */
export function shortfallText(levelScoreExact: string): string {
  const shown = Number(floorFraction(levelScoreExact, 2).replace('.', ''));
  return (Math.max(0, 80 - shown) / 100).toFixed(2);
}

/** A gain in a score with two decimals, +0.12; one too small for two decimals reads +<0.01, never +0.00. */
export const gainText = (x: number): string => (x > 0 && x < 0.005 ? '+<0.01' : `+${fixed(x, 2)}`);

/** A double to fixed decimals, rounding half up (the tiny epsilon absorbs binary representation). */
export function fixed(x: number, decimals = 2): string {
  const scale = 10 ** decimals;
  const r = Math.round(x * scale + Math.sign(x) * 1e-9) / scale;
  return r.toFixed(decimals);
}

/** A double to `decimals` places rounded down (the epsilon absorbs binary representation). */
export function floorFixed(x: number, decimals = 2): string {
  const scale = 10 ** decimals;
  return (Math.floor(x * scale + 1e-9) / scale).toFixed(decimals);
}

/** A node score (0–1) with two decimals rounded down like the level scores, or "—" when absent. */
export const nodeScore = (x: number | null): string => (x === null ? '—' : floorFixed(x, 2));

/** A weight 0–1 as a percentage with one decimal. */
export const percent = (x: number, decimals = 1): string => `${fixed(x * 100, decimals)}%`;

/** The date in China (UTC+8, no daylight saving), in the report's language. */
export function formatDate(date: Date, language: 'zh-CN' | 'en'): string {
  const d = new Date(date.getTime() + 8 * 3600_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  if (language === 'zh-CN') return `${y}年${m}月${day}日`;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${day} ${months[m - 1]} ${y}`;
}
