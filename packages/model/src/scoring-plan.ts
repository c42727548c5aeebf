// A scoring plan: one edition, prepared for one enterprise type, one tailoring (裁剪) and one weight
// table. Compile it once; score any number of answer sheets with it.
import { editionIndex } from './edition-index.ts';
import { buildFormSet, type FormSet } from './linear-form.ts';
import { fromDecimal, type Rational } from './rational.ts';
import {
  ENTERPRISE_TYPES,
  fail,
  ok,
  type Edition,
  type EnterpriseType,
  type Issue,
  type Outcome,
  type WeightTable,
} from './types.ts';

export interface PlanElement {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly weight: Rational;
  readonly domains: readonly number[];
}

export interface PlanDomain {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly weight: Rational;
  readonly element: number;
  readonly tailorable: boolean;
  readonly subdomains: readonly number[];
}

export interface PlanSubdomain {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly weight: Rational;
  readonly domain: number;
  readonly itemCount: number;
  /** Requirement indices of this subdomain at each level (index 0 = 一级). */
  readonly byLevel: readonly Int32Array[];
}

/** Why a part of the edition is not in the plan. */
export type Exclusion = 'tailored' | 'notAssessed';

export interface ScoringPlan {
  readonly edition: Edition;
  readonly enterpriseType: EnterpriseType;
  readonly tailored: readonly string[];
  readonly weights: WeightTable;
  /** True when the weights were given (formal assessment), not taken from the edition's table. */
  readonly customWeights: boolean;
  readonly elements: readonly PlanElement[];
  readonly domains: readonly PlanDomain[];
  readonly subdomains: readonly PlanSubdomain[];
  /** Every requirement of the edition, in document order; answer sheets are indexed by it. */
  readonly requirementIds: readonly string[];
  readonly requirementIndex: ReadonlyMap<string, number>;
  /** Plan subdomain of each requirement, or -1 when its part is tailored out or not assessed. */
  readonly requirementSubdomain: Int32Array;
  /** Whether a requirement lies in a tailorable part (NA allowed there). */
  readonly requirementTailorable: Uint8Array;
  /** The level (1–5) of each requirement. */
  readonly requirementLevel: Uint8Array;
  /** Parts of the edition left out of the plan, and why. */
  readonly excluded: ReadonlyMap<string, Exclusion>;
  /** The forms when every item is answered (no NA): the same at every level. */
  readonly fullForms: FormSet;
  /** Requirement indices of each level (index 0 = 一级), plan subdomain after plan subdomain… */
  readonly levelRequirements: readonly Int32Array[];
  /** …where subdomain s owns positions subdomainEnds[s − 1] … subdomainEnds[s] − 1 at every level. */
  readonly subdomainEnds: Int32Array;
}

export interface PlanOptions {
  enterpriseType: EnterpriseType;
  /** Ids of tailorable domains or subdomains the enterprise does not assess. */
  tailored?: readonly string[];
  /** Custom weights (formal assessment, scoring-rules.md rule 4); defaults to the edition's table. */
  weights?: WeightTable;
}

