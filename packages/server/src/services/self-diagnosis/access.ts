// Who may read or answer a self-diagnosis: its enterprise's users answer; they, and whoever may
// see the enterprise (policy.ts), read.
import { planFor, requireEdition, type EnterpriseType, type ScoringPlan } from '@cmmm/model';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canViewEnterprise, type Actor } from '../../policy.ts';
import { findEnterpriseById } from '../../repositories/enterprises.ts';
import { findSelfDiagnosis, type SelfDiagnosisRow } from '../../repositories/self-diagnoses.ts';

/** The actor's own enterprise, for enterprise users; others are refused. */
export function ownEnterpriseId(actor: Actor | null): string {
  authorize(actor, true);
  if (actor.role !== 'enterprise_user' || !actor.enterpriseId) throw new AppError('NOT_AN_ENTERPRISE');
  return actor.enterpriseId;
}

export async function readableDiagnosis(ctx: ServiceContext, actor: Actor | null, id: string): Promise<SelfDiagnosisRow> {
  authorize(actor, true);
  const row = await findSelfDiagnosis(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (actor.enterpriseId === row.enterprise_id) return row;
  const enterprise = await findEnterpriseById(ctx.db, row.enterprise_id);
  if (!enterprise || !canViewEnterprise(actor, { id: enterprise.id, regionCode: enterprise.region_code, subPlatformCode: enterprise.sub_platform_code })) {
    throw new AppError('FORBIDDEN');
  }
  return row;
}

export async function answerableDiagnosis(ctx: ServiceContext, actor: Actor | null, id: string): Promise<SelfDiagnosisRow> {
  const enterpriseId = ownEnterpriseId(actor);
  const row = await findSelfDiagnosis(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.enterprise_id !== enterpriseId) throw new AppError('FORBIDDEN');
  return row;
}

/** The scoring plan a diagnosis was created with (its edition, type and tailoring). */
export function planOf(row: Pick<SelfDiagnosisRow, 'edition_id' | 'enterprise_type' | 'tailored'>): ScoringPlan {
  const plan = planFor(requireEdition(row.edition_id), row.enterprise_type as EnterpriseType, row.tailored);
  if (!plan.ok) throw new Error(`stored diagnosis has an invalid plan: ${plan.issues[0]?.message}`);
  return plan.value;
}
