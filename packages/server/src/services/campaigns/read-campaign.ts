// A campaign's progress (issue 11 §5): distinct enterprises of its region (and class) completing a
// self-diagnosis inside its window (China time) against the target, by city, county and major class, every
// count resting on fewer than k enterprises suppressed as on the dashboards; and the follow-up lists of the
// region's enterprises (names shown: the region's own admin governs them, as in its enterprise list).
import { MIN_GROUP_SIZE, type CampaignProgress, type FollowUpKind, type FollowUpPage } from '@cmmm/contract';
import { findIndustry, regionPath } from '@cmmm/reference';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import type { Actor } from '../../policy.ts';
import type { ProgressCount } from '../../repositories/campaigns.ts';
import { cursorOf, ENTERPRISE_COUNT_CAP, parseCursor } from '../enterprises/read-enterprises.ts';
import { countOf, hiddenGroups, percentOf, regionRef } from '../statistics/figures.ts';
import { campaignPrefix, campaignViewOf, daysLeftOf, windowOf } from './campaign-view.ts';
import { manageableCampaign } from './manage-campaigns.ts';

/** A result older than this many days is stale: the enterprise is asked to diagnose again. */
export const STALE_AFTER_DAYS = 365;

type Group = CampaignProgress['progress']['byCity'][number];
type RegionLevel = 'province' | 'city' | 'county';
const REGION_LEVELS: readonly RegionLevel[] = ['province', 'city', 'county'];

/** Groups as shown, those in `hidden` suppressed, the largest first. */
function groupsOf(counts: readonly ProgressCount[], hidden: ReadonlySet<string>, refOf: (key: string) => { code: string | null; name: string }): Group[] {
  return counts
    .map((c) => ({ code: refOf(c.key).code ?? c.key, name: refOf(c.key).name, completed: hidden.has(c.key) ? countOf(0) : countOf(c.enterprises) }))
    .sort((a, b) => (b.completed.value ?? -1) - (a.completed.value ?? -1) || a.code.localeCompare(b.code));
}

/**
 * The regions of one level to hide: every child of a hidden parent, and within each shown parent (the level
 * above, or the campaign's total) those hiddenGroups hides — else a parent minus its shown children would
 * give a hidden child away.
 */
function hiddenWithinParents(children: readonly ProgressCount[], parentOf: (key: string) => string, parents: ReadonlyMap<string, number>, hiddenParents: ReadonlySet<string>): Set<string> {
  const byParent = new Map<string, ProgressCount[]>();
  for (const c of children) byParent.set(parentOf(c.key), [...(byParent.get(parentOf(c.key)) ?? []), c]);
  const hidden = new Set<string>();
  for (const [parent, group] of byParent) {
    const hide = hiddenParents.has(parent) ? new Set(group.map((c) => c.key)) : hiddenGroups(group, parents.get(parent) ?? 0);
    for (const key of hide) hidden.add(key);
  }
  return hidden;
}

/** The progress from the counts read (pure: the tests recompute it from raw rows). */
export function progressOf(prefix: string, target: number, counts: readonly ProgressCount[]): Pick<CampaignProgress['progress'], 'completed' | 'percent' | 'byProvince' | 'byCity' | 'byCounty' | 'byIndustry'> {
  const total = counts.find((c) => c.group === 'all')?.enterprises ?? 0;
  const completed = countOf(total);
  const of = (group: ProgressCount['group']) => counts.filter((c) => c.group === group);
  const byRegion: Record<RegionLevel, Group[]> = { province: [], city: [], county: [] };
  // two levels below the campaign's region at most (the nation: provinces and cities), each hidden within its parent
  let parents: ReadonlyMap<string, number> = new Map([['', total]]);
  let hiddenParents: ReadonlySet<string> = new Set();
  for (const level of REGION_LEVELS.filter((_, i) => (i + 1) * 2 > prefix.length && (i + 1) * 2 <= prefix.length + 4)) {
    const groups = of(level);
    const parentOf = (key: string) => (key.length - 2 <= prefix.length ? '' : key.slice(0, -2));
    const hidden = hiddenWithinParents(groups, parentOf, parents, hiddenParents);
    byRegion[level] = groupsOf(groups, hidden, regionRef);
    parents = new Map(groups.map((g) => [g.key, g.enterprises]));
    hiddenParents = hidden;
  }
  const industries = of('industry');
  return {
    completed,
    percent: completed.suppressed ? null : percentOf(total, target),
    byProvince: byRegion.province,
    byCity: byRegion.city,
    byCounty: byRegion.county,
    byIndustry: groupsOf(industries, hiddenGroups(industries, total), (key) => ({ code: key, name: findIndustry(key)?.name ?? key })),
  };
}

export async function readCampaign(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<CampaignProgress> {
  const row = await manageableCampaign(ctx, actor, input.id);
  const prefix = campaignPrefix(row);
  // Figures that may lag by the replication delay: the read replica's, when there is one.
  const counts = await ctx.reporting.campaigns.countCompletedInWindow({ region: prefix, industryMajor: row.industry_major, ...windowOf(row.starts_on, row.ends_on) });
  const today = beijingDay(ctx.now());
  const view = campaignViewOf(row, today);
  return {
    ...view,
    progress: {
      minGroupSize: MIN_GROUP_SIZE,
      ...progressOf(prefix, row.target, counts),
      daysLeft: view.status === 'closed' ? 0 : daysLeftOf(row.ends_on, today),
      today,
    },
  };
}

/**
 * A follow-up list of the campaign's region (and class): `never` the enterprises registered that never
 * completed a self-diagnosis (newest first), `stale` those whose valid result is older than 365 days (oldest
 * first). Keyset pages (`after` the previous page's `next`); counted exactly up to 10,000.
 */
export async function listFollowUp(ctx: ServiceContext, actor: Actor | null, input: { id: string; kind: FollowUpKind; after?: string; pageSize: number }): Promise<FollowUpPage> {
  const row = await manageableCampaign(ctx, actor, input.id);
  const filter = { region: campaignPrefix(row), industryMajor: row.industry_major };
  const before = new Date(ctx.now().getTime() - STALE_AFTER_DAYS * 86_400_000);
  const after = input.after === undefined ? undefined : parseCursor(input.after);
  const key = after && { at: after.createdAt, id: after.id };
  const repo = ctx.reporting.campaigns;
  const [rows, counted] = await Promise.all([
    input.kind === 'never' ? repo.listNeverCompleted(filter, key, input.pageSize + 1) : repo.listStaleResults(filter, before, key, input.pageSize + 1),
    repo.countFollowUp(input.kind, filter, before, ENTERPRISE_COUNT_CAP + 1),
  ]);
  const page = rows.slice(0, input.pageSize);
  const last = page[page.length - 1];
  return {
    kind: input.kind,
    enterprises: page.map((e) => ({
      id: e.id,
      name: e.name,
      creditCode: e.credit_code,
      regionCode: e.region_code,
      regionPath: regionPath(e.region_code),
      industryCode: e.industry_code,
      industryName: findIndustry(e.industry_code)?.name ?? e.industry_code,
      contactName: e.contact_name,
      contactMobile: e.contact_mobile,
      registeredAt: e.created_at.toISOString(),
      lastCompletedAt: e.last_completed_at ? new Date(e.last_completed_at).toISOString() : null,
    })),
    next: rows.length > input.pageSize && last ? cursorOf({ createdAt: last.key_at, id: last.id }) : null,
    total: Math.min(counted, ENTERPRISE_COUNT_CAP),
    totalCapped: counted > ENTERPRISE_COUNT_CAP,
  };
}
