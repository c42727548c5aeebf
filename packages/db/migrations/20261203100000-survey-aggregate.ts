// 调查问卷 indicators and 问题短板 at a million results (issue 11 §1–§2).
// - diagnosis_survey_aggregate: per region ('' the nation, province, city, county) and industry ('' or the major
//   class), the valid results with a survey ('enterprises'), Σ of their networked and numerically controlled
//   equipment shares ('networked', 'nc') and how many use each information system ('uses:<id>') — kept current
//   in the completing transaction like diagnosis_aggregate, so a province's or the nation's figures are a few
//   hundred rows instead of a pass over every valid result. Filled here from the results already there.
// - A county's cells by major class are kept in neither aggregate (three quarters of the weak cells, written
//   by every completion, read by that county's dashboard alone, which now counts them from its results).
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table diagnosis_survey_aggregate (
      region    text not null,    -- '' the nation, or 2 / 4 / 6 significant digits
      industry  text not null,    -- '' every industry, or the major class (2); never both a county and a class
      measure   text not null,    -- 'enterprises', 'networked', 'nc' or 'uses:' || a survey system id
      total     bigint not null default 0,
      primary key (region, industry, measure)
    )
  `.execute(db);
  await sql`create index diagnosis_survey_aggregate_child_region_idx on diagnosis_survey_aggregate (length(region), region text_pattern_ops) where industry = ''`.execute(db);
  await sql`
    insert into diagnosis_survey_aggregate (region, industry, measure, total)
    select c.region, c.industry, m.measure, sum(m.value)
      from diagnosis_result r
      cross join lateral (values ('', ''), (r.province, ''), (r.city, ''), (r.county, ''),
                                 ('', r.industry_major), (r.province, r.industry_major), (r.city, r.industry_major)) as c (region, industry)
      cross join lateral (select 'enterprises' as measure, 1 as value
                          union all select 'networked', r.networked_share
                          union all select 'nc', r.nc_share
                          union all select 'uses:' || s, 1 from (select distinct unnest(r.survey_systems) as s) as u) as m
     where r.valid and r.survey_systems is not null
     group by c.region, c.industry, m.measure`.execute(db);
  await sql`delete from diagnosis_weak_aggregate where length(region) = 6 and industry <> ''`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table diagnosis_survey_aggregate`.execute(db);
  // the county × major class cells come back with the server's rebuild (cmmm demo clear) or a fresh fill
}