export function compilePlan(edition: Edition, options: PlanOptions): Outcome<ScoringPlan> {
  const issues: Issue[] = [];
  const { enterpriseType } = options;
  if (!ENTERPRISE_TYPES.includes(enterpriseType)) {
    return fail([{ code: 'BAD_ENTERPRISE_TYPE', path: 'enterpriseType', message: `企业类型须为 process（流程型）或 discrete（离散型），收到「${String(enterpriseType)}」` }]);
  }
  const weights = options.weights ?? edition.weights[enterpriseType];
  issues.push(...customWeightIssues(edition, weights));
  const tailored = [...new Set(options.tailored ?? [])].sort();
  issues.push(...tailoringIssues(edition, tailored));
  if (issues.length) return fail(issues);

  const tailoredSet = new Set(tailored);
  const excluded = new Map<string, Exclusion>();
  const elements: PlanElement[] = [];
  const domains: PlanDomain[] = [];
  const subdomains: PlanSubdomain[] = [];
  const requirementIds: string[] = [];
  const requirementSubdomainList: number[] = [];
  const requirementTailorableList: number[] = [];
  const requirementLevelList: number[] = [];

  for (const e of edition.elements) {
    const domainIdx: number[] = [];
    for (const d of e.domains) {
      const dOut: Exclusion | null = !(d.id in weights) ? 'notAssessed' : tailoredSet.has(d.id) ? 'tailored' : null;
      if (dOut) excluded.set(d.id, dOut);
      const subIdx: number[] = [];
      for (const s of d.subdomains) {
        const sOut: Exclusion | null = dOut ?? (!(s.id in weights) ? 'notAssessed' : tailoredSet.has(s.id) ? 'tailored' : null);
        if (sOut) excluded.set(s.id, sOut);
        const index = sOut ? -1 : subdomains.length;
        const byLevel: number[][] = [[], [], [], [], []];
        for (const item of s.items) {
          for (const r of item.requirements) {
            byLevel[r.level - 1]!.push(requirementIds.length);
            requirementIds.push(r.id);
            requirementSubdomainList.push(index);
            requirementTailorableList.push(d.tailorable ? 1 : 0);
            requirementLevelList.push(r.level);
          }
        }
        if (sOut) continue;
        subIdx.push(index);
        subdomains.push({
          index,
          id: s.id,
          name: s.name,
          weight: fromDecimal(weights[s.id]!),
          domain: domains.length,
          itemCount: s.items.length,
          byLevel: byLevel.map((l) => Int32Array.from(l)),
        });
      }
      if (dOut) continue;
      if (!subIdx.length) {
        excluded.set(d.id, d.subdomains.some((s) => excluded.get(s.id) === 'tailored') ? 'tailored' : 'notAssessed');
        continue;
      }
      domainIdx.push(domains.length);
      domains.push({
        index: domains.length,
        id: d.id,
        name: d.name,
        weight: fromDecimal(weights[d.id]!),
        element: elements.length,
        tailorable: d.tailorable,
        subdomains: subIdx,
      });
    }
    if (!(e.id in weights) || !domainIdx.length) {
      excluded.set(e.id, 'notAssessed');
      continue;
    }
    elements.push({ index: elements.length, id: e.id, name: e.name, weight: fromDecimal(weights[e.id]!), domains: domainIdx });
  }

  const tree = { elements, domains, subdomains };
  const fullForms = buildFormSet(tree, Int32Array.from(subdomains, (s) => s.itemCount));
  return ok({
    edition,
    enterpriseType,
    tailored,
    weights,
    customWeights: options.weights !== undefined,
    elements,
    domains,
    subdomains,
    requirementIds,
    requirementIndex: new Map(requirementIds.map((id, i) => [id, i])),
    requirementSubdomain: Int32Array.from(requirementSubdomainList),
    requirementTailorable: Uint8Array.from(requirementTailorableList),
    requirementLevel: Uint8Array.from(requirementLevelList),
    excluded,
    fullForms,
    levelRequirements: [0, 1, 2, 3, 4].map((l) => Int32Array.from(subdomains.flatMap((s) => [...s.byLevel[l]!]))),
    subdomainEnds: Int32Array.from(subdomains.map((s) => s.itemCount)).map((_, i, counts) => counts.slice(0, i + 1).reduce((a, b) => a + b, 0)),
  });
}

function tailoringIssues(edition: Edition, tailored: readonly string[]): Issue[] {
  const index = editionIndex(edition);
  return tailored.flatMap((nodeId): Issue[] => {
    const node = index.node(nodeId);
    if (node?.kind === 'element') {
      return [{ code: 'TAILORING_NOT_ALLOWED', path: 'tailored', message: `不能裁剪整个能力要素「${node.node.name}」（${nodeId}），只能裁剪可裁剪的能力域或能力子域` }];
    }
    if (node?.kind !== 'domain' && node?.kind !== 'subdomain') {
      return [{ code: 'UNKNOWN_NODE', path: `tailored`, message: `裁剪项「${nodeId}」不是模型中的能力域或能力子域` }];
    }
    // A subdomain may be tailored when its domain may.
    const domain = index.path(nodeId).find((n) => n.kind === 'domain');
    if (!domain?.node.tailorable) {
      return [{ code: 'TAILORING_NOT_ALLOWED', path: 'tailored', message: `「${node.node.name}」（${nodeId}）为必选内容，不可裁剪` }];
    }
    return [];
  });
}

/** A custom weight table needs positive weights on known nodes; groups are renormalised anyway. */
function customWeightIssues(edition: Edition, weights: WeightTable): Issue[] {
  const index = editionIndex(edition);
  const weighable = (nodeId: string) => ['element', 'domain', 'subdomain'].includes(index.node(nodeId)?.kind ?? '');
  return Object.entries(weights).flatMap(([nodeId, w]): Issue[] => {
    if (!weighable(nodeId)) return [{ code: 'UNKNOWN_NODE', path: `weights.${nodeId}`, message: `权重中的「${nodeId}」不是模型中的节点` }];
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0) {
      return [{ code: 'BAD_WEIGHT', path: `weights.${nodeId}`, message: `「${nodeId}」的权重须为正数，收到 ${String(w)}` }];
    }
    return [];
  });
}
