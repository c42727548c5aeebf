// The cells of diagnosis_survey_aggregate recomputed from the raw rows (each enterprise's latest completed
// self-diagnosis, its stored 调查问卷, its enterprise's region and class), written independently of the server.
import { surveySchema } from '@cmmm/contract';
import type { DB } from '@cmmm/db';
import { sql, type Kysely } from 'kysely';

/** Every non-zero cell as region|industry|measure|total, sorted. */
export async function surveyCellsFromRawRows(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ enterprise_id: string; completed_at: Date; survey: unknown; region_code: string; industry_code: string }>`
    select a.enterprise_id, a.completed_at, a.survey, e.region_code, e.industry_code
      from assessment a join enterprise e on e.id = a.enterprise_id
     where a.kind = 'self_diagnosis' and a.status = 'completed'`.execute(db);
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.enterprise_id) || latest.get(r.enterprise_id)!.completed_at < r.completed_at) latest.set(r.enterprise_id, r);
  const cells = new Map<string, number>();
  for (const r of latest.values()) {
    const survey = surveySchema.safeParse(r.survey);
    if (!survey.success) continue;
    const [p, c, k, major] = [r.region_code.slice(0, 2), r.region_code.slice(0, 4), r.region_code, r.industry_code.slice(0, 2)];
    const places = [['', ''], ['', major], [p, ''], [p, major], [c, ''], [c, major], [k, '']]; // no county × major class
    const measures: [string, number][] = [
      ['enterprises', 1],
      ['networked', survey.data.networkedEquipmentShare],
      ['nc', survey.data.ncEquipmentShare],
      ...[...new Set(survey.data.informationSystems)].map((s): [string, number] => [`uses:${s}`, 1]),
    ];
    for (const [region, industry] of places) {
      for (const [measure, value] of measures) cells.set(`${region}|${industry}|${measure}`, (cells.get(`${region}|${industry}|${measure}`) ?? 0) + value);
    }
  }
  return [...cells].filter(([, total]) => total !== 0).map(([key, total]) => `${key}|${total}`).sort();
}

/** The non-zero cells of diagnosis_survey_aggregate in the same form. */
export async function surveyCellsInTable(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('diagnosis_survey_aggregate').selectAll().execute();
  return rows.filter((r) => Number(r.total) !== 0).map((r) => `${r.region}|${r.industry}|${r.measure}|${Number(r.total)}`).sort();
}
