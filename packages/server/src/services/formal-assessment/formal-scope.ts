// What a formal assessment rates (seed 003 §8.3): its scoring plan (the edition, enterprise type,
// the not-applicable domains as tailoring, the lead's domain weights) and the requirements in scope —
// 预定义评估: every requirement of the plan from 一级 to the target level; 自定义评估: the chosen
// domains' requirements from 一级 to each domain's target capability level.
import { compilePlan, editionIndex, requireEdition, type EnterpriseType, type IndexedRequirement, type ScoringPlan } from '@cmmm/model';
import { BoundedMap } from '../../caches.ts';
import type { FormalAssessmentRecord } from '../../repositories/formal-assessments.ts';
import { weightTableOf } from './load-formal-assessment.ts';

type ScopeRow = Pick<FormalAssessmentRecord, 'edition_id' | 'enterprise_type' | 'tailored' | 'weights' | 'assessment_type' | 'target_level' | 'custom_domains'>;

/**
 * Compiled plans by what they are compiled from: a pure function of the stored row, so remembering it
 * changes nothing but time (every rating save needs the scope; compiling was 8% of a save's CPU).
 */
const plans = new BoundedMap<string, ScoringPlan>(64);

export function formalPlan(row: ScopeRow): ScoringPlan {
  const key = JSON.stringify([row.edition_id, row.enterprise_type, row.tailored, row.weights]);
  const known = plans.get(key);
  if (known) return known;
  const compiled = compileFormalPlan(row);
  plans.set(key, compiled);
  return compiled;
}

function compileFormalPlan(row: ScopeRow): ScoringPlan {
  const plan = compilePlan(requireEdition(row.edition_id), { enterpriseType: row.enterprise_type as EnterpriseType, tailored: row.tailored, weights: weightTableOf(row) });
  if (!plan.ok) throw new Error(`stored formal assessment has an invalid plan: ${plan.issues[0]?.message}`);
  return plan.value;
}

/** Domain id → the highest level rated in it. */
export function ratedLevels(row: ScopeRow, plan: ScoringPlan): Map<string, number> {
  if (row.assessment_type === 'custom') return new Map(row.custom_domains.map((d) => [d.domainId, d.targetCapabilityLevel]));
  return new Map(plan.domains.map((d) => [d.id, row.target_level ?? 1]));
}

/** The requirements in scope, in the edition's order. */
export function requirementsInScope(row: ScopeRow, plan: ScoringPlan = formalPlan(row)): IndexedRequirement[] {
  const levels = ratedLevels(row, plan);
  return editionIndex(plan.edition).requirements.filter((r) => {
    const at = plan.requirementIndex.get(r.requirement.id);
    return at !== undefined && plan.requirementSubdomain[at]! >= 0 && r.level <= (levels.get(r.domain.id) ?? 0);
  });
}

/** The highest level rated anywhere (the target level, or the highest target capability level). */
export const topLevel = (row: ScopeRow): number =>
  row.assessment_type === 'custom' ? Math.max(1, ...row.custom_domains.map((d) => d.targetCapabilityLevel)) : (row.target_level ?? 1);
