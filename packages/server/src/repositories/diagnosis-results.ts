// All SQL about the read side of self-diagnoses: compact results, node scores, aggregates, peer counts.
import type { EnterpriseType } from '@cmmm/model';
import { likePrefix } from '@cmmm/db';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './db-types.ts';
import { resultsInRegion } from './result-regions.ts';

export interface NewDiagnosisResult {
  assessmentId: string;
  enterpriseId: string;
  completedAt: Date;
  month: number;
  level: number;
  score: number;
  scoreE9: bigint;
  province: string;
  city: string;
  county: string;
  industryMajor: string;
  industryCode: string;
  enterpriseType: EnterpriseType;
  nodeScores: readonly number[];
  /** The 调查问卷's answers the dashboard counts, or null when the diagnosis has none. */
  survey: SurveyFacts | null;
  valid: boolean;
}

/** What the dashboard counts of a 调查问卷: the systems in use (survey ids) and the equipment shares (0–100). */
export interface SurveyFacts {
  systems: readonly string[];
  networkedShare: number;
  ncShare: number;
}

/** A Postgres text[] literal of identifiers (survey ids: letters, digits and underscores, nothing to quote). */
const textArray = (items: readonly string[]): string => `{${items.join(',')}}`;

export interface AggregateDelta {
  region: string;
  industry: string;
  enterpriseType: EnterpriseType;
  month: number;
  level: number;
  completed: number;
  valid: number;
  scoreE9Sum: bigint;
}

export const findDiagnosisResult = (db: Db, assessmentId: string) =>
  db.selectFrom('diagnosis_result').selectAll().where('assessment_id', '=', assessmentId).executeTakeFirst();

/** The enterprise's valid result (its latest completed self-diagnosis), if any. */
export const findValidResult = (db: Db, enterpriseId: string) =>
  db.selectFrom('diagnosis_result').selectAll().where('enterprise_id', '=', enterpriseId).where('valid', '=', true).executeTakeFirst();

export async function invalidateResult(db: Db, assessmentId: string): Promise<void> {
  await db.updateTable('diagnosis_result').set({ valid: false }).where('assessment_id', '=', assessmentId).execute();
}

export async function insertDiagnosisResult(db: Db, r: NewDiagnosisResult): Promise<void> {
  await db
    .insertInto('diagnosis_result')
    .values({
      assessment_id: r.assessmentId,
      enterprise_id: r.enterpriseId,
      completed_at: r.completedAt,
      month: r.month,
      level: r.level,
      score: r.score,
      score_e9: r.scoreE9.toString(),
      province: r.province,
      city: r.city,
      county: r.county,
      industry_major: r.industryMajor,
      industry_code: r.industryCode,
      enterprise_type: r.enterpriseType,
      valid: r.valid,
      survey_systems: r.survey ? textArray(r.survey.systems) : null,
      networked_share: r.survey?.networkedShare ?? null,
      nc_share: r.survey?.ncShare ?? null,
    })
    .execute();
  await db.insertInto('diagnosis_node_scores').values({ assessment_id: r.assessmentId, scores: `{${r.nodeScores.join(',')}}` }).execute();
}

