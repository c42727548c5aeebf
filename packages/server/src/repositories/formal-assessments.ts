// All SQL about formal assessments (标准符合性评估): the application (an `assessment` row of kind
// 'formal' plus its `formal_assessment` row), the team, the two plans and the pre-assessment.
import type { AgendaEntry, FormalAssessmentTable, FormalStage, PlanKind, TeamRole } from '@cmmm/db';
import { likePrefix } from '@cmmm/db';
import type { EnterpriseType } from '@cmmm/model';
import { sql, type Updateable } from 'kysely';
import type { Db } from './db-types.ts';

// ---- the application

export interface NewFormalAssessment {
  id: string;
  enterpriseId: string;
  selfDiagnosisId: string;
  editionId: string;
  enterpriseType: EnterpriseType;
  /** The not-applicable node ids (the assessment's tailoring). */
  tailored: readonly string[];
  assessmentType: 'predefined' | 'custom';
  targetLevel: number | null;
  customDomains: readonly { domainId: string; targetCapabilityLevel: number }[];
  scope: string;
  notApplicable: readonly { nodeId: string; reason: string }[];
  sponsorName: string;
  sponsorTitle: string;
  liaisonName: string;
  liaisonMobile: string;
  internalAssessorId: string | null;
  bodyId: string;
  leadAssessorId: string | null;
  stage: FormalStage;
  at: Date;
}

/** Both rows; the partial unique index formal_assessment_open_key refuses a second open one per enterprise. */
export async function insertFormalAssessment(db: Db, f: NewFormalAssessment): Promise<void> {
  await db
    .insertInto('assessment')
    .values({
      id: f.id,
      enterprise_id: f.enterpriseId,
      kind: 'formal',
      edition_id: f.editionId,
      enterprise_type: f.enterpriseType,
      tailored: JSON.stringify(f.tailored),
      status: 'draft',
      created_at: f.at,
    })
    .execute();
  await db
    .insertInto('formal_assessment')
    .values({
      id: f.id,
      enterprise_id: f.enterpriseId,
      self_diagnosis_id: f.selfDiagnosisId,
      assessment_type: f.assessmentType,
      target_level: f.targetLevel,
      custom_domains: JSON.stringify(f.customDomains),
      scope: f.scope,
      not_applicable: JSON.stringify(f.notApplicable),
      sponsor_name: f.sponsorName,
      sponsor_title: f.sponsorTitle,
      liaison_name: f.liaisonName,
      liaison_mobile: f.liaisonMobile,
      internal_assessor_id: f.internalAssessorId,
      body_id: f.bodyId,
      lead_assessor_id: f.leadAssessorId,
      stage: f.stage,
      submitted_at: f.at,
      updated_at: f.at,
    })
    .execute();
}

const withAssessment = (db: Db) =>
  db
    .selectFrom('formal_assessment')
    .innerJoin('assessment', 'assessment.id', 'formal_assessment.id')
    .selectAll('formal_assessment')
    .select(['assessment.edition_id', 'assessment.enterprise_type', 'assessment.tailored']);

/** The formal assessment with its edition, enterprise type and tailoring. */
export const findFormalAssessment = (db: Db, id: string) => withAssessment(db).where('formal_assessment.id', '=', id).executeTakeFirst();

/** The same, its formal_assessment row locked until the transaction ends (every change takes this first). */
export const lockFormalAssessment = (db: Db, id: string) => withAssessment(db).where('formal_assessment.id', '=', id).forUpdate('formal_assessment').executeTakeFirst();

/** The same with a share lock: ratings and evidence go on side by side while no stage change can slip in. */
export const shareLockFormalAssessment = (db: Db, id: string) => withAssessment(db).where('formal_assessment.id', '=', id).forShare('formal_assessment').executeTakeFirst();

export type FormalAssessmentRecord = NonNullable<Awaited<ReturnType<typeof findFormalAssessment>>>;

/** A team member as the rules of rating see them. */
export interface RaterRecord {
  assessor_id: string;
  account_id: string | null;
  coi: 'pending' | 'none' | 'conflict';
  removed_at: null;
}

/**
 * What saving a rating needs, in one statement, the formal_assessment row share-locked (as
 * shareLockFormalAssessment): what the scope is computed from, the stage, the enterprise's scope, the
 * lead's login and the current team. Ratings are saved far more often than anything else is done.
 */
