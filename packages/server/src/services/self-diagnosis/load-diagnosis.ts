// Loading a self-diagnosis for an actor, with the rules of policy.ts: its enterprise's users answer;
// they, and whoever may see the enterprise, read. Also: the scoring plan a diagnosis was created with.
import { planFor, requireEdition, type EnterpriseType, type ScoringPlan } from '@cmmm/model';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canAnswerSelfDiagnosis, canReadSelfDiagnosis, canRunSelfDiagnosis, type Actor } from '../../policy.ts';
import type { SelfDiagnosisRow } from '../../repositories/self-diagnoses.ts';
import { enterpriseScope } from '../../views.ts';

/** The actor's own enterprise, for the use-cases only enterprise users have. */
export function ownEnterpriseId(actor: Actor | null): string {
  authorize(actor, canRunSelfDiagnosis(actor), 'NOT_AN_ENTERPRISE');
  return actor.enterpriseId!;
}

export async function readableDiagnosis(ctx: ServiceContext, actor: Actor | null, id: string): Promise<SelfDiagnosisRow> {
  authorize(actor, true); // logged in; which diagnosis, the rule below decides
  const row = await ctx.repos.selfDiagnoses.findSelfDiagnosis(id);
  if (!row) throw new AppError('NOT_FOUND');
  if (actor.enterpriseId === row.enterprise_id) return row;
  const enterprise = await ctx.repos.enterprises.findEnterpriseById(row.enterprise_id);
  authorize(actor, !!enterprise && canReadSelfDiagnosis(actor, enterpriseScope(enterprise)));
  return row;
}

export async function answerableDiagnosis(ctx: ServiceContext, actor: Actor | null, id: string): Promise<SelfDiagnosisRow> {
  ownEnterpriseId(actor);
  const row = await ctx.repos.selfDiagnoses.findSelfDiagnosis(id);
  if (!row) throw new AppError('NOT_FOUND');
  authorize(actor, canAnswerSelfDiagnosis(actor, { enterpriseId: row.enterprise_id }));
  return row;
}

/** The scoring plan a diagnosis was created with (its edition, type and tailoring). */
export function planOf(row: Pick<SelfDiagnosisRow, 'edition_id' | 'enterprise_type' | 'tailored'>): ScoringPlan {
  const plan = planFor(requireEdition(row.edition_id), row.enterprise_type as EnterpriseType, row.tailored);
  if (!plan.ok) throw new Error(`stored diagnosis has an invalid plan: ${plan.issues[0]?.message}`);
  return plan.value;
}

/** The audit subject of a diagnosis, with its enterprise's region. */
export async function diagnosisSubject(ctx: ServiceContext, row: { id: string; enterprise_id: string }) {
  const enterprise = await ctx.repos.enterprises.findEnterpriseById(row.enterprise_id);
  return { type: 'self_diagnosis' as const, id: row.id, enterprise: enterprise ? { id: enterprise.id, regionCode: enterprise.region_code } : null };
}
