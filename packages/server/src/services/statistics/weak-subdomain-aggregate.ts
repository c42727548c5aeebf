// Keeps diagnosis_weak_aggregate (问题短板) current on the write side: a result that becomes valid below
// 五级 adds its next level's subdomains to its 7 cells (keptCellsOf), the valid result it replaces leaves them —
// one statement per completion, in the completing transaction. Filled at start for results recorded before the table existed.
import { editionIds, editionIndex, requireEdition, type Edition } from '@cmmm/model';
import type { ServiceContext } from '../../context.ts';
import type { EditionShape, WeakCell } from '../../repositories/weak-subdomain-aggregate.ts';
import { keptCellsOf, NODE_SCALE, nodeOrderOf } from './diagnosis-facts.ts';

/** A subdomain "below 0.8" scores below this many ten-thousandths (exact: node scores are kept × 10^4). */
export const BELOW = (NODE_SCALE * 4) / 5;

const shapes = new WeakMap<Edition, EditionShape>();

/** The nodes per level and the 1-based positions of the subdomains in nodeOrderOf(edition). */
export function editionShapeOf(edition: Edition): EditionShape {
  let shape = shapes.get(edition);
  if (!shape) {
    const order = nodeOrderOf(edition);
    const index = editionIndex(edition);
    shape = { id: edition.id, nodes: order.length, positions: order.flatMap((node, i) => (index.node(node)?.kind === 'subdomain' ? [i + 1] : [])) };
    shapes.set(edition, shape);
  }
  return shape;
}

const shippedShapes = () => editionIds().map((id) => editionShapeOf(requireEdition(id)));

/** A valid result as the cells see it. */
export interface WeakSource {
  province: string;
  city: string;
  county: string;
  industryMajor: string;
  level: number;
  editionId: string;
  nodeScores: readonly number[];
}

/** The subdomains assessed at the result's next level (none at 五级, nor when that level was not evaluated): position, below 0.8. */
export function nextLevelSubdomains(s: Pick<WeakSource, 'level' | 'editionId' | 'nodeScores'>): { position: number; below: boolean }[] {
  if (s.level >= 5) return [];
  const { nodes, positions } = editionShapeOf(requireEdition(s.editionId));
  return positions.flatMap((p) => {
    const v = s.nodeScores[s.level * nodes + p - 1];
    return v === undefined || v < 0 ? [] : [{ position: p, below: v < BELOW }];
  });
}

/** The changes of a result becoming valid (`added`) in place of `replaced`: merged per cell, zero changes dropped. */
export function weakDeltasOf(added: WeakSource | null, replaced: WeakSource | null): WeakCell[] {
  const deltas = new Map<string, WeakCell>();
  const change = (s: WeakSource, sign: 1 | -1) => {
    const subdomains = nextLevelSubdomains(s);
    if (!subdomains.length) return;
    const counted = [{ position: 0, below: false }, ...subdomains];
    for (const { region, industry } of keptCellsOf(s)) {
      for (const { position, below } of counted) {
        const key = `${region}|${industry}|${s.editionId}|${position}`;
        const d = deltas.get(key) ?? { region, industry, editionId: s.editionId, position, enterprises: 0, below: 0 };
        d.enterprises += sign;
        if (below) d.below += sign;
        deltas.set(key, d);
      }
    }
  };
  if (added) change(added, 1);
  if (replaced) change(replaced, -1);
  return [...deltas.values()].filter((d) => d.enterprises !== 0 || d.below !== 0);
}

/**
 * In the completing transaction, when a result becomes valid: its cells gain it, those of the valid
 * result it replaces (a diagnosis_result row, whose node scores are read here) lose that one.
 */
export async function recordWeakSubdomains(tx: ServiceContext, added: WeakSource, replaced: { assessment_id: string; province: string; city: string; county: string; industry_major: string; level: number } | undefined): Promise<void> {
  let old: WeakSource | null = null;
  if (replaced && replaced.level < 5) {
    const stored = await tx.repos.weakSubdomainAggregate.findNodeScores(replaced.assessment_id);
    if (stored) old = { province: replaced.province, city: replaced.city, county: replaced.county, industryMajor: replaced.industry_major, level: replaced.level, editionId: stored.editionId, nodeScores: stored.scores };
  }
  await tx.repos.weakSubdomainAggregate.applyWeakDeltas(weakDeltasOf(added, old));
}

/** Every cell recomputed from the valid results (after bulk deletes such as clearing the demo data). */
export const rebuildWeakSubdomains = (tx: ServiceContext) => tx.repos.weakSubdomainAggregate.rebuildWeakAggregate(shippedShapes(), BELOW);

/** What the set-based statements (the bulk demo seed's) need to count the cells. */
export const weakCounting = () => ({ editions: shippedShapes(), threshold: BELOW });

/**
 * At start: fills the cells once for the valid results recorded before the table existed — idempotent,
 * and safe when several servers start at once (the check and the fill under one table lock). Runs
 * before the read side's own backfill, whose completions add to filled cells.
 */
export async function backfillWeakSubdomains(ctx: ServiceContext): Promise<boolean> {
  return ctx.transaction(async (tx) => {
    if (!(await tx.repos.weakSubdomainAggregate.weakAggregateUnfilled())) return false;
    await rebuildWeakSubdomains(tx);
    return true;
  });
}
