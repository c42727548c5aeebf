// 调查问卷 indicators on the dashboard (issue 11 §2): the answers the dashboard counts, kept on each compact
// result — the information systems in use (as the survey's ids) and the networked and numerically controlled
// equipment shares — null when the diagnosis has no survey. Written with the result in the completing
// transaction; the results already there take them from their diagnosis's survey here, set-based. A partial
// index over the valid results with a survey carries them, so a region's figures are read from the index alone.
// Frozen once landed. Imports nothing from the app. One statement per sql`` call.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table diagnosis_result add column survey_systems text[]`.execute(db);
  await sql`alter table diagnosis_result add column networked_share smallint check (networked_share between 0 and 100)`.execute(db);
  await sql`alter table diagnosis_result add column nc_share smallint check (nc_share between 0 and 100)`.execute(db);
  await sql`
    update diagnosis_result d
       set survey_systems = array(select jsonb_array_elements_text(coalesce(a.survey -> 'informationSystems', '[]'::jsonb))),
           networked_share = (a.survey ->> 'networkedEquipmentShare')::smallint,
           nc_share = (a.survey ->> 'ncEquipmentShare')::smallint
      from assessment a
     where a.id = d.assessment_id and a.survey is not null`.execute(db);
  await sql`
    create index diagnosis_result_survey_idx on diagnosis_result (province, city, county, industry_major)
      include (survey_systems, networked_share, nc_share) where valid and survey_systems is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index diagnosis_result_survey_idx`.execute(db);
  for (const column of ['nc_share', 'networked_share', 'survey_systems']) {
    await sql`alter table diagnosis_result drop column ${sql.ref(column)}`.execute(db);
  }
}