export const shareLockRatingFacts = (db: Db, id: string) =>
  db
    .selectFrom('formal_assessment')
    .innerJoin('assessment', 'assessment.id', 'formal_assessment.id')
    .innerJoin('enterprise', 'enterprise.id', 'formal_assessment.enterprise_id')
    .leftJoin('assessor as lead', 'lead.id', 'formal_assessment.lead_assessor_id')
    .select([
      'formal_assessment.id',
      'formal_assessment.stage',
      'formal_assessment.body_id',
      'formal_assessment.assessment_type',
      'formal_assessment.target_level',
      'formal_assessment.custom_domains',
      'formal_assessment.weights',
      'assessment.edition_id',
      'assessment.enterprise_type',
      'assessment.tailored',
      'enterprise.region_code',
      'enterprise.sub_platform_code',
      'lead.account_id as lead_account_id',
      sql<RaterRecord[]>`(
        select coalesce(json_agg(json_build_object('assessor_id', m.assessor_id, 'account_id', p.account_id, 'coi', m.coi, 'removed_at', null)), '[]'::json)
        from team_member m join assessor p on p.id = m.assessor_id
        where m.assessment_id = formal_assessment.id and m.removed_at is null
      )`.as('team'),
    ])
    .select('formal_assessment.enterprise_id')
    .where('formal_assessment.id', '=', id)
    .forShare('formal_assessment')
    .executeTakeFirst();

/** The enterprise's application in one of `stages` (the open ones), if any. */
export const findOpenFormalAssessment = (db: Db, enterpriseId: string, stages: readonly FormalStage[]) =>
  db.selectFrom('formal_assessment').select(['id', 'stage']).where('enterprise_id', '=', enterpriseId).where('stage', 'in', [...stages]).executeTakeFirst();

export type FormalAssessmentChanges = Omit<Updateable<FormalAssessmentTable>, 'id' | 'enterprise_id' | 'version' | 'updated_at' | 'submitted_at'>;

/**
 * Applies `changes` if the row is still at `version`, and moves it to the next version. Returns
 * false when someone else changed it first (optimistic concurrency).
 */
