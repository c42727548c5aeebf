// 确定能力域权重值 (seed 002: "基于标准，结合行业、企业特点确定能力域权重值"): the lead sets domain
// weights within their element, merged over the edition's table (表14/表15), with a written
// rationale; the engine must be able to score with them (compilePlan), or WEIGHTS_INVALID.
import type { FormalAssessment } from '@cmmm/contract';
import { compilePlan, editionIndex, requireEdition, type EnterpriseType, type Issue } from '@cmmm/model';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canLeadFormalAssessment, type Actor } from '../../policy.ts';
import { recordAudit } from '../audit.ts';
import { WEIGHT_STAGES } from './formal-assessment-view.ts';
import { changeFormalAssessment, formalSubject } from './load-formal-assessment.ts';
import { viewFor } from './read-formal-assessments.ts';
import { requireStage } from './stage-machine.ts';

/** Problems with domain weights for an assessment's edition, type and tailoring; [] when the engine scores with them. */
export function domainWeightIssues(
  assessment: { edition_id: string; enterprise_type: string; tailored: readonly string[] },
  weights: Readonly<Record<string, number>>,
): Issue[] {
  const edition = requireEdition(assessment.edition_id);
  const enterpriseType = assessment.enterprise_type as EnterpriseType;
  const defaults = edition.weights[enterpriseType];
  const index = editionIndex(edition);
  const issues: Issue[] = Object.keys(weights).flatMap((id): Issue[] =>
    index.node(id)?.kind === 'domain' && Object.hasOwn(defaults, id) ? [] : [{ code: 'WEIGHTS_INVALID', path: `weights.${id}`, message: `「${id}」不是本企业类型可评估的能力域` }],
  );
  if (issues.length) return issues;
  const plan = compilePlan(edition, { enterpriseType, tailored: assessment.tailored, weights: { ...defaults, ...weights } });
  return plan.ok ? [] : plan.issues.map((i) => ({ ...i, code: 'WEIGHTS_INVALID' }));
}

/** 设置能力域权重; null restores the edition's table. */
export async function setDomainWeights(ctx: ServiceContext, actor: Actor | null, input: { id: string; weights: Record<string, number> | null; rationale?: string }): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    requireStage(f.row.stage, WEIGHT_STAGES, '调整能力域权重');
    const rationale = input.rationale?.trim() || null;
    if (input.weights) {
      if (!rationale) throw new AppError('WEIGHTS_RATIONALE_REQUIRED', undefined, [{ code: 'WEIGHTS_RATIONALE_REQUIRED', path: 'rationale', message: '调整能力域权重时须填写依据（行业、企业特点）' }]);
      const issues = domainWeightIssues(f.row, input.weights);
      if (issues.length) throw new AppError('WEIGHTS_INVALID', issues[0]!.message, issues);
    }
    // Own keys only, in a fresh object: ids come from the request.
    const weights = input.weights ? Object.fromEntries(Object.entries(input.weights)) : null;
    await recordAudit(tx, by, 'formal_assessment.weights_set', formalSubject(f), { weights, rationale });
    return { weights: weights ? JSON.stringify(weights) : null, weights_rationale: weights ? rationale : null };
  });
  return viewFor(ctx, done.actor, done.facts);
}
