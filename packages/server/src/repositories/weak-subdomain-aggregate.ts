// All SQL about diagnosis_weak_aggregate (问题短板): per region, major class, edition and subdomain
// position, the valid results below 五级 assessed there at their next level and those below 0.8 there.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './db-types.ts';
import { cellsOfRegionAndChildren, keptCellsOf } from './result-regions.ts';

/** One cell's counts, or a change to them. */
export interface WeakCell {
  region: string;
  industry: string;
  editionId: string;
  /** 1-based position in the edition's node order; 0 the group as a whole. */
  position: number;
  enterprises: number;
  below: number;
}

/** What the set-based statements need of each shipped edition: the nodes per level and the subdomains' positions. */
export interface EditionShape {
  id: string;
  nodes: number;
  positions: readonly number[];
}

const COLUMNS = sql`region, industry, edition_id, position, enterprises, below`;
/** Cells in key order, as every writer locks them (counted first: see hashTheCounting). */
const upsert = (cells: RawBuilder<unknown>) => sql`
    insert into diagnosis_weak_aggregate (${COLUMNS})
    with cells as materialized (${cells})
    select ${COLUMNS} from cells order by region, industry, edition_id, position
    on conflict (region, industry, edition_id, position) do update
       set enterprises = diagnosis_weak_aggregate.enterprises + excluded.enterprises,
           below = diagnosis_weak_aggregate.below + excluded.below`;

/** Adds each delta (one per cell) to its cell, created when missing, in one statement. */
export async function applyWeakDeltas(db: Db, deltas: readonly WeakCell[]): Promise<void> {
  if (!deltas.length) return;
  const rows = deltas.map((d) => ({ region: d.region, industry: d.industry, edition_id: d.editionId, position: d.position, enterprises: d.enterprises, below: d.below }));
  await sql`${upsert(sql`
    select * from jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb)
        as d (region text, industry text, edition_id text, position smallint, enterprises integer, below integer)`)}`.execute(db);
}

/** The node scores and edition of a recorded result (the one a newer result replaces). */
export async function findNodeScores(db: Db, assessmentId: string): Promise<{ editionId: string; scores: number[] } | undefined> {
  const { rows } = await sql<{ edition_id: string; scores: number[] }>`
    select a.edition_id, ns.scores from diagnosis_node_scores ns join assessment a on a.id = ns.assessment_id
     where ns.assessment_id = ${assessmentId}`.execute(db);
  return rows[0] && { editionId: rows[0].edition_id, scores: rows[0].scores.map(Number) };
}

const editionsOf = (editions: readonly EditionShape[]) => sql`
    select * from jsonb_to_recordset(${JSON.stringify(editions)}::text::jsonb) as e (id text, nodes integer, positions integer[])`;

/** A county's own cells of a result in `place`: every industry and its major class. */
const countyCellsOf = (place: string) => sql.raw(`
    cross join lateral (values (${place}.county, ''), (${place}.county, ${place}.industry_major)) as c (region, industry)`);

/**
 * The cells of the valid results below 五级 (of the shipped editions) that `where` keeps, set-based: first
 * per county, major class, edition and position (one row per result and subdomain assessed at its next
 * level), then rolled up into the cells `cells` names.
 */
const cellsOfValidResults = (editions: readonly EditionShape[], threshold: number, cells = keptCellsOf('f'), where = sql`true`) => sql`
    with e as (${editionsOf(editions)}),
    fine as (
      select r.province, r.city, r.county, r.industry_major, e.id as edition_id,
             (case when grouping(s.ord) = 0 then s.ord else 0 end)::smallint as position,
             count(distinct r.assessment_id)::int as enterprises,
             (case when grouping(s.ord) = 0 then count(*) filter (where s.v < ${threshold}::int) else 0 end)::int as below
        from diagnosis_result r
        join diagnosis_node_scores ns on ns.assessment_id = r.assessment_id
        join assessment a on a.id = r.assessment_id
        join e on e.id = a.edition_id
        cross join lateral unnest(ns.scores[r.level * e.nodes + 1 : r.level * e.nodes + e.nodes]) with ordinality as s (v, ord)
       where r.valid and r.level < 5 and s.v >= 0 and s.ord = any(e.positions) and ${where}
       group by grouping sets ((r.province, r.city, r.county, r.industry_major, e.id, s.ord), (r.province, r.city, r.county, r.industry_major, e.id)))
    select c.region, c.industry, f.edition_id, f.position, sum(f.enterprises)::int as enterprises, sum(f.below)::int as below
      from fine f ${cells}
     group by c.region, c.industry, f.edition_id, f.position`;

