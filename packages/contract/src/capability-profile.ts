// The capability profile (能力度等级 per domain and subdomain) of a completed self-diagnosis and its
// readiness for seed 004's application views: what the result API and the report show. Zod-free, so
// the browser imports it (the schemas: capability-profile-schemas.ts).

/** One level of a node as evaluated: its own score and whether it reached 0.8 (decided exactly). */
export interface CapabilityLevelView {
  level: number;
  score: number;
  reached: boolean;
}

/** A domain or subdomain: consecutive levels reached from 一级 (0 = none) and the levels evaluated. */
export interface NodeCapabilityView {
  id: string;
  name: string;
  capabilityLevel: number;
  /** Levels where the node is absent (every requirement NA) are not listed and are passed over. */
  levels: CapabilityLevelView[];
}

export interface CapabilityProfileView {
  /** The levels the self-diagnosis answered, 一级 up; the profile stops above them (not evaluated). */
  evaluatedLevels: number[];
  /** Domains in document order; not-applicable ones (tailored, outside the enterprise type) are left out. */
  domains: DomainCapabilityView[];
}

export interface DomainCapabilityView {
  id: string;
  name: string;
  /** The element's id. */
  element: string;
  capabilityLevel: number;
  levels: CapabilityLevelView[];
  subdomains: NodeCapabilityView[];
}

/** A subdomain at one level: reached, below 0.8, not answered in this diagnosis, or with nothing to meet. */
export type ReadinessStatus = 'reached' | 'notReached' | 'notEvaluated' | 'absent';

export type ReadinessLevel = {
  level: number;
  status: ReadinessStatus;
  /** What stands between the subdomain and this level: the requirements graded PI or NI (notReached),
   *  or every requirement of the level (notEvaluated, grade null). */
  missing: { requirementId: string; text: string; textZh?: string; grade: 'PI' | 'NI' | null }[];
};

export type ReadinessSubdomain = {
  id: string;
  name: string;
  /** △ in seed 004: consulted when the business has it, not needed for readiness. */
  optional: boolean;
  /** False when tailored or outside the enterprise type (then nothing else is filled in). */
  applicable: boolean;
  capabilityLevel: number;
  /** The view's levels each reached (every level from 一级 up to it reached or absent). */
  reaches: { level: number; reached: boolean }[];
  /** Levels from the first one not reached up to the view's highest; empty when it reaches them all. */
  levels: ReadinessLevel[];
};

export type ViewReadiness = {
  id: string;
  name: string;
  nameEn: string;
  focus: string;
  levels: number[];
  notes: string[];
  /** Every applicable required subdomain reaches the view's highest level. */
  ready: boolean;
  /** Per view level: how many applicable required subdomains reach it, out of how many. */
  coverage: { level: number; reached: number; of: number }[];
  subdomains: ReadinessSubdomain[];
};
