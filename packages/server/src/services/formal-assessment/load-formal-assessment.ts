// Loading a formal assessment with everything its rules and its view need, the scope policy.ts
// decides on, and the one way every change is made: lock, load, check, change, bump the version.
import type { AssessmentBodyRow, AssessorRow, EnterpriseRow, PlanKind, PreAssessmentRow } from '@cmmm/db';
import { requireEdition, type EnterpriseType, type WeightTable } from '@cmmm/model';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canReadFormalAssessment, type Actor, type FormalAssessmentScope } from '../../policy.ts';
import type { FormalAssessmentChanges, FormalAssessmentRecord, PlanRecord, TeamMemberRecord } from '../../repositories/formal-assessments.ts';
import { enterpriseScope } from '../../views.ts';
import { qualificationFacts, type QualificationFacts } from '../assessors/qualification-rules.ts';
import { requestedLevel } from './application-rules.ts';

/** Everything known about one formal assessment at one moment. */
export interface FormalFacts {
  row: FormalAssessmentRecord;
  enterprise: EnterpriseRow;
  body: AssessmentBodyRow | undefined;
  lead: AssessorRow | undefined;
  internalAssessor: AssessorRow | undefined;
  /** Every member ever added, removed ones too. */
  team: TeamMemberRecord[];
  plans: Partial<Record<PlanKind, PlanRecord>>;
  preAssessment: PreAssessmentRow | undefined;
  /** Qualifications of the lead, the internal assessor and every team member. */
  qualifications: ReadonlyMap<string, QualificationFacts[]>;
  /** Today in China Standard Time. */
  today: string;
}

/** A member as the rules see one (a TeamMemberRecord, or a RaterRecord of the rating facts). */
export type MemberFacts = Pick<TeamMemberRecord, 'assessor_id' | 'account_id' | 'coi' | 'removed_at'>;

export const currentTeam = <M extends MemberFacts>(f: { team: readonly M[] }): M[] => f.team.filter((m) => m.removed_at === null);

