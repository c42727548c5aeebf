// The plan cache behind assess(): a hit returns the very same plan; the cache stays bounded.
import { describe, expect, it } from 'vitest';
import { LruCache } from '../src/lru-cache.ts';
import { PLAN_CACHE_CAPACITY, planFor, requireEdition, type ScoringPlan } from '../src/index.ts';

const edition = requireEdition();

function plan(tailored: readonly string[]): ScoringPlan {
  const got = planFor(edition, 'discrete', tailored);
  if (!got.ok) throw new Error(JSON.stringify(got.issues));
  return got.value;
}

/** Distinct valid tailorings: every subset of some tailorable subdomains (2⁸ = 256 of them). */
function tailorings(count: number): string[][] {
  const tailorable = edition.elements.flatMap((e) => e.domains.filter((d) => d.tailorable).flatMap((d) => d.subdomains.map((s) => s.id))).slice(0, 8);
  expect(2 ** tailorable.length).toBeGreaterThanOrEqual(count);
  return Array.from({ length: count }, (_, n) => tailorable.filter((_, bit) => (n >> bit) & 1));
}

describe('planFor', () => {
  it('returns the same plan object on a hit, whatever the order or repetition of the tailoring', () => {
    const first = plan(['M3-1', 'M1-1']);
    expect(plan(['M1-1', 'M3-1', 'M1-1'])).toBe(first);
  });

  it('keeps at most PLAN_CACHE_CAPACITY plans, dropping the least recently used', () => {
    const [kept, dropped, ...others] = tailorings(PLAN_CACHE_CAPACITY + 2).reverse();
    const keptPlan = plan(kept!);
    const droppedPlan = plan(dropped!);
    for (const t of others) {
      plan(t);
      expect(plan(kept!)).toBe(keptPlan); // used all along: never the least recent
    }
    // CAPACITY distinct plans came after `dropped`, counting `kept`: it was evicted and is compiled anew.
    const again = plan(dropped!);
    expect(again).not.toBe(droppedPlan);
    expect(again.requirementIds).toEqual(droppedPlan.requirementIds);
  });
});

describe('LruCache', () => {
  it('never holds more than its capacity and refreshes an entry on get', () => {
    const cache = new LruCache<string, number>(3);
    for (const [i, key] of ['a', 'b', 'c'].entries()) cache.set(key, i);
    expect(cache.get('a')).toBe(0); // a is now the most recent
    cache.set('d', 3);
    expect(cache.size).toBe(3);
    expect(['a', 'b', 'c', 'd'].map((k) => cache.get(k))).toEqual([0, undefined, 2, 3]);
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBe(3);
  });

  it('refuses a capacity below one', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
