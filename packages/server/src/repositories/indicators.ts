// The SQL of the dashboard's indicators beyond the aggregates (issue 11 §2): the 调查问卷 answers of a region's
// valid results (diagnosis_result_survey_idx), the enterprises holding a valid certificate by level, the 2022
// published certifications, and self-diagnosed vs certified level. Only counts and sums leave the database.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './db-types.ts';
import { resultsInRegion } from './result-regions.ts';

/** 'all' the region; 'industry' a GB/T 4754 major class; 'region' a region one level down. */
export type IndicatorGroup = 'all' | 'industry' | 'region';

/** A GB/T 2260 code column inside a region, as a range its b-tree index serves (null codes never match). */
function codeIn(column: ReturnType<typeof sql.ref>, region: string) {
  if (region === '') return sql`true`;
  const next = String(Number(region) + 1).padStart(region.length, '0');
  return sql`(${column} >= ${region} and ${column} < ${next})`;
}

type GroupingRow = { no_industry: number | string; no_child: number | string; industry: string | null; child: string | null };
function groupOf(r: GroupingRow): { group: IndicatorGroup; key: string } {
  if (Number(r.no_industry) === 0) return { group: 'industry', key: r.industry! };
  if (Number(r.no_child) === 0) return { group: 'region', key: r.child! };
  return { group: 'all', key: '' };
}

/** The grouping sets of the region, its major classes and (childLength not null) its regions one level down. */
const groupingSets = (industry: ReturnType<typeof sql.ref>, byChild: boolean, extra?: ReturnType<typeof sql>) => {
  const withExtra = (cols: ReturnType<typeof sql>[]) => sql`(${sql.join(extra ? [...cols, extra] : cols)})`;
  const sets = [extra ? sql`(${extra})` : sql`()`, withExtra([sql`${industry}`])];
  if (byChild) sets.push(withExtra([sql`ch.child`]));
  return sql`grouping sets (${sql.join(sets)})`;
};

export interface SurveyCount {
  group: IndicatorGroup;
  key: string;
  /** Valid results with a 调查问卷. */
  enterprises: number;
  /** Σ of the networked and of the numerically controlled equipment shares (percent). */
  networkedSum: number;
  ncSum: number;
  /** For each of `systems`, in order: how many of them use it. */
  users: number[];
}

/** 调查问卷 counts of a region's valid results with a survey, for the region, by major class and by its children. */
export async function countSurveyAnswers(db: Db, region: string, childLength: number | null, systems: readonly string[]): Promise<SurveyCount[]> {
  const byChild = childLength !== null;
  const { rows } = await sql<GroupingRow & Record<string, string | number | null>>`
    select grouping(r.industry_major) as no_industry, ${byChild ? sql`grouping(ch.child)` : sql`1`} as no_child,
           r.industry_major as industry, ${byChild ? sql`ch.child` : sql`null`} as child,
           count(*) as enterprises, sum(r.networked_share) as networked, sum(r.nc_share) as nc,
           ${sql.join(systems.map((s, i) => sql`count(*) filter (where ${s}::text = any(r.survey_systems)) as ${sql.ref(`s${i}`)}`))}
      from diagnosis_result r
      cross join lateral (select substr(r.county, 1, ${childLength ?? 6}::int) as child) ch
     where r.valid and r.survey_systems is not null and ${resultsInRegion(region)}
     group by ${groupingSets(sql.ref('r.industry_major'), byChild)}`.execute(db);
  return rows.map((r) => ({
    ...groupOf(r),
    enterprises: Number(r.enterprises),
    networkedSum: Number(r.networked ?? 0),
    ncSum: Number(r.nc ?? 0),
    users: systems.map((_, i) => Number(r[`s${i}`])),
  }));
}

/** Enterprises by level (null: a 自定义评估's certificate) in a region or one of its children. */
export interface LevelCount {
  /** null: the region; else a child's significant digits. */
  child: string | null;
  level: number | null;
  enterprises: number;
}

const levelCounts = (rows: { child: string | null; level: number | string | null; n: number | string; no_child: number | string }[]): LevelCount[] =>
  rows
    .filter((r) => Number(r.no_child) !== 0 || r.child !== null) // no region code: in the nation's total only
    .map((r) => ({ child: Number(r.no_child) === 0 ? r.child : null, level: r.level === null ? null : Number(r.level), enterprises: Number(r.n) }));

