// All SQL about 推进活动: the campaigns, their progress (distinct enterprises completing inside the window, from
// the (region, completed_at) indexes of diagnosis_result) and the follow-up lists, paged by keyset.
import { likePrefix } from '@cmmm/db';
import { sql } from 'kysely';
import type { Db } from './db-types.ts';

export interface NewCampaign {
  id: string;
  regionCode: string | null;
  title: string;
  target: number;
  industryMajor: string | null;
  startsOn: string;
  endsOn: string;
  createdBy: string;
}

export async function insertCampaign(db: Db, c: NewCampaign): Promise<void> {
  await db
    .insertInto('campaign')
    .values({ id: c.id, region_code: c.regionCode, title: c.title, target: c.target, industry_major: c.industryMajor, starts_on: c.startsOn, ends_on: c.endsOn, created_by: c.createdBy })
    .execute();
}

export const findCampaign = (db: Db, id: string) => db.selectFrom('campaign').selectAll().where('id', '=', id).executeTakeFirst();

/** The row, locked until the transaction ends (an update and a close do not cross). */
export const lockCampaign = (db: Db, id: string) => db.selectFrom('campaign').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export async function updateCampaign(db: Db, id: string, change: { title: string; target: number; industryMajor: string | null; startsOn: string; endsOn: string }, at: Date): Promise<void> {
  await db
    .updateTable('campaign')
    .set({ title: change.title, target: change.target, industry_major: change.industryMajor, starts_on: change.startsOn, ends_on: change.endsOn, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function closeCampaign(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('campaign').set({ closed_at: at, updated_at: at }).where('id', '=', id).execute();
}

/** Campaigns of a region and the regions inside it (significant digits; '' all), open ones first, newest first. */
export const listCampaigns = (db: Db, regionPrefix: string, limit: number) =>
  db
    .selectFrom('campaign')
    .selectAll()
    .$if(regionPrefix !== '', (q) => q.where('region_code', 'like', likePrefix(regionPrefix)))
    .orderBy(sql`closed_at is not null`)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

/** The column of diagnosis_result and enterprise holding a region of these significant digits (2 / 4 / 6). */
const regionColumn = (prefix: string) => (prefix.length <= 2 ? 'province' : prefix.length <= 4 ? 'city' : 'county');

/** The condition that a row of `alias` lies in the region of these significant digits; none for the nation (''). */
const inRegion = (alias: 'd' | 'e', prefix: string) => (prefix === '' ? sql<boolean>`true` : sql<boolean>`${sql.ref(`${alias}.${regionColumn(prefix)}`)} = ${prefix}`);

/** Distinct enterprises completing inside [from, to): in all, by province, city, county and major class. */
export interface ProgressCount {
  group: 'all' | 'province' | 'city' | 'county' | 'industry';
  key: string;
  enterprises: number;
}

type GroupingRow = { g_province: number; g_city: number; g_county: number; g_industry: number; province: string | null; city: string | null; county: string | null; industry: string | null; n: string | number };
const GROUPED_BY = [['g_province', 'province'], ['g_city', 'city'], ['g_county', 'county'], ['g_industry', 'industry']] as const;

/**
 * Distinct enterprises of a region ('' the nation; and one major class, if given) with a self-diagnosis
 * completed in [from, to), in all and by province, city, county and major class: one range of the region's
 * (…, completed_at) index, or of the nation's (completed_at, …) one.
 */
export async function countCompletedInWindow(db: Db, options: { region: string; industryMajor: string | null; from: Date; to: Date }): Promise<ProgressCount[]> {
  const { rows } = await sql<GroupingRow>`
    select grouping(d.province) as g_province, grouping(d.city) as g_city, grouping(d.county) as g_county, grouping(d.industry_major) as g_industry,
           d.province, d.city, d.county, d.industry_major as industry, count(distinct d.enterprise_id) as n
      from diagnosis_result d
     where ${inRegion('d', options.region)} and d.completed_at >= ${options.from} and d.completed_at < ${options.to}
       ${options.industryMajor === null ? sql`` : sql`and d.industry_major = ${options.industryMajor}`}
     group by grouping sets ((), (d.province), (d.city), (d.county), (d.industry_major))`.execute(db);
  return rows.map((r) => {
    const [, group] = GROUPED_BY.find(([flag]) => Number(r[flag]) === 0) ?? [null, 'all' as const];
    return { group, key: group === 'all' ? '' : (r[group] ?? ''), enterprises: Number(r.n) };
  });
}

/** Where a follow-up list stands: the (time, enterprise id) of the last row shown, the time as PostgreSQL prints it. */
export interface FollowUpKey {
  at: string;
  id: string;
}

interface FollowUpFilter {
  region: string;
  industryMajor: string | null;
}

/** Enterprises of the region ('' the nation; and class) that registered and never completed a self-diagnosis, newest first. */
function neverCompleted(db: Db, f: FollowUpFilter, after?: FollowUpKey) {
  return db
    .selectFrom('enterprise as e')
    .where(inRegion('e', f.region))
    .$if(f.industryMajor !== null, (q) => q.where(sql<boolean>`left(e.industry_code, 2) = ${f.industryMajor}`))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('diagnosis_result as d').select('d.assessment_id').whereRef('d.enterprise_id', '=', 'e.id'))))
    .$if(after !== undefined, (q) => q.where(sql<boolean>`(e.created_at, e.id) < (${after!.at}::timestamptz, ${after!.id}::uuid)`));
}

/** Enterprises of the region (and class) whose valid result was completed before `before`, oldest first. */
function staleResults(db: Db, f: FollowUpFilter, before: Date, after?: FollowUpKey) {
  return db
    .selectFrom('diagnosis_result as d')
    .innerJoin('enterprise as e', 'e.id', 'd.enterprise_id')
    .where(inRegion('d', f.region))
    .where(inRegion('e', f.region)) // still in the region (the result keeps the region it was completed in)
    .where('d.valid', '=', true)
    .where('d.completed_at', '<', before)
    .$if(f.industryMajor !== null, (q) => q.where('d.industry_major', '=', f.industryMajor!))
    .$if(after !== undefined, (q) => q.where(sql<boolean>`(d.completed_at, d.enterprise_id) > (${after!.at}::timestamptz, ${after!.id}::uuid)`));
}

export const listNeverCompleted = (db: Db, f: FollowUpFilter, after: FollowUpKey | undefined, limit: number) =>
  neverCompleted(db, f, after)
    .selectAll('e')
    .select([sql<string>`e.created_at::text`.as('key_at'), sql<Date | null>`null::timestamptz`.as('last_completed_at')])
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();

export const listStaleResults = (db: Db, f: FollowUpFilter, before: Date, after: FollowUpKey | undefined, limit: number) =>
  staleResults(db, f, before, after)
    .selectAll('e')
    .select([sql<string>`d.completed_at::text`.as('key_at'), 'd.completed_at as last_completed_at'])
    .orderBy('d.completed_at')
    .orderBy('d.enterprise_id')
    .limit(limit)
    .execute();

/** How many rows a follow-up list has, reading at most `upTo`. */
export async function countFollowUp(db: Db, kind: 'never' | 'stale', f: FollowUpFilter, before: Date, upTo: number): Promise<number> {
  const ids = kind === 'never' ? neverCompleted(db, f).select('e.id').limit(upTo) : staleResults(db, f, before).select('e.id').limit(upTo);
  const row = await db.selectFrom(ids.as('ids')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
