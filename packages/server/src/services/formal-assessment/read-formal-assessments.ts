// 标准符合性评估: the list (scoped by role) and one assessment as its viewer may see it.
import type { FormalAssessment, FormalAssessmentSummary, FormalStage } from '@cmmm/contract';
import { regionPrefix } from '@cmmm/reference';
import type { ServiceContext } from '../../context.ts';
import { authorize, canListFormalAssessments, canSeeAssessedEnterpriseData, oversightOf, type Actor } from '../../policy.ts';
import type { FormalListScope } from '../../repositories/formal-assessments.ts';
import { formalAssessmentView, summaryOf } from './formal-assessment-view.ts';
import { readableFormalAssessment, scopeOf, type FormalFacts } from './load-formal-assessment.ts';

/** Whose assessments the actor's list holds (the same people canReadFormalAssessment lets read them); null: none. */
async function listScopeOf(ctx: ServiceContext, actor: Actor): Promise<FormalListScope | null> {
  switch (actor.role) {
    case 'platform_admin':
    case 'reviewer':
      return { kind: 'all' };
    case 'region_admin': {
      const oversight = oversightOf(actor);
      return oversight.all ? { kind: 'all' } : { kind: 'region', regionPrefix: regionPrefix(oversight.regionCode), subPlatformCode: oversight.regionCode };
    }
    case 'enterprise_user':
      return actor.enterpriseId ? { kind: 'enterprise', enterpriseId: actor.enterpriseId } : null;
    case 'agency_admin':
      return actor.bodyId ? { kind: 'body', bodyId: actor.bodyId } : null;
    case 'assessor':
    case 'lead_assessor': {
      const self = await ctx.repos.assessors.findAssessorByAccount(actor.id);
      return self ? { kind: 'assessor', assessorId: self.id } : null;
    }
  }
}

export async function listFormalAssessments(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { stage?: FormalStage; page: number; pageSize: number },
): Promise<{ items: FormalAssessmentSummary[]; total: number; page: number; pageSize: number }> {
  authorize(actor, canListFormalAssessments(actor));
  const scope = await listScopeOf(ctx, actor);
  if (!scope) return { items: [], total: 0, page: input.page, pageSize: input.pageSize };
  const { rows, total } = await ctx.repos.formalAssessments.listFormalAssessments({ scope, stage: input.stage, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  return { items: rows.map(summaryOf), total, page: input.page, pageSize: input.pageSize };
}

/** The view of loaded facts for this actor (the linked self-diagnosis only for those who may see the enterprise's data). */
export async function viewFor(ctx: ServiceContext, actor: Actor, facts: FormalFacts): Promise<FormalAssessment> {
  const seesData = canSeeAssessedEnterpriseData(actor, scopeOf(facts));
  const diagnosis = seesData ? await ctx.repos.selfDiagnoses.findSelfDiagnosis(facts.row.self_diagnosis_id) : undefined;
  return formalAssessmentView(actor, facts, diagnosis);
}

export async function readFormalAssessment(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<FormalAssessment> {
  const { actor: reader, facts } = await readableFormalAssessment(ctx, actor, input.id);
  return viewFor(ctx, reader, facts);
}
