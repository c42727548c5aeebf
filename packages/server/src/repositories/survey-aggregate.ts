// All SQL about diagnosis_survey_aggregate (调查问卷 indicators at a million results): per region and industry,
// the valid results with a survey ('enterprises'), Σ of their equipment shares ('networked', 'nc') and how
// many use each information system ('uses:<id>'), in the cells keptCellsOf names.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './db-types.ts';
import { cellsOfRegionAndChildren, keptCellsOf } from './result-regions.ts';

/** Valid results with a survey; Σ of their networked, of their numerically controlled equipment shares; users of a system. */
export type SurveyMeasure = 'enterprises' | 'networked' | 'nc' | `uses:${string}`;

/** One cell's total of one measure, or a change to it. */
export interface SurveyCell {
  region: string;
  industry: string;
  measure: SurveyMeasure;
  total: number;
}

/** Cells in key order, as every writer locks them. */
const upsert = (cells: RawBuilder<unknown>) => sql`
    insert into diagnosis_survey_aggregate (region, industry, measure, total)
    select region, industry, measure, total from (${cells}) cells order by region, industry, measure
    on conflict (region, industry, measure) do update set total = diagnosis_survey_aggregate.total + excluded.total`;

/** Adds each delta (one per cell and measure) to its cell, created when missing, in one statement. */
export async function applySurveyDeltas(db: Db, deltas: readonly SurveyCell[]): Promise<void> {
  if (!deltas.length) return;
  await sql`${upsert(sql`
    select * from jsonb_to_recordset(${JSON.stringify(deltas)}::text::jsonb) as d (region text, industry text, measure text, total bigint)`)}`.execute(db);
}

/** The cells of the valid results with a survey that `where` keeps (on `r`, diagnosis_result), set-based. */
const cellsOfValidResults = (where: RawBuilder<unknown>) => sql`
    select c.region, c.industry, m.measure, sum(m.value)::bigint as total
      from diagnosis_result r
      ${keptCellsOf('r')}
      cross join lateral (select 'enterprises' as measure, 1 as value
                          union all select 'networked', r.networked_share
                          union all select 'nc', r.nc_share
                          union all select 'uses:' || s, 1 from (select distinct unnest(r.survey_systems) as s) as u) as m
     where r.valid and r.survey_systems is not null and ${where}
     group by c.region, c.industry, m.measure`;

/** Every cell recomputed from the valid results, replacing what is there (after bulk deletes such as clearing the demo data). */
export async function rebuildSurveyAggregate(db: Db): Promise<void> {
  await sql`delete from diagnosis_survey_aggregate`.execute(db);
  await sql`${upsert(cellsOfValidResults(sql`true`))}`.execute(db);
}

/** Adds the valid results among `assessmentIds` (a query of them), set-based: the bulk demo seed's chunks. */
export async function addResultsToSurveyAggregate(db: Db, assessmentIds: RawBuilder<unknown>): Promise<void> {
  await sql`${upsert(cellsOfValidResults(sql`r.assessment_id in (${assessmentIds})`))}`.execute(db);
}

/**
 * The non-zero cells of a region ('' the nation, a province or a city: every industry and each major class)
 * and of its children (every industry only). A county's come from its results (indicators.countSurveyAnswers),
 * since its cells by major class are not kept.
 */
export async function readSurveyCells(db: Db, region: string): Promise<SurveyCell[]> {
  const { rows } = await sql<{ region: string; industry: string; measure: SurveyMeasure; total: string | number }>`${cellsOfRegionAndChildren(
    'diagnosis_survey_aggregate',
    sql`region, industry, measure, total`,
    sql`total <> 0`,
    region,
  )}`.execute(db);
  return rows.map((r) => ({ region: r.region, industry: r.industry, measure: r.measure, total: Number(r.total) }));
}