/** Qualifications grouped by person. */
export async function qualificationsByPerson(ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, QualificationFacts[]>> {
  const unique = [...new Set(ids)];
  const rows = await ctx.repos.assessors.qualificationsOf(unique);
  const byPerson = new Map<string, QualificationFacts[]>(unique.map((id) => [id, []]));
  for (const q of rows) byPerson.get(q.assessor_id)!.push(qualificationFacts(q));
  return byPerson;
}

async function factsOf(ctx: ServiceContext, row: FormalAssessmentRecord | undefined): Promise<FormalFacts | undefined> {
  if (!row) return undefined;
  const [enterprise, body, team, plans, preAssessment, people] = await Promise.all([
    ctx.repos.enterprises.findEnterpriseById(row.enterprise_id),
    ctx.repos.assessmentBodies.findAssessmentBody(row.body_id),
    ctx.repos.formalAssessments.listTeam(row.id),
    ctx.repos.formalAssessments.listPlans(row.id),
    ctx.repos.formalAssessments.findPreAssessment(row.id),
    ctx.repos.assessors.findAssessorsByIds([row.lead_assessor_id, row.internal_assessor_id].filter((x): x is string => !!x)),
  ]);
  if (!enterprise) return undefined;
  const qualifications = await qualificationsByPerson(ctx, [...people.map((a) => a.id), ...team.map((m) => m.assessor_id)]);
  return {
    row,
    enterprise,
    body,
    lead: people.find((a) => a.id === row.lead_assessor_id),
    internalAssessor: people.find((a) => a.id === row.internal_assessor_id),
    team,
    plans: Object.fromEntries(plans.map((p) => [p.kind, p])),
    preAssessment,
    qualifications,
    today: beijingDay(ctx.now()),
  };
}

export const loadFormalAssessment = async (ctx: ServiceContext, id: string) => factsOf(ctx, await ctx.repos.formalAssessments.findFormalAssessment(id));

/** What policy.ts decides on (from the facts of either loader). */
export interface ScopeFacts {
  row: Pick<FormalAssessmentRecord, 'body_id'>;
  enterprise: Pick<EnterpriseRow, 'id' | 'region_code' | 'sub_platform_code'>;
  lead: Pick<AssessorRow, 'account_id'> | undefined;
  team: readonly MemberFacts[];
}

/** What policy.ts decides on. */
export function scopeOf(f: ScopeFacts): FormalAssessmentScope {
  return {
    enterprise: enterpriseScope(f.enterprise),
    bodyId: f.row.body_id,
    leadAccountId: f.lead?.account_id ?? null,
    members: currentTeam(f).map((m) => ({ accountId: m.account_id, coi: m.coi })),
  };
}

/** The assessment if the actor may read it; not found and not allowed answer alike (no probing for ids). */
export async function readableFormalAssessment(ctx: ServiceContext, actor: Actor | null, id: string): Promise<{ actor: Actor; facts: FormalFacts }> {
  authorize(actor, true); // logged in; which assessment, the rule below decides
  const facts = await loadFormalAssessment(ctx, id);
  if (!facts || !canReadFormalAssessment(actor, scopeOf(facts))) throw new AppError('NOT_FOUND');
  return { actor, facts };
}

/**
 * One change to a formal assessment: in one transaction, lock its row, load it, answer NOT_FOUND
 * to whoever may not read it, check `allowed` (a rule of policy.ts), run `work`, and apply the
 * changes it returns with the next version (every change moves the version, optimistic
 * concurrency for the pages; null: nothing changed). Returns the facts after the change.
 */
export async function changeFormalAssessment(
  ctx: ServiceContext,
  actor: Actor | null,
  id: string,
  allowed: (actor: Actor, scope: FormalAssessmentScope, facts: FormalFacts) => boolean,
  work: (tx: ServiceContext, facts: FormalFacts, actor: Actor) => Promise<FormalAssessmentChanges | null>,
): Promise<{ actor: Actor; facts: FormalFacts }> {
  authorize(actor, true);
  return ctx.transaction(async (tx) => {
    const facts = await factsOf(tx, await tx.repos.formalAssessments.lockFormalAssessment(id));
    if (!facts || !canReadFormalAssessment(actor, scopeOf(facts))) throw new AppError('NOT_FOUND');
    authorize(actor, allowed(actor, scopeOf(facts), facts));
    const changes = await work(tx, facts, actor);
    if (changes === null) return { actor, facts };
    if (!(await tx.repos.formalAssessments.updateFormalAssessment(id, facts.row.version, changes, tx.now()))) throw new AppError('EDIT_CONFLICT');
    return { actor, facts: (await loadFormalAssessment(tx, id))! };
  });
}

/** The same change made by the platform itself (scheduled work): no actor, no policy; the stage machine still decides. */
export async function changeFormalAssessmentAsSystem(ctx: ServiceContext, id: string, work: (tx: ServiceContext, facts: FormalFacts) => Promise<FormalAssessmentChanges | null>): Promise<void> {
  await ctx.transaction(async (tx) => {
    const facts = await factsOf(tx, await tx.repos.formalAssessments.lockFormalAssessment(id));
    if (!facts) throw new AppError('NOT_FOUND');
    const changes = await work(tx, facts);
    if (changes !== null && !(await tx.repos.formalAssessments.updateFormalAssessment(id, facts.row.version, changes, tx.now()))) throw new AppError('EDIT_CONFLICT');
  });
}

/**
 * A change beside the process (a rating, evidence, a consensus): the row share-locked so the stage
 * cannot change under it while members work side by side, no version bump (their pages need none).
 */
export async function workOnFormalAssessment<T>(
  ctx: ServiceContext,
  actor: Actor | null,
  id: string,
  allowed: (actor: Actor, scope: FormalAssessmentScope, facts: FormalFacts) => boolean,
  work: (tx: ServiceContext, facts: FormalFacts, actor: Actor) => Promise<T>,
): Promise<T> {
  authorize(actor, true);
  return ctx.transaction(async (tx) => {
    const facts = await factsOf(tx, await tx.repos.formalAssessments.shareLockFormalAssessment(id));
    if (!facts || !canReadFormalAssessment(actor, scopeOf(facts))) throw new AppError('NOT_FOUND');
    authorize(actor, allowed(actor, scopeOf(facts), facts));
    return work(tx, facts, actor);
  });
}

/** The audit subject, with the enterprise so its region's admin reads the events. */
export const formalSubject = (f: { row: Pick<FormalAssessmentRecord, 'id'>; enterprise: Pick<EnterpriseRow, 'id' | 'region_code'> }) => ({ type: 'formal_assessment' as const, id: f.row.id, enterprise: { id: f.enterprise.id, regionCode: f.enterprise.region_code } });

/** The level the application asks for (预定义: the target; 自定义: the highest target capability level). */
export const levelOf = (row: Pick<FormalAssessmentRecord, 'assessment_type' | 'target_level' | 'custom_domains'>): number =>
  requestedLevel({ assessmentType: row.assessment_type, targetLevel: row.target_level ?? undefined, customDomains: row.custom_domains });

/** The weight table the assessment scores with: the lead's domain weights merged over the edition's table. */
export function weightTableOf(row: Pick<FormalAssessmentRecord, 'edition_id' | 'enterprise_type' | 'weights'>): WeightTable {
  const defaults = requireEdition(row.edition_id).weights[row.enterprise_type as EnterpriseType];
  return row.weights ? { ...defaults, ...row.weights } : defaults;
}
