// The model as the 新建自诊断 page shows it: elements → domains → subdomains with the weights of the
// enterprise type, and what the tailoring choice sends.
import type { Edition, EnterpriseType } from '../api.ts';

export interface ModelNode {
  id: string;
  name: string;
  /** Weight within the parent for this enterprise type; null when not assessed for the type. */
  weight: number | null;
  tailorable: boolean;
  children: ModelNode[];
}

export function modelTree(edition: Edition, type: EnterpriseType): ModelNode[] {
  const weights = edition.weights[type];
  const w = (id: string) => (Object.hasOwn(weights, id) ? (weights[id] ?? null) : null);
  return edition.elements.map((element) => ({
    id: element.id,
    name: element.name,
    weight: w(element.id),
    tailorable: false,
    children: element.domains.map((domain) => ({
      id: domain.id,
      name: domain.name,
      weight: w(domain.id),
      tailorable: domain.tailorable,
      children: domain.subdomains.map((sub) => ({ id: sub.id, name: sub.name, weight: w(sub.id), tailorable: domain.tailorable, children: [] })),
    })),
  }));
}

/** 0.125 → "12.5%"; whole percentages without decimals. */
export function percent(weight: number): string {
  const value = Math.round(weight * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}

/**
 * What to send as `tailored` from the ticked boxes: a domain whose assessed subdomains are all ticked
 * is sent as the domain, otherwise the ticked subdomains. Parts not assessed for the type are ignored.
 */
export function tailoredIds(tree: readonly ModelNode[], ticked: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const element of tree) {
    for (const domain of element.children) {
      if (!domain.tailorable || domain.weight === null) continue;
      const assessed = domain.children.filter((s) => s.weight !== null);
      const tickedSubs = assessed.filter((s) => ticked.has(s.id));
      if (ticked.has(domain.id) || (assessed.length > 0 && tickedSubs.length === assessed.length)) out.push(domain.id);
      else out.push(...tickedSubs.map((s) => s.id));
    }
  }
  return out;
}

/** Ticking a domain ticks its subdomains; unticking a subdomain unticks its domain. */
export function toggleTailored(tree: readonly ModelNode[], ticked: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(ticked);
  for (const element of tree) {
    for (const domain of element.children) {
      if (domain.id === id) {
        for (const s of domain.children) if (on) next.add(s.id);
        else next.delete(s.id);
        if (on) next.add(id);
        else next.delete(id);
      } else if (domain.children.some((s) => s.id === id)) {
        if (on) next.add(id);
        else {
          next.delete(id);
          next.delete(domain.id);
        }
        const assessed = domain.children.filter((s) => s.weight !== null);
        if (on && assessed.every((s) => next.has(s.id))) next.add(domain.id);
      }
    }
  }
  return next;
}

/** Names of what is tailored, for the confirmation ("设计（全部）", "产品服务"). */
export function tailoredNames(tree: readonly ModelNode[], ids: readonly string[]): string[] {
  const names: string[] = [];
  for (const element of tree)
    for (const domain of element.children) {
      if (ids.includes(domain.id)) names.push(domain.name);
      for (const s of domain.children) if (ids.includes(s.id)) names.push(`${domain.name} · ${s.name}`);
    }
  return names;
}
