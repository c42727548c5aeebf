// 能力度等级 of every 能力子域 (subdomain), beside capabilityProfile's domains: consecutive levels from
// 一级 with the subdomain's own score — the mean of its answered requirements — ≥ 0.8, exactly
// (10 · Σ tenths ≥ 8 · 10 · answered, in integers). The same rules as the domains': levels from 一级
// up, stopping at the first one not fully answered (not evaluated); a level where every requirement
// is NA is absent and passed over; subdomains outside the plan (tailored, not assessed) are not listed.
import { GradeCode, TENTHS_BY_CODE, type AnswerSheet } from './answers.ts';
import { rational, toNumber, toString } from './rational.ts';
import type { ScoringPlan } from './scoring-plan.ts';
import { MATURITY_LEVELS, type MaturityLevel } from './types.ts';
import type { CapabilityLevelScore } from './capability.ts';

export interface SubdomainCapability {
  id: string;
  name: string;
  /** The domain's id. */
  domain: string;
  /** Consecutive levels reached from 一级 (0 = none); absent levels are passed over. */
  capabilityLevel: 0 | MaturityLevel;
  /** The levels evaluated, 一级 up; a level where the subdomain is absent (all NA) is not listed. */
  levels: CapabilityLevelScore[];
}

/** Every plan subdomain's capability level, in plan (document) order. */
export function subdomainCapabilities(plan: ScoringPlan, sheet: AnswerSheet): SubdomainCapability[] {
  return plan.subdomains.map((subdomain) => {
    const levels: CapabilityLevelScore[] = [];
    for (const level of MATURITY_LEVELS) {
      let tenths = 0;
      let answered = 0;
      let complete = true;
      for (const r of subdomain.byLevel[level - 1]!) {
        const code = sheet[r]!;
        if (code === GradeCode.none) complete = false;
        else if (code !== GradeCode.NA) {
          tenths += TENTHS_BY_CODE[code]!;
          answered++;
        }
      }
      if (!complete) break;
      if (!answered) continue;
      const score = rational(tenths, 10 * answered);
      levels.push({ level, score: toNumber(score), scoreExact: toString(score), reached: tenths >= 8 * answered });
    }
    let capabilityLevel: 0 | MaturityLevel = 0;
    for (const l of levels) {
      if (!l.reached) break;
      capabilityLevel = l.level;
    }
    return { id: subdomain.id, name: subdomain.name, domain: plan.domains[subdomain.domain]!.id, capabilityLevel, levels };
  });
}
