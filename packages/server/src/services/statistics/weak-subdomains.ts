// 问题短板 (issue 11 §2): the weakest subdomains of a region, by major class and by the regions one level
// down — the share of enterprises whose subdomain scores below 0.8 at their next level (the first level
// their valid result did not reach), from the node scores kept with each result. k-anonymous like the
// rest of the dashboard: a share is shown only when ≥ k enterprises are below, a group only with ≥ k.
// Read from diagnosis_weak_aggregate, kept current by the completions (weak-subdomain-aggregate.ts).
import { MIN_GROUP_SIZE, type WeakSubdomains } from '@cmmm/contract';
import { editionIds, editionIndex, requireEdition } from '@cmmm/model';
import { findIndustry } from '@cmmm/reference';
import type { ServiceContext } from '../../context.ts';
import { nodeOrderOf } from './diagnosis-facts.ts';
import { countOf, hiddenGroups, percentOf, regionRef, TOP } from './figures.ts';
import { editionShapeOf, weakCounting } from './weak-subdomain-aggregate.ts';

/** The counts of one group for one subdomain (id), or for the group as a whole (null). */
export interface SubdomainCount {
  /** 'all' the region; 'industry' a GB/T 4754 major class; 'region' a region one level down. */
  group: 'all' | 'industry' | 'region';
  key: string;
  subdomain: string | null;
  enterprises: number;
  below: number;
}

type WeakRow = WeakSubdomains['top'][number];

const rowOf = (c: SubdomainCount, names: ReadonlyMap<string, string>): WeakRow => ({
  id: c.subdomain!,
  name: names.get(c.subdomain!) ?? c.subdomain!,
  enterprises: c.enterprises,
  below: countOf(c.below),
  share: c.below >= MIN_GROUP_SIZE ? percentOf(c.below, c.enterprises) : null,
});

/** Shown rows, weakest first (highest share, then by id). */
const ranked = (rows: WeakRow[]) => rows.filter((r) => r.share !== null).sort((a, b) => b.share! - a.share! || a.id.localeCompare(b.id));

/** The figures from the counts read (pure: the tests recompute them from raw rows). */
export function weakSubdomainsOf(counts: readonly SubdomainCount[], names: ReadonlyMap<string, string>): WeakSubdomains {
  const all = counts.filter((c) => c.group === 'all');
  const total = all.find((c) => c.subdomain === null)?.enterprises ?? 0;
  const subdomains = all.filter((c) => c.subdomain !== null).map((c) => rowOf(c, names));
  const top = ranked(subdomains);
  const groupsOf = (group: 'industry' | 'region', nameOf: (key: string) => string) => {
    const totals = counts.filter((c) => c.group === group && c.subdomain === null && c.enterprises > 0);
    const hidden = hiddenGroups(totals.map((c) => ({ key: c.key, enterprises: c.enterprises })), total);
    return totals
      .filter((g) => !hidden.has(g.key))
      .map((g) => ({
        code: group === 'region' ? regionRef(g.key).code! : g.key,
        name: nameOf(g.key),
        enterprises: g.enterprises,
        weakest: ranked(counts.filter((c) => c.group === group && c.key === g.key && c.subdomain !== null).map((c) => rowOf(c, names)))[0] ?? null,
      }))
      .sort((a, b) => (b.weakest?.share ?? -1) - (a.weakest?.share ?? -1) || a.code.localeCompare(b.code));
  };
  return {
    enterprises: countOf(total),
    top: top.slice(0, TOP),
    suppressed: subdomains.length - top.length,
    byIndustry: groupsOf('industry', (key) => findIndustry(key)?.name ?? key),
    byRegion: groupsOf('region', (key) => regionRef(key).name),
  };
}

const keyOf = (c: SubdomainCount) => `${c.group}|${c.key}|${c.subdomain ?? ''}`;

/**
 * The region's 问题短板 ('' the nation, else significant digits) from the cells kept on the write side
 * (weak-subdomain-aggregate.ts), the positions of each shipped edition named and merged by subdomain id;
 * with `industryMajor`, those of that major class alone (its group's counts; no groups below it).
 */
export async function readWeakSubdomains(ctx: ServiceContext, prefix: string, industryMajor?: string): Promise<WeakSubdomains> {
  const cells = await ctx.reporting.weakSubdomainAggregate.readWeakCells(prefix, weakCounting());
  const orders = new Map(editionIds().map((id) => [id, nodeOrderOf(requireEdition(id))] as const));
  const merged = new Map<string, SubdomainCount>();
  const names = new Map<string, string>();
  for (const id of editionIds()) {
    const edition = requireEdition(id);
    const order = orders.get(id)!;
    const index = editionIndex(edition);
    for (const p of editionShapeOf(edition).positions) names.set(order[p - 1]!, index.name(order[p - 1]!) ?? order[p - 1]!);
  }
  for (const c of cells) {
    const order = orders.get(c.editionId);
    if (!order) continue; // an edition no longer shipped
    const group = c.region !== prefix ? 'region' : c.industry ? 'industry' : 'all';
    const count: SubdomainCount = {
      group,
      key: group === 'region' ? c.region : c.industry,
      subdomain: c.position === 0 ? null : order[c.position - 1]!,
      enterprises: c.enterprises,
      below: c.below,
    };
    const before = merged.get(keyOf(count));
    merged.set(keyOf(count), before ? { ...count, enterprises: before.enterprises + count.enterprises, below: before.below + count.below } : count);
  }
  const counts = [...merged.values()];
  if (industryMajor === undefined) return weakSubdomainsOf(counts, names);
  return weakSubdomainsOf(
    counts.filter((c) => c.group === 'industry' && c.key === industryMajor).map((c) => ({ ...c, group: 'all' as const, key: '' })),
    names,
  );
}
