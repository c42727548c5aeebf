// All SQL of the bulk demo seed: templates (engine-scored demo self-diagnoses) and set-based chunks of
// enterprises with their account and one completed self-diagnosis copied from a template.
import type { Survey } from '@cmmm/contract';
import type { EnterpriseType, Grade } from '@cmmm/model';
import { sql } from 'kysely';
import type { Db } from './db-types.ts';
import { addResultsToAggregates } from './diagnosis-results.ts';
import { addResultsToSurveyAggregate } from './survey-aggregate.ts';
import { addDemoChunkToWeakAggregate, type EditionShape } from './weak-subdomain-aggregate.ts';

export interface NewDemoTemplate {
  editionId: string;
  enterpriseType: EnterpriseType;
  currentLevel: number;
  level: number;
  totalScore: number;
  scoreE9: bigint;
  result: unknown;
  answers: Record<string, Grade>;
  levels: { level: number; score: number; reached: boolean }[];
  nodeScores: readonly number[];
}

/** Inserts a template; its id. */
export async function insertDemoTemplate(db: Db, t: NewDemoTemplate): Promise<number> {
  const row = await db
    .insertInto('demo_diagnosis_template')
    .values({
      edition_id: t.editionId,
      enterprise_type: t.enterpriseType,
      current_level: t.currentLevel,
      level: t.level,
      total_score: t.totalScore,
      score_e9: t.scoreE9.toString(),
      result: JSON.stringify(t.result),
      answers: JSON.stringify(t.answers),
      levels: JSON.stringify(t.levels),
      node_scores: `{${t.nodeScores.join(',')}}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One bulk demo enterprise as the seed draws it. */
export interface DemoEnterpriseDraw {
  serial: number;
  name: string;
  creditCode: string;
  industryCode: string;
  regionCode: string;
  enterpriseType: EnterpriseType;
  templateId: number;
  registeredAt: string;
  completedAt: string;
  /** yyyymm of completedAt in China Standard Time. */
  month: number;
  survey: Survey;
  /** A certificate of this level issued on the completion day (valid 3 years), or none. */
  certificateLevel: number | null;
  certificateNumber: string;
}

/**
 * Enterprises, their accounts (which cannot be logged into: `passwordHash` of a random password), each
 * with one completed self-diagnosis copied from its template (result, level outcomes, compact result,
 * node scores; answers read from the template), and the aggregates those results add (问题短板's, 调查问卷's): set-based, a
 * handful of statements per chunk. Inside the caller's transaction (the temporary table lives in it).
 */
export async function insertDemoChunk(
  db: Db,
  rows: readonly DemoEnterpriseDraw[],
  passwordHash: string,
  label: string,
  weak: { editions: readonly EditionShape[]; threshold: number },
): Promise<void> {
  await sql`
    create temporary table demo_chunk on commit drop as
    select gen_random_uuid() as enterprise_id, gen_random_uuid() as assessment_id, gen_random_uuid() as account_id, r.*
      from json_to_recordset(${JSON.stringify(rows)}::text::json) as r (
        "serial" integer, "name" text, "creditCode" text, "industryCode" text, "regionCode" text, "enterpriseType" text,
        "templateId" integer, "registeredAt" timestamptz, "completedAt" timestamptz, "month" integer, "survey" jsonb,
        "certificateLevel" integer, "certificateNumber" text)`.execute(db);
  await sql`
    insert into enterprise (id, name, credit_code, organisation_type, parent_name, industry_code, region_code, enterprise_type,
                            contact_name, contact_mobile, sub_platform_code, is_demo, created_at)
    select enterprise_id, "name", "creditCode", 'independent', null, "industryCode", "regionCode", "enterpriseType",
           ${label}, '13800000000', null, true, "registeredAt"
      from demo_chunk`.execute(db);
  await sql`
    insert into account (id, username, password_hash, display_name, mobile, role, enterprise_id, is_demo, created_at)
    select account_id, 'demo-' || "serial" || '-' || left(enterprise_id::text, 8), ${passwordHash}, ${label}, null, 'enterprise_user', enterprise_id, true, "registeredAt"
      from demo_chunk`.execute(db);
  await sql`
    insert into assessment (id, enterprise_id, kind, edition_id, enterprise_type, tailored, status, current_level, level, total_score,
                            result, is_demo, created_at, completed_at, demo_template_id, survey)
    select c.assessment_id, c.enterprise_id, 'self_diagnosis', t.edition_id, t.enterprise_type, '[]', 'completed', t.current_level, t.level, t.total_score,
           t.result, true, c."completedAt", c."completedAt", t.id, c."survey"
      from demo_chunk c join demo_diagnosis_template t on t.id = c."templateId"`.execute(db);
  await sql`
    insert into assessment_level (assessment_id, level, score, reached, submitted_at)
    select c.assessment_id, l.level, l.score, l.reached, c."completedAt"
      from demo_chunk c join demo_diagnosis_template t on t.id = c."templateId"
      cross join lateral jsonb_to_recordset(t.levels) as l (level integer, score double precision, reached boolean)`.execute(db);
  await sql`
    insert into diagnosis_result (assessment_id, enterprise_id, completed_at, month, level, score, score_e9, province, city, county,
                                  industry_major, industry_code, enterprise_type, valid, survey_systems, networked_share, nc_share)
    select c.assessment_id, c.enterprise_id, c."completedAt", c."month", t.level, t.total_score, t.score_e9,
           left(c."regionCode", 2), left(c."regionCode", 4), c."regionCode", left(c."industryCode", 2), c."industryCode", t.enterprise_type, true,
           array(select jsonb_array_elements_text(c."survey" -> 'informationSystems')),
           (c."survey" ->> 'networkedEquipmentShare')::smallint, (c."survey" ->> 'ncEquipmentShare')::smallint
      from demo_chunk c join demo_diagnosis_template t on t.id = c."templateId"`.execute(db);
  await sql`
    insert into diagnosis_node_scores (assessment_id, scores)
    select c.assessment_id, t.node_scores from demo_chunk c join demo_diagnosis_template t on t.id = c."templateId"`.execute(db);
  await sql`
    insert into certificate (id, enterprise_id, region_code, level, certificate_number, scope, issued_on, valid_until, is_demo)
    select gen_random_uuid(), enterprise_id, "regionCode", "certificateLevel", "certificateNumber", ${label},
           (("completedAt" at time zone 'UTC') + interval '8 hours')::date, (("completedAt" at time zone 'UTC') + interval '8 hours' + interval '3 years')::date, true
      from demo_chunk where "certificateLevel" is not null`.execute(db);
  await addResultsToAggregates(db, sql`select assessment_id from demo_chunk`);
  await addDemoChunkToWeakAggregate(db, weak.editions, weak.threshold);
  await addResultsToSurveyAggregate(db, sql`select assessment_id from demo_chunk`);
  await sql`drop table demo_chunk`.execute(db);
}

/** The templates (after their diagnoses are gone). */
export async function deleteDemoTemplates(db: Db): Promise<void> {
  await db.deleteFrom('demo_diagnosis_template').execute();
}
