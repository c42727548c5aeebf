// 能力度等级 of a completed self-diagnosis: every assessed domain and subdomain with the consecutive
// levels it reached from 一级 (own score ≥ 0.8, decided exactly by the model's engine). Only the levels
// the diagnosis answered count (answers above them, if any, are ignored), so the profile stops at the
// first level not evaluated; not-applicable nodes (tailored, outside the enterprise type) are left out.
import type { CapabilityProfileView } from '@cmmm/contract/capability-profile';
import { capabilityProfile, editionIndex, planFor, readAnswers, subdomainCapabilities, type Edition, type Grade, type ScoreResult } from '@cmmm/model';

/** The profile, from the stored result (type, tailoring, levels evaluated) and the answers. */
export function capabilityProfileFor(result: ScoreResult, answers: Readonly<Record<string, Grade>>, edition: Edition): CapabilityProfileView {
  const evaluatedLevels = Object.keys(result.breakdown).map(Number).sort((a, b) => a - b);
  const evaluated = new Set(evaluatedLevels);
  const index = editionIndex(edition);
  const counted = Object.fromEntries(Object.entries(answers).filter(([id]) => evaluated.has(index.requirement(id)?.level ?? 0)));
  const planned = planFor(edition, result.enterpriseType, result.tailored, result.weights);
  if (!planned.ok) throw new Error(`stored result does not plan: ${planned.issues.map((i) => i.message).join('; ')}`);
  const plan = planned.value;
  const sheet = readAnswers(plan, counted);
  if (!sheet.ok) throw new Error(`stored answers do not read: ${sheet.issues.map((i) => i.message).join('; ')}`);
  const domains = capabilityProfile(plan, sheet.value);
  if (!domains.ok) throw new Error(`capability profile: ${domains.issues.map((i) => i.message).join('; ')}`);
  const subdomains = subdomainCapabilities(plan, sheet.value);
  const levelsOf = (levels: readonly { level: number; score: number; reached: boolean }[]) => levels.map(({ level, score, reached }) => ({ level, score, reached }));
  return {
    evaluatedLevels,
    domains: domains.value.domains.map((d) => ({
      id: d.id,
      name: d.name,
      element: d.element,
      capabilityLevel: d.capabilityLevel,
      levels: levelsOf(d.levels),
      subdomains: subdomains.filter((s) => s.domain === d.id).map((s) => ({ id: s.id, name: s.name, capabilityLevel: s.capabilityLevel, levels: levelsOf(s.levels) })),
    })),
  };
}
