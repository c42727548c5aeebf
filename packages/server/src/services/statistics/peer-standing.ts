// Where a self-diagnosis stands among the valid results of its peers (same industry major class; same
// province), from indexed counts: no peer's score leaves the database. The enterprise's own valid result
// is not its own peer.
import type { ServiceContext } from '../../context.ts';
import type { PeerGroup } from '../../repositories/diagnosis-results.ts';

export const MIN_PEERS = 5;

/** Share of peers scoring lower (ties count half), 0–100 to one decimal; null below MIN_PEERS. */
export function percentileOf({ n, below, equal }: { n: number; below: number; equal: number }): number | null {
  if (n < MIN_PEERS) return null;
  return Math.round(((below + equal / 2) / n) * 1000) / 10;
}

export interface PeerStanding {
  peers: number;
  percentile: number | null;
}

/** The standing of score S among the valid results of one group, the enterprise's own left out. */
export async function peerStandingOf(ctx: ServiceContext, d: { enterpriseId: string; score: number }, group: PeerGroup, value: string): Promise<PeerStanding> {
  const counts = await ctx.repos.diagnosisResults.countPeers(group, value, d.score);
  const own = await ctx.repos.diagnosisResults.findValidResult(d.enterpriseId);
  if (own && (group === 'industry_major' ? own.industry_major : own.province) === value) {
    counts.n -= 1;
    if (own.score < d.score) counts.below -= 1;
    else if (own.score === d.score) counts.equal -= 1;
  }
  return { peers: counts.n, percentile: percentileOf(counts) };
}
