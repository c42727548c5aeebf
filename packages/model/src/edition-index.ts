// One index of an edition, built once per edition object: the lookups by id that callers would
// otherwise do by walking elements → domains → subdomains → items → requirements by hand.
// Editions are frozen data, so the index of an edition object never goes stale.
import {
  MATURITY_LEVELS,
  type Domain,
  type Edition,
  type Element,
  type Item,
  type MaturityLevel,
  type Requirement,
  type Subdomain,
} from './types.ts';

/** A requirement with every node above it. */
export interface IndexedRequirement {
  readonly requirement: Requirement;
  readonly item: Item;
  readonly subdomain: Subdomain;
  readonly domain: Domain;
  readonly element: Element;
  readonly level: MaturityLevel;
  /** Position in the edition's order (its index in EditionIndex.requirements). */
  readonly order: number;
}

/** Any node of an edition, tagged with its kind. */
export type EditionNode =
  | { readonly kind: 'element'; readonly node: Element }
  | { readonly kind: 'domain'; readonly node: Domain }
  | { readonly kind: 'subdomain'; readonly node: Subdomain }
  | { readonly kind: 'item'; readonly node: Item }
  | { readonly kind: 'requirement'; readonly node: Requirement };

export interface EditionIndex {
  readonly edition: Edition;
  /** Every requirement in the edition's order: element → domain → subdomain → item → level ascending. */
  readonly requirements: readonly IndexedRequirement[];
  requirement(id: string): IndexedRequirement | undefined;
  node(id: string): EditionNode | undefined;
  /** The nodes from the element down to the node itself; empty for an unknown id. */
  path(id: string): readonly EditionNode[];
  /** The node directly above; undefined for an element or an unknown id. */
  parent(id: string): EditionNode | undefined;
  /** The requirements of one level, in the edition's order. */
  atLevel(level: MaturityLevel): readonly IndexedRequirement[];
  /** The name of an element, domain, subdomain or item; undefined for a requirement (it has a text) or an unknown id. */
  name(id: string): string | undefined;
}

const indexes = new WeakMap<Edition, EditionIndex>();

/** The index of an edition, memoised per edition object. */
export function editionIndex(edition: Edition): EditionIndex {
  let index = indexes.get(edition);
  if (!index) {
    index = buildIndex(edition);
    indexes.set(edition, index);
  }
  return index;
}

function buildIndex(edition: Edition): EditionIndex {
  const paths = new Map<string, readonly EditionNode[]>();
  const requirements: IndexedRequirement[] = [];
  const byId = new Map<string, IndexedRequirement>();
  const visit = (above: readonly EditionNode[], node: EditionNode): readonly EditionNode[] => {
    const path = [...above, node];
    paths.set(node.node.id, path);
    return path;
  };

  for (const element of edition.elements) {
    const ep = visit([], { kind: 'element', node: element });
    for (const domain of element.domains) {
      const dp = visit(ep, { kind: 'domain', node: domain });
      for (const subdomain of domain.subdomains) {
        const sp = visit(dp, { kind: 'subdomain', node: subdomain });
        for (const item of subdomain.items) {
          const ip = visit(sp, { kind: 'item', node: item });
          // Sorted here, so that the promised order does not depend on how the file lists them.
          for (const requirement of [...item.requirements].sort((a, b) => a.level - b.level)) {
            visit(ip, { kind: 'requirement', node: requirement });
            const entry = { requirement, item, subdomain, domain, element, level: requirement.level, order: requirements.length };
            requirements.push(entry);
            byId.set(requirement.id, entry);
          }
        }
      }
    }
  }

  const byLevel = new Map(MATURITY_LEVELS.map((level) => [level, requirements.filter((r) => r.level === level)]));
  const nodeOf = (id: string) => paths.get(id)?.at(-1);
  return {
    edition,
    requirements,
    requirement: (id) => byId.get(id),
    node: nodeOf,
    path: (id) => paths.get(id) ?? [],
    parent: (id) => paths.get(id)?.at(-2),
    atLevel: (level) => byLevel.get(level) ?? [],
    name: (id) => {
      const found = nodeOf(id);
      return found && found.kind !== 'requirement' ? found.node.name : undefined;
    },
  };
}