/**
 * For the rest of the transaction: count the set-based statements' cells by hashing. The planner cannot
 * estimate the rows unnest yields (it guesses a few hundred where a chunk of 50,000 results makes 3.6 M), so
 * it sorts them, on disk; hashing them into the few hundred thousand cells takes a quarter of the time.
 */
async function hashTheCounting(db: Db): Promise<void> {
  await sql`set local enable_sort = off`.execute(db);
  await sql`set local work_mem = '64MB'`.execute(db);
}

/** Every cell recomputed from the valid results, replacing what is there (after bulk deletes; at start when never filled). */
export async function rebuildWeakAggregate(db: Db, editions: readonly EditionShape[], threshold: number): Promise<void> {
  await hashTheCounting(db);
  await sql`delete from diagnosis_weak_aggregate`.execute(db);
  await sql`${upsert(cellsOfValidResults(editions, threshold))}`.execute(db);
}

/**
 * Whether the cells were never filled though valid results below 五级 exist (the results recorded before
 * this table did): under a lock that lets no completion write a cell until the caller's transaction ends.
 */
export async function weakAggregateUnfilled(db: Db): Promise<boolean> {
  await sql`lock table diagnosis_weak_aggregate in share row exclusive mode`.execute(db);
  const { rows } = await sql<{ unfilled: boolean }>`
    select not exists (select 1 from diagnosis_weak_aggregate)
           and exists (select 1 from diagnosis_result where valid and level < 5) as unfilled`.execute(db);
  return rows[0]!.unfilled;
}

/**
 * The cells a bulk demo chunk adds (its enterprises in `demo_chunk`, each a valid result copying a
 * template), set-based: the chunk's enterprises counted per template and cell, times the template's
 * subdomains at its next level.
 */
export async function addDemoChunkToWeakAggregate(db: Db, editions: readonly EditionShape[], threshold: number): Promise<void> {
  await hashTheCounting(db);
  await sql`${upsert(sql`
    with e as (${editionsOf(editions)}),
    chunk as (select "templateId" as template_id, left("regionCode", 2) as province, left("regionCode", 4) as city, "regionCode" as county,
                     left("industryCode", 2) as industry_major from demo_chunk),
    counted as (select k.template_id, c.region, c.industry, count(*)::int as n from chunk k ${keptCellsOf('k')} group by 1, 2, 3),
    subdomains as (
      select t.id as template_id, t.edition_id, s.ord::smallint as position, (s.v < ${threshold}::int)::int as below
        from demo_diagnosis_template t join e on e.id = t.edition_id
        cross join lateral unnest(t.node_scores[t.level * e.nodes + 1 : t.level * e.nodes + e.nodes]) with ordinality as s (v, ord)
       where t.level < 5 and s.v >= 0 and s.ord = any(e.positions)),
    positions as (select * from subdomains union all select distinct template_id, edition_id, 0::smallint, 0 from subdomains)
    select k.region, k.industry, p.edition_id, p.position, sum(k.n)::int as enterprises, sum(k.n * p.below)::int as below
      from counted k join positions p on p.template_id = k.template_id
     group by 1, 2, 3, 4`)}`.execute(db);
}

/**
 * The non-empty cells of a region ('' the nation, else significant digits: every industry and each major
 * class) and of its children (every industry only; a county has none). A county's are counted from its valid
 * results (a few thousand at most; diagnosis_result_county_idx), since its cells by major class are not kept.
 */
export async function readWeakCells(db: Db, region: string, counting: { editions: readonly EditionShape[]; threshold: number }): Promise<WeakCell[]> {
  const { rows } = await sql<{ region: string; industry: string; edition_id: string; position: number; enterprises: number; below: number }>`${
    region.length === 6
      ? cellsOfValidResults(counting.editions, counting.threshold, countyCellsOf('f'), sql`r.county = ${region}`)
      : cellsOfRegionAndChildren('diagnosis_weak_aggregate', COLUMNS, sql`enterprises > 0`, region)
  }`.execute(db);
  return rows.map((r) => ({ region: r.region, industry: r.industry, editionId: r.edition_id, position: Number(r.position), enterprises: Number(r.enterprises), below: Number(r.below) }));
}