/** Adds each delta to its cell (created when missing), in the order given, in one statement. */
export async function applyAggregateDeltas(db: Db, deltas: readonly AggregateDelta[]): Promise<void> {
  if (!deltas.length) return;
  await db
    .insertInto('diagnosis_aggregate')
    .values(
      deltas.map((d) => ({
        region: d.region,
        industry: d.industry,
        enterprise_type: d.enterpriseType,
        month: d.month,
        level: d.level,
        completed: d.completed,
        valid: d.valid,
        score_e9_sum: d.scoreE9Sum.toString(),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['region', 'industry', 'enterprise_type', 'month', 'level']).doUpdateSet({
        completed: sql`diagnosis_aggregate.completed + excluded.completed`,
        valid: sql`diagnosis_aggregate.valid + excluded.valid`,
        score_e9_sum: sql`diagnosis_aggregate.score_e9_sum + excluded.score_e9_sum`,
      }),
    )
    .execute();
}

/** The cells one result counts in (diagnosis-facts.ts cellsOf), as SQL over `diagnosis_result d`. */
const cellsOfResults = (where: RawBuilder<unknown>) => sql`
    select c.region, c.industry, d.enterprise_type, c.month, d.level,
           count(*)::int as completed, (count(*) filter (where d.valid))::int as valid, coalesce(sum(d.score_e9) filter (where d.valid), 0) as score_e9_sum
      from diagnosis_result d
      cross join lateral (values ('', '', 0), (d.province, '', 0), (d.city, '', 0), (d.county, '', 0),
                                 ('', d.industry_major, 0), (d.province, d.industry_major, 0), (d.city, d.industry_major, 0),
                                 ('', d.industry_code, 0), (d.province, d.industry_code, 0),
                                 ('', '', d.month), (d.province, '', d.month), (d.city, '', d.month)) as c (region, industry, month)
     ${where}
     group by c.region, c.industry, d.enterprise_type, c.month, d.level`;

/**
 * Every aggregate recomputed from the results, replacing what is there (after bulk deletes such as
 * clearing the demo data; bulk loads), with the cells of diagnosis-facts.ts cellsOf.
 */
export async function rebuildAggregates(db: Db): Promise<void> {
  await sql`delete from diagnosis_aggregate`.execute(db);
  await sql`
    insert into diagnosis_aggregate (region, industry, enterprise_type, month, level, completed, valid, score_e9_sum)
    ${cellsOfResults(sql``)}`.execute(db);
}

/**
 * Adds the results of a bulk load (the `assessment_id`s the subquery lists: new valid results of
 * enterprises that had none) to the aggregates, as their completions one by one would, in one
 * statement; cells in key order, as applyAggregateDeltas locks them.
 */
export async function addResultsToAggregates(db: Db, assessmentIds: RawBuilder<unknown>): Promise<void> {
  await sql`
    insert into diagnosis_aggregate (region, industry, enterprise_type, month, level, completed, valid, score_e9_sum)
    select * from (${cellsOfResults(sql`where d.assessment_id in (${assessmentIds})`)}) cells
     order by region, industry, enterprise_type, month, level
    on conflict (region, industry, enterprise_type, month, level) do update
       set completed = diagnosis_aggregate.completed + excluded.completed,
           valid = diagnosis_aggregate.valid + excluded.valid,
           score_e9_sum = diagnosis_aggregate.score_e9_sum + excluded.score_e9_sum`.execute(db);
}

export const listAggregates = (db: Db) =>
  db.selectFrom('diagnosis_aggregate').selectAll().orderBy('region').orderBy('industry').orderBy('enterprise_type').orderBy('month').orderBy('level').execute();

export type PeerGroup = 'industry_major' | 'province';

/**
 * Among the valid results of one group: how many, how many score below S, how many equal it. Read
 * from the partial index on (group, score) alone; nothing but three counts leaves the database.
 */
export async function countPeers(db: Db, group: PeerGroup, value: string, score: number): Promise<{ n: number; below: number; equal: number }> {
  const column = sql.ref(`diagnosis_result.${group}`);
  const { rows } = await sql<{ n: string; below: string; equal: string }>`
    select count(*) as n,
           count(*) filter (where score < ${score}::float8) as below,
           count(*) filter (where score = ${score}::float8) as equal
      from diagnosis_result
     where valid and ${column} = ${value}`.execute(db);
  const row = rows[0]!;
  return { n: Number(row.n), below: Number(row.below), equal: Number(row.equal) };
}

/** Completed self-diagnoses without a compact result yet (stored before the read side existed), oldest first. */
export const listCompletedWithoutResult = (db: Db, limit: number) =>
  db
    .selectFrom('assessment')
    .select(['assessment.id'])
    .where('assessment.kind', '=', 'self_diagnosis')
    .where('assessment.status', '=', 'completed')
    .where('assessment.result', 'is not', null)
    .where('assessment.completed_at', 'is not', null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('diagnosis_result').select('diagnosis_result.assessment_id').whereRef('diagnosis_result.assessment_id', '=', 'assessment.id'))))
    .orderBy('assessment.completed_at')
    .orderBy('assessment.id')
    .limit(limit)
    .execute();

/** Sums of aggregate cells (or of results) grouped by one key: diagnoses completed, valid results, Σ score_e9 of those. */
export interface CellSum {
  key: string;
  completed: number;
  valid: number;
  scoreE9Sum: bigint;
}

type SumRow = { key: string | number; completed: string | number; valid: string | number; score_e9_sum: string | number };
const cellSums = (rows: SumRow[]): CellSum[] =>
  rows.map((r) => ({ key: String(r.key), completed: Number(r.completed), valid: Number(r.valid), scoreE9Sum: BigInt(r.score_e9_sum) }));

/** What a region's cells are summed by: the all-time cells by level or by GB/T 4754 major class, or month by month. */
const AGGREGATE_GROUPINGS = {
  level: { key: sql`level`, cells: sql`industry = '' and month = 0` },
  month: { key: sql`month`, cells: sql`industry = '' and month <> 0` },
  industryMajor: { key: sql`industry`, cells: sql`length(industry) = 2 and month = 0` },
};
export type AggregateGrouping = keyof typeof AGGREGATE_GROUPINGS;

/**
 * One region's cells ('' = the nation; significant digits otherwise) summed by `by`. Months and major
 * classes are kept for the nation, provinces and cities only.
 */
