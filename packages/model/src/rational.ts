// Exact rational numbers over BigInt. Used where exactness matters and speed does not:
// weight sums, compiling the integer coefficients of a scoring plan, and the reference scorer.

export interface Rational {
  readonly num: bigint;
  readonly den: bigint; // always > 0, gcd(num, den) = 1
}

const abs = (a: bigint): bigint => (a < 0n ? -a : a);

export function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export const lcm = (a: bigint, b: bigint): bigint => (a === 0n || b === 0n ? 0n : abs(a * b) / gcd(a, b));

export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('rational: zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { num: n / g, den: d / g };
}

export const ZERO = rational(0);
export const ONE = rational(1);

export const add = (a: Rational, b: Rational): Rational => rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Rational, b: Rational): Rational => rational(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);
export const div = (a: Rational, b: Rational): Rational => rational(a.num * b.den, a.den * b.num);
export const compare = (a: Rational, b: Rational): -1 | 0 | 1 => {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const sum = (xs: Iterable<Rational>): Rational => {
  let s = ZERO;
  for (const x of xs) s = add(s, x);
  return s;
};

/**
 * The exact value of a finite decimal number as JSON writes it (0.46 → 23/50).
 * Weights are data typed by people as decimals, so their decimal text is their meaning.
 */
export function fromDecimal(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(x));
  if (!m) throw new RangeError(`not a decimal: ${x}`);
  const [, sign, int, frac = '', exp = '0'] = m;
  const digits = BigInt(`${sign}${int}${frac}`);
  const scale = Number(exp) - frac.length;
  return scale >= 0 ? rational(digits * 10n ** BigInt(scale)) : rational(digits, 10n ** BigInt(-scale));
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The nearest double (correctly rounded when numerator and denominator are safe integers). */
export function toNumber(r: Rational): number {
  if (abs(r.num) <= SAFE && r.den <= SAFE) return Number(r.num) / Number(r.den);
  // Scale to 64 significant bits first; the result is within one unit in the last place.
  const shift = BigInt(Math.max(0, r.den.toString(2).length - abs(r.num).toString(2).length + 64));
  return Number((r.num << shift) / r.den) / 2 ** Number(shift);
}

export const toString = (r: Rational): string => (r.den === 1n ? `${r.num}` : `${r.num}/${r.den}`);
