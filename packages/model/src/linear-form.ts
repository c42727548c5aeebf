// Exactness without slowness. At one level, every node score is a fixed linear combination of its
// subdomains' grade sums: score_X = Σ_s c_s · sum_s / D_X, where sum_s is the sum of grade tenths
// (FI 10, LI 8, PI 5, NI 0) and c_s, D_X are integers. They come from the renormalised weights
// (scoring-rules.md rule 2) and the number of answered items, computed once in exact rationals.
// Scoring is then integer dot products: exact in doubles while 6·D stays a safe integer, and in
// BigInt beyond that. The 0.8 gate is the integer test 5·N ≥ 4·D — no rounding can touch it.
import { div, lcm, mul, rational, sum, toNumber, type Rational } from './rational.ts';

export interface LinearForm {
  /** The subdomains that count in this node (sparse), and their c_s as Numbers. */
  readonly terms: Int32Array;
  readonly coefs: Float64Array;
  readonly den: number;
  /** c_s by plan subdomain index (0n where the subdomain is absent or outside this node). */
  readonly bigCoef: readonly bigint[];
  readonly bigDen: bigint;
  /** True when every numerator up to 6·D is a safe integer, so the Number path is exact. */
  readonly safe: boolean;
}

/** The tree shape a form set is built over (the assessed, untailored part of an edition). */
export interface FormTree {
  readonly elements: readonly { weight: Rational; domains: readonly number[] }[];
  readonly domains: readonly { weight: Rational; subdomains: readonly number[] }[];
  readonly subdomains: readonly { weight: Rational }[];
}

/** All forms of one level, for one set of answered-item counts. */
export interface FormSet {
  /** Items counted in each subdomain's mean (NA leaves it); 0 = the subdomain is absent. */
  readonly counts: Int32Array;
  readonly root: LinearForm;
  /** null where the node is absent. */
  readonly elements: readonly (LinearForm | null)[];
  readonly domains: readonly (LinearForm | null)[];
  /** Each node's weight renormalised over its present siblings (0 when absent), for display. */
  readonly elementWeight: Float64Array;
  readonly domainWeight: Float64Array;
  readonly subdomainWeight: Float64Array;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function linearForm(subdomainCount: number, factors: ReadonlyMap<number, Rational>): LinearForm {
  const den = [...factors.values()].reduce((acc, q) => lcm(acc, q.den), 1n);
  const bigCoef = Array.from({ length: subdomainCount }, (_, s) => {
    const q = factors.get(s);
    return q ? (q.num * den) / q.den : 0n;
  });
  const terms = Int32Array.from([...factors.keys()].sort((a, b) => a - b));
  return {
    terms,
    coefs: Float64Array.from(terms, (s) => Number(bigCoef[s])),
    den: Number(den),
    bigCoef,
    bigDen: den,
    safe: 6n * den <= MAX_SAFE,
  };
}

/** Weights of the present children renormalised to sum to 1: w'_i = w_i / Σ w_j (present j). */
function renormalise(weights: readonly Rational[], present: readonly boolean[]): Rational[] {
  const total = sum(weights.filter((_, i) => present[i]));
  return weights.map((w, i) => (present[i] ? div(w, total) : rational(0)));
}

export function buildFormSet(tree: FormTree, counts: Int32Array): FormSet {
  const nS = tree.subdomains.length;
  const subPresent = Array.from(counts, (n) => n > 0);
  const domPresent = tree.domains.map((d) => d.subdomains.some((s) => subPresent[s]));
  const elPresent = tree.elements.map((e) => e.domains.some((d) => domPresent[d]));

  const subW = new Array<Rational>(nS).fill(rational(0));
  for (const d of tree.domains) {
    const rw = renormalise(d.subdomains.map((s) => tree.subdomains[s]!.weight), d.subdomains.map((s) => subPresent[s]!));
    d.subdomains.forEach((s, i) => (subW[s] = rw[i]!));
  }
  const domW = new Array<Rational>(tree.domains.length).fill(rational(0));
  for (const e of tree.elements) {
    const rw = renormalise(e.domains.map((d) => tree.domains[d]!.weight), e.domains.map((d) => domPresent[d]!));
    e.domains.forEach((d, i) => (domW[d] = rw[i]!));
  }
  const elW = renormalise(tree.elements.map((e) => e.weight), elPresent);

  // q_s = (weight of s within the node) / (10 · n_s): the factor of sum_s in the node's score.
  const perItem = (s: number) => rational(1n, 10n * BigInt(counts[s]!));
  const domainTerms = (d: number) =>
    new Map(tree.domains[d]!.subdomains.filter((s) => subPresent[s]).map((s) => [s, mul(subW[s]!, perItem(s))]));
  const elementTerms = (e: number) =>
    new Map(
      tree.elements[e]!.domains.flatMap((d) => [...domainTerms(d)].map(([s, q]) => [s, mul(domW[d]!, q)] as const)),
    );
  const rootTerms = new Map(
    tree.elements.flatMap((_, e) => [...elementTerms(e)].map(([s, q]) => [s, mul(elW[e]!, q)] as const)),
  );

  return {
    counts,
    root: linearForm(nS, rootTerms),
    elements: tree.elements.map((_, e) => (elPresent[e] ? linearForm(nS, elementTerms(e)) : null)),
    domains: tree.domains.map((_, d) => (domPresent[d] ? linearForm(nS, domainTerms(d)) : null)),
    elementWeight: Float64Array.from(elW, toNumber),
    domainWeight: Float64Array.from(domW, toNumber),
    subdomainWeight: Float64Array.from(subW, toNumber),
  };
}

/** Σ c_s · sum_s as an exact fraction of the form (numerator as Number when safe, else BigInt). */
export function numerator(form: LinearForm, sums: readonly number[]): number | bigint {
  if (form.safe) {
    let n = 0;
    const { terms, coefs } = form;
    for (let i = 0; i < terms.length; i++) n += coefs[i]! * sums[terms[i]!]!;
    return n;
  }
  let n = 0n;
  form.bigCoef.forEach((c, s) => (n += c * BigInt(sums[s]!)));
  return n;
}

/** The node score N / D as the nearest double. */
export function fractionValue(form: LinearForm, num: number | bigint): number {
  return typeof num === 'number' ? num / form.den : toNumber(rational(num, form.bigDen));
}

/** The exact score N / D. */
export const exactFraction = (form: LinearForm, num: number | bigint): Rational => rational(num, form.bigDen);