export async function sumAggregates(db: Db, region: string, by: AggregateGrouping): Promise<CellSum[]> {
  const { key, cells } = AGGREGATE_GROUPINGS[by];
  const { rows } = await sql<SumRow>`
    select ${key} as key, sum(completed) as completed, sum(valid) as valid, sum(score_e9_sum) as score_e9_sum
      from diagnosis_aggregate
     where region = ${region} and ${cells}
     group by 1 order by 1`.execute(db);
  return cellSums(rows);
}

/** The all-time cells of a region's children: regions of `childLength` significant digits starting with `region`. */
export async function sumAggregatesByChildRegion(db: Db, region: string, childLength: number): Promise<CellSum[]> {
  const { rows } = await sql<SumRow>`
    select region as key, sum(completed) as completed, sum(valid) as valid, sum(score_e9_sum) as score_e9_sum
      from diagnosis_aggregate
     where region like ${likePrefix(region)} and length(region) = ${childLength} and industry = '' and month = 0
     group by region order by region`.execute(db);
  return cellSums(rows);
}

/** A county's results month by month (no month cells are kept per county), through the province's rows. */
export async function sumCountyResultsByMonth(db: Db, county: string): Promise<CellSum[]> {
  const { rows } = await sql<SumRow>`
    select month as key, count(*) as completed, count(*) filter (where valid) as valid,
           coalesce(sum(score_e9) filter (where valid), 0) as score_e9_sum
      from diagnosis_result
     where province = ${county.slice(0, 2)} and county = ${county}
     group by month order by month`.execute(db);
  return cellSums(rows);
}

/** A county's valid results by major class (no industry cells are kept per county), from the province's partial index. */
export async function sumCountyResultsByIndustryMajor(db: Db, county: string): Promise<CellSum[]> {
  const { rows } = await sql<SumRow>`
    select industry_major as key, count(*) as completed, count(*) as valid, coalesce(sum(score_e9), 0) as score_e9_sum
      from diagnosis_result
     where valid and province = ${county.slice(0, 2)} and county = ${county}
     group by industry_major order by industry_major`.execute(db);
  return cellSums(rows);
}

// ---- 指数报告 of a 行业 (one GB/T 4754 major class) within a region

/** What a region's cells of one major class are summed by: level; its middle classes; the regions one level down. */
const INDUSTRY_GROUPINGS = {
  level: { key: sql`level`, cells: (region: string, major: string) => sql`region = ${region} and industry = ${major}` },
  industryMiddle: { key: sql`industry`, cells: (region: string, major: string) => sql`region = ${region} and length(industry) = 3 and industry like ${likePrefix(major)}` },
  childRegion: { key: sql`region`, cells: (region: string, major: string) => sql`region like ${likePrefix(region)} and length(region) = ${region.length + 2} and industry = ${major}` },
};
export type IndustryGrouping = keyof typeof INDUSTRY_GROUPINGS;

/**
 * The all-time cells of one major class in a region, summed by `by`. Kept are: levels for the nation,
 * provinces and cities; middle classes for the nation and provinces; the children of the nation and of provinces.
 */
export async function sumIndustryAggregates(db: Db, region: string, major: string, by: IndustryGrouping): Promise<CellSum[]> {
  const { key, cells } = INDUSTRY_GROUPINGS[by];
  const { rows } = await sql<SumRow>`
    select ${key} as key, sum(completed) as completed, sum(valid) as valid, sum(score_e9_sum) as score_e9_sum
      from diagnosis_aggregate
     where ${cells(region, major)} and month = 0
     group by 1 order by 1`.execute(db);
  return cellSums(rows);
}

const RESULT_KEYS = { level: sql`r.level`, industryMiddle: sql`r.industry_code`, childRegion: sql`r.county` };

/** Where no cells are kept (a city's middle classes and counties, a county's levels): the region's results of the major class, from its province's rows. */
export async function sumIndustryResults(db: Db, region: string, major: string, by: IndustryGrouping): Promise<CellSum[]> {
  const key = RESULT_KEYS[by];
  const { rows } = await sql<SumRow>`
    select ${key} as key, count(*) as completed, count(*) filter (where r.valid) as valid,
           coalesce(sum(r.score_e9) filter (where r.valid), 0) as score_e9_sum
      from diagnosis_result r
     where ${resultsInRegion(region)} and r.industry_major = ${major}
     group by 1 order by 1`.execute(db);
  return cellSums(rows);
}

/** First and last month (yyyymm) of the valid results of a major class in a region (none: null). */
export async function findIndustryResultPeriod(db: Db, region: string, major: string): Promise<{ first: number; last: number } | null> {
  const { rows } = await sql<{ first: number | null; last: number | null }>`
    select min(r.month) as first, max(r.month) as last from diagnosis_result r
     where r.valid and ${resultsInRegion(region)} and r.industry_major = ${major}`.execute(db);
  const row = rows[0];
  return row && row.first !== null && row.last !== null ? { first: Number(row.first), last: Number(row.last) } : null;
}