/**
 * Enterprises of a region holding a valid certificate on `today` (status valid, not past its last day), each at
 * its newest one's level, for the region and (childLength not null) by its children — from the certificates
 * alone (each keeps its enterprise's region).
 */
export async function countCertifiedEnterprises(db: Db, region: string, childLength: number | null, today: string): Promise<LevelCount[]> {
  const byChild = childLength !== null;
  const { rows } = await sql<{ child: string | null; level: number | null; n: string; no_child: number }>`
    with held as (${newestValidCertificates(region, today, sql`substr(c.region_code, 1, ${childLength ?? 6}::int) as child`)})
    select ${byChild ? sql`grouping(child)` : sql`1`} as no_child, ${byChild ? sql`child` : sql`null`} as child, level, count(*) as n
      from held
     group by grouping sets ((level)${byChild ? sql`, (child, level)` : sql``})`.execute(db);
  return levelCounts(rows);
}

/** Each enterprise's newest certificate valid on `today` in a region (on a tie the higher level): enterprise_id, level and `extra`. */
const newestValidCertificates = (region: string, today: string, extra: RawBuilder<unknown>) => sql`
    select distinct on (c.enterprise_id) c.enterprise_id, c.level, ${extra}
      from certificate c
     where c.status = 'valid' and c.valid_until >= ${today}::date and ${codeIn(sql.ref('c.region_code'), region)}
     order by c.enterprise_id, c.issued_on desc, c.level desc nulls last`;

/** The published certifications (2022 practice report, reference data) of a region by level; rows without a region code count in the nation only. */
export async function countPublishedCertifications(db: Db, region: string, childLength: number | null): Promise<LevelCount[]> {
  const byChild = childLength !== null;
  const { rows } = await sql<{ child: string | null; level: number; n: string; no_child: number }>`
    select ${byChild ? sql`grouping(ch.child)` : sql`1`} as no_child, ${byChild ? sql`ch.child` : sql`null`} as child, p.level, count(*) as n
      from published_certification p
      cross join lateral (select substr(p.region_code, 1, ${childLength ?? 6}::int) as child) ch
     where ${codeIn(sql.ref('p.region_code'), region)}
     group by grouping sets ((p.level)${byChild ? sql`, (ch.child, p.level)` : sql``})`.execute(db);
  return levelCounts(rows);
}

export interface DifferenceCount {
  group: IndicatorGroup;
  key: string;
  /** Self-diagnosed level − certified level. */
  difference: number;
  enterprises: number;
}

/**
 * Enterprises of a region with both a valid self-diagnosis result and a valid certificate on `today` whose newest
 * one has a level (as 获证企业 counts it), counted by self-diagnosed minus certified level: for the region, by major class, by its children.
 */
export async function countLevelDifferences(db: Db, region: string, childLength: number | null, today: string): Promise<DifferenceCount[]> {
  const byChild = childLength !== null;
  const difference = sql`(r.level - f.level)`;
  // For each certified enterprise, its valid result from diagnosis_result_valid_facts_idx alone: a lateral
  // probe (limit 1 keeps it one; an enterprise has at most one valid result), not a pass over every result.
  const { rows } = await sql<GroupingRow & { difference: number | string; n: string }>`
    with newest as (${newestValidCertificates(region, today, sql`1 as one`)}),
    -- the certificate the enterprise counts by in 获证企业; a custom one (no level) has nothing to compare
    formal as (select * from newest where level is not null)
    select grouping(r.industry_major) as no_industry, ${byChild ? sql`grouping(ch.child)` : sql`1`} as no_child,
           r.industry_major as industry, ${byChild ? sql`ch.child` : sql`null`} as child, ${difference} as difference, count(*) as n
      from formal f
      cross join lateral (select v.level, v.county, v.industry_major from diagnosis_result v
                           where v.enterprise_id = f.enterprise_id and v.valid limit 1) r
      cross join lateral (select substr(r.county, 1, ${childLength ?? 6}::int) as child) ch
     group by ${groupingSets(sql.ref('r.industry_major'), byChild, difference)}`.execute(db);
  return rows.map((r) => ({ ...groupOf(r), difference: Number(r.difference), enterprises: Number(r.n) }));
}
