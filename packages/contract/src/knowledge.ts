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
  targets: { requirementId: string; text: string }[];
  /** A case from seed 004 with KPIs before/after, when the seed has one. */
  case: { enterprise: string; summary: string; kpis: { name: string; before?: string; after?: string; change?: string }[] } | null;
}

/** A policy that rewards the enterprise's current or next level in its region. */
export interface PolicyMatch {
  policyId: string;
  /** 国家 / 省 / 市 / 区县 level of the issuing government. */
  scope: 'national' | 'province' | 'city' | 'county';
  region: string;
  /** The document, as named in seed 004 appendix 2. */
  document: string;
  /** What is rewarded, for the levels that apply. */
  reward: string;
  /** The maturity levels this reward is for. */
  levels: number[];
  /** Whether it applies to the current level (else to the next). */
  forCurrentLevel: boolean;
}
