// The shape of a model edition (要素 → 能力域 → 能力子域 → 分项 → 成熟度要求) and of scoring input.
// An edition file (editions/*.json) is exactly an `Edition`; docs/model-format.md describes it.

/** 成熟度等级 1…5. 0 means 未达到一级 (below level 1) where a result level is meant. */
export type MaturityLevel = 1 | 2 | 3 | 4 | 5;
export const MATURITY_LEVELS: readonly MaturityLevel[] = [1, 2, 3, 4, 5];

// The two unions below are declared here once; @cmmm/contract builds its zod enums from these arrays.

/** 企业类型: 流程型 (process) or 离散型 (discrete). */
export const ENTERPRISE_TYPES = ['process', 'discrete'] as const;
export type EnterpriseType = (typeof ENTERPRISE_TYPES)[number];

/** 满足程度: 全部满足 FI, 大部分满足 LI, 部分满足 PI, 不满足 NI; NA = 企业不涉及此题目. */
export const GRADES = ['FI', 'LI', 'PI', 'NI', 'NA'] as const;
export type Grade = (typeof GRADES)[number];
/** The rated grades, best first. */
export const RATED_GRADES = ['FI', 'LI', 'PI', 'NI'] as const;
export type RatedGrade = (typeof RATED_GRADES)[number];

/** Grade points in tenths (表13: 1, 0.8, 0.5, 0), so that sums stay integers. */
export const GRADE_TENTHS: Readonly<Record<RatedGrade, number>> = { FI: 10, LI: 8, PI: 5, NI: 0 };

export interface Requirement {
  id: string;
  level: MaturityLevel;
  text: string;
}

export interface Item {
  id: string;
  name: string;
  requirements: Requirement[];
}

export interface Subdomain {
  id: string;
  name: string;
  source?: string;
  items: Item[];
}

export interface Domain {
  id: string;
  name: string;
  /** May be tailored out (裁剪) and answered 企业不涉及此题目; §7 of the standard says which. */
  tailorable: boolean;
  subdomains: Subdomain[];
}

export interface Element {
  id: string;
  name: string;
  domains: Domain[];
}

export interface LevelDefinition {
  level: MaturityLevel;
  /** 一级 … 五级 */
  label: string;
  /** 规划级 … 引领级 */
  name: string;
  characteristics: string;
}

export interface EnterpriseTypeDefinition {
  id: EnterpriseType;
  name: string;
  source?: string;
}

/** Weight of each node within its parent, 0–1, per enterprise type. A node absent here is not assessed. */
export type WeightTable = Record<string, number>;

export interface Edition {
  formatVersion: 1;
  id: string;
  standard: string;
  title: string;
  basedOn?: string[];
  levels: LevelDefinition[];
  enterpriseTypes: EnterpriseTypeDefinition[];
  elements: Element[];
  weights: Record<EnterpriseType, WeightTable>;
}

/** One issue found in input or data: a stable code, where, and a Chinese message. */
export interface Issue {
  code: string;
  path: string;
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T>(issues: Issue[]): Outcome<T> => ({ ok: false, issues });