export async function updateFormalAssessment(db: Db, id: string, version: number, changes: FormalAssessmentChanges, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('formal_assessment')
    .set({ ...changes, version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- lists

/** Whose formal assessments a list holds (policy.ts decides which applies to the actor). */
export type FormalListScope =
  | { kind: 'all' }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'body'; bodyId: string }
  /** Led by this assessor, or with this assessor still on the team. */
  | { kind: 'assessor'; assessorId: string }
  | { kind: 'region'; regionPrefix: string; subPlatformCode: string };

export async function listFormalAssessments(db: Db, options: { scope: FormalListScope; stage?: FormalStage; limit: number; offset: number }) {
  const { scope } = options;
  let query = db
    .selectFrom('formal_assessment as f')
    .innerJoin('enterprise as e', 'e.id', 'f.enterprise_id')
    .innerJoin('assessment_body as b', 'b.id', 'f.body_id')
    .leftJoin('assessor as l', 'l.id', 'f.lead_assessor_id');
  if (scope.kind === 'enterprise') query = query.where('f.enterprise_id', '=', scope.enterpriseId);
  if (scope.kind === 'body') query = query.where('f.body_id', '=', scope.bodyId);
  if (scope.kind === 'assessor') {
    query = query.where((eb) =>
      eb.or([
        eb('f.lead_assessor_id', '=', scope.assessorId),
        eb.exists(eb.selectFrom('team_member as t').select('t.assessor_id').whereRef('t.assessment_id', '=', 'f.id').where('t.assessor_id', '=', scope.assessorId).where('t.removed_at', 'is', null)),
      ]),
    );
  }
  if (scope.kind === 'region') {
    query = query.where((eb) => eb.or([eb('e.region_code', 'like', likePrefix(scope.regionPrefix)), eb('e.sub_platform_code', '=', scope.subPlatformCode)]));
  }
  if (options.stage) query = query.where('f.stage', '=', options.stage);
  const [rows, count] = await Promise.all([
    query
      .select([
        'f.id',
        'f.enterprise_id',
        'e.name as enterprise_name',
        'e.region_code',
        'f.assessment_type',
        'f.target_level',
        'f.stage',
        'f.body_id',
        'b.name as body_name',
        'l.name as lead_name',
        'f.submitted_at',
        'f.updated_at',
      ])
      .orderBy('f.submitted_at', 'desc')
      .orderBy('f.id')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type FormalAssessmentListRow = Awaited<ReturnType<typeof listFormalAssessments>>['rows'][number];

// ---- the team (评估组)

/** Every member ever added (removed ones too: the record is kept), with the person's name and login: the lead, members, the internal assessor. */
export const listTeam = (db: Db, assessmentId: string) =>
  db
    .selectFrom('team_member')
    .innerJoin('assessor', 'assessor.id', 'team_member.assessor_id')
    .selectAll('team_member')
    .select(['assessor.name', 'assessor.account_id', 'assessor.enterprise_id', 'assessor.body_id'])
    .where('team_member.assessment_id', '=', assessmentId)
    .orderBy(sql`case team_member.team_role when 'lead' then 0 when 'member' then 1 else 2 end`)
    .orderBy('team_member.added_at')
    .orderBy('team_member.assessor_id')
    .execute();

export type TeamMemberRecord = Awaited<ReturnType<typeof listTeam>>[number];

/** Adds a person, or puts a removed one back (pending a new declaration). */
export async function addTeamMember(db: Db, m: { assessmentId: string; assessorId: string; teamRole: TeamRole; at: Date }): Promise<void> {
  await db
    .insertInto('team_member')
    .values({ assessment_id: m.assessmentId, assessor_id: m.assessorId, team_role: m.teamRole, coi: 'pending', added_at: m.at })
    .onConflict((oc) =>
      oc.columns(['assessment_id', 'assessor_id']).doUpdateSet({ team_role: m.teamRole, coi: 'pending', coi_statement: null, declared_by: null, declared_at: null, added_at: m.at, removed_at: null }),
    )
    .execute();
}

export async function removeTeamMember(db: Db, assessmentId: string, assessorId: string, at: Date): Promise<void> {
  await db.updateTable('team_member').set({ removed_at: at }).where('assessment_id', '=', assessmentId).where('assessor_id', '=', assessorId).execute();
}

/** A conflict-of-interest declaration; a declared conflict removes the member (the row stays). */
export async function recordDeclaration(
  db: Db,
  d: { assessmentId: string; assessorId: string; conflict: boolean; statement: string | null; declaredBy: string; at: Date },
): Promise<void> {
  await db
    .updateTable('team_member')
    .set({ coi: d.conflict ? 'conflict' : 'none', coi_statement: d.statement, declared_by: d.declaredBy, declared_at: d.at, ...(d.conflict ? { removed_at: d.at } : {}) })
    .where('assessment_id', '=', d.assessmentId)
    .where('assessor_id', '=', d.assessorId)
    .execute();
}

// ---- plans (预评估计划, 正式评估计划)

export const listPlans = (db: Db, assessmentId: string) => db.selectFrom('assessment_plan').selectAll().where('assessment_id', '=', assessmentId).execute();

export type PlanRecord = Awaited<ReturnType<typeof listPlans>>[number];

export interface PlanContent {
  purpose: string;
  scope: string;
  tasks: string;
  startsOn: string;
  endsOn: string;
  assessorIds: readonly string[];
  agenda: readonly AgendaEntry[];
}

/** Writes the plan as `version` (1 for a new one); its confirmation stays with the version it was given for. */
export async function savePlan(db: Db, p: { assessmentId: string; kind: PlanKind; content: PlanContent; version: number; at: Date }): Promise<void> {
  const values = {
    purpose: p.content.purpose,
    scope: p.content.scope,
    tasks: p.content.tasks,
    starts_on: p.content.startsOn,
    ends_on: p.content.endsOn,
    assessor_ids: JSON.stringify(p.content.assessorIds),
    agenda: JSON.stringify(p.content.agenda),
    version: p.version,
    updated_at: p.at,
  };
  await db
    .insertInto('assessment_plan')
    .values({ assessment_id: p.assessmentId, kind: p.kind, ...values })
    .onConflict((oc) => oc.columns(['assessment_id', 'kind']).doUpdateSet(values))
    .execute();
}

export async function confirmPlan(db: Db, c: { assessmentId: string; kind: PlanKind; version: number; by: string; at: Date }): Promise<void> {
  await db
    .updateTable('assessment_plan')
    .set({ confirmed_version: c.version, confirmed_by: c.by, confirmed_at: c.at })
    .where('assessment_id', '=', c.assessmentId)
    .where('kind', '=', c.kind)
    .execute();
}

/** A changed team: the enterprise confirms the plans again. */
export async function clearPlanConfirmations(db: Db, assessmentId: string): Promise<void> {
  await db.updateTable('assessment_plan').set({ confirmed_version: null, confirmed_by: null, confirmed_at: null }).where('assessment_id', '=', assessmentId).execute();
}

// ---- the pre-assessment (现场预评估)

export const findPreAssessment = (db: Db, assessmentId: string) => db.selectFrom('pre_assessment').selectAll().where('assessment_id', '=', assessmentId).executeTakeFirst();

export async function savePreAssessment(
  db: Db,
  r: { assessmentId: string; basicSituation: string; directEvidence: string; indirectEvidence: string; readinessFindings: string; at: Date },
): Promise<void> {
  const values = {
    basic_situation: r.basicSituation,
    direct_evidence: r.directEvidence,
    indirect_evidence: r.indirectEvidence,
    readiness_findings: r.readinessFindings,
    updated_at: r.at,
  };
  await db
    .insertInto('pre_assessment')
    .values({ assessment_id: r.assessmentId, ...values })
    .onConflict((oc) => oc.column('assessment_id').doUpdateSet(values))
    .execute();
}

export async function decidePreAssessment(db: Db, d: { assessmentId: string; decision: 'proceed' | 'close'; closeReasons: string | null; at: Date }): Promise<void> {
  await db
    .updateTable('pre_assessment')
    .set({ decision: d.decision, close_reasons: d.closeReasons, decided_at: d.at, updated_at: d.at })
    .where('assessment_id', '=', d.assessmentId)
    .execute();
}
