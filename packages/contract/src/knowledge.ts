// The improvement roadmap and policy matches: what the result API and the report show.

/** One high-value practice pattern chosen for the enterprise's improvement roadmap. */
export interface RoadmapEntry {
  patternId: string;
  /** 数字化人才培养, 设备全生命周期管理, … */
  name: string;
  /** Why it was chosen: the weak subdomains it rests on, with their scores and weights. */
  reason: string;
  /** The ranking value (stated rule: Σ over its weak subdomains of weight × gap to the next level). */
  priority: number;
  /** The subdomains of the enterprise it addresses, weakest first. */
  subdomains: { id: string; name: string; score: number; weight: number }[];
  /** The practice path, step by step (our words, facts from seed 004). */
  path: string[];
  /** Next-level requirements to target (ids and texts), from the subdomains it rests on. */
  targets: { requirementId: string; text: string; textZh?: string }[];
  /** A case from seed 004 with KPIs before/after, when the seed has one. */
  case: { enterprise: string; summary: string; kpis: { name: string; before?: string; after?: string; change?: string }[] } | null;
}

/**
 * A policy of the enterprise's nation, province, city or county: one that rewards its current or next
 * level, or (applies 'related', listed after those) one of its region with no reward for either level.
 */
export interface PolicyMatch {
  policyId: string;
  /** 国家 / 省 / 市 / 区县 level of the issuing government. */
  scope: 'national' | 'province' | 'city' | 'county';
  region: string;
  /** The document, as named in seed 004 appendix 2. */
  document: string;
  /** What is rewarded, for the levels that apply ('related': every level-specific reward it has, each
   *  led by its levels; '' when it ties nothing to a level). */
  reward: string;
  /** The maturity levels this reward is for (none for a related policy that names no level). */
  levels: number[];
  /** The current level, the next one, or neither (a related policy of the region). */
  applies: 'current' | 'next' | 'related';
}
