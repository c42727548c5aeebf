// The edition index: order, counts, lookups by id, path and parent, memoisation.
import { describe, expect, it } from 'vitest';
import { editionIndex, requireEdition, type Edition } from '../src/index.ts';
import { tinyEdition } from './tiny-edition.ts';

const edition = requireEdition('db12-t1073-2021');
const index = editionIndex(edition);
const kinds = (ids: readonly string[]) => ids.map((id) => index.node(id)?.kind);

describe('editionIndex of the default edition', () => {
  it('counts 5 elements, 13 domains, 23 subdomains, 99 items and 495 requirements', () => {
    const count = (kind: string) => new Set(index.requirements.map((r) => index.path(r.requirement.id).find((n) => n.kind === kind)!.node.id)).size;
    expect(['element', 'domain', 'subdomain', 'item'].map(count)).toEqual([5, 13, 23, 99]);
    expect(index.requirements).toHaveLength(495);
    expect(new Set(index.requirements.map((r) => r.requirement.id)).size).toBe(495);
    for (const level of [1, 2, 3, 4, 5] as const) {
      expect(index.atLevel(level)).toHaveLength(99);
      expect(index.atLevel(level).every((r) => r.level === level && r.requirement.level === level)).toBe(true);
    }
  });

  it('lists requirements element → domain → subdomain → item → level, numbering them in that order', () => {
    const expected = edition.elements.flatMap((e) =>
      e.domains.flatMap((d) => d.subdomains.flatMap((s) => s.items.flatMap((i) => [1, 2, 3, 4, 5].map((l) => `${i.id}.L${l}`)))),
    );
    expect(index.requirements.map((r) => r.requirement.id)).toEqual(expected);
    expect(index.requirements.map((r) => r.order)).toEqual(expected.map((_, i) => i));
    expect(index.atLevel(3).map((r) => r.requirement.id)).toEqual(expected.filter((id) => id.endsWith('.L3')));
  });

  it('gives each requirement the nodes above it', () => {
    const r = index.requirement('M2-4.1.L2')!;
    expect([r.element.id, r.domain.id, r.subdomain.id, r.item.id, r.level]).toEqual(['M', 'M2', 'M2-4', 'M2-4.1', 2]);
    expect(r.subdomain.name).toBe('设备管理');
    expect(r.subdomain.items).toContain(r.item);
    expect(r.item.requirements).toContain(r.requirement);
  });

  it('finds every node by id, with its path from the element down and its parent', () => {
    expect(kinds(['M', 'M2', 'M2-4', 'M2-4.1', 'M2-4.1.L2'])).toEqual(['element', 'domain', 'subdomain', 'item', 'requirement']);
    expect(index.path('M2-4.1.L2').map((n) => n.node.id)).toEqual(['M', 'M2', 'M2-4', 'M2-4.1', 'M2-4.1.L2']);
    expect(index.path('M2').map((n) => n.node.id)).toEqual(['M', 'M2']);
    expect(index.path('M').map((n) => n.node.id)).toEqual(['M']);
    expect(index.parent('M2-4.1.L2')?.node.id).toBe('M2-4.1');
    expect(index.parent('M2-4')).toEqual({ kind: 'domain', node: edition.elements.find((e) => e.id === 'M')!.domains.find((d) => d.id === 'M2') });
    expect(index.parent('M')).toBeUndefined();
    // Every node's path ends with itself and its parent holds it.
    for (const r of index.requirements) {
      const path = index.path(r.requirement.id);
      expect(path.map((n) => n.node)).toEqual([r.element, r.domain, r.subdomain, r.item, r.requirement]);
    }
  });

  it('names elements, domains, subdomains and items; not requirements', () => {
    expect(['M', 'M2', 'M2-4'].map((id) => index.name(id))).toEqual(['制造', '生产', '设备管理']);
    expect(index.name('M2-4.1')).toBe(index.requirement('M2-4.1.L1')!.item.name);
    expect(index.name('M2-4.1.L1')).toBeUndefined();
  });

  it('knows nothing of unknown ids, including the names of Object.prototype', () => {
    for (const id of ['X9', '', 'M2-4.1.L6', '__proto__', 'constructor', 'toString']) {
      expect([index.node(id), index.requirement(id), index.parent(id), index.name(id), index.path(id)]).toEqual([undefined, undefined, undefined, undefined, []]);
    }
  });

  it('is built once per edition object', () => {
    expect(editionIndex(edition)).toBe(index);
    expect(editionIndex(requireEdition())).toBe(index); // the shipped edition is one cached object
    const copy: Edition = structuredClone(edition);
    expect(editionIndex(copy)).not.toBe(index);
    expect(editionIndex(copy).requirements.map((r) => r.requirement.id)).toEqual(index.requirements.map((r) => r.requirement.id));
  });
});

describe('editionIndex of another edition', () => {
  it('orders requirements by level within an item even when the file does not', () => {
    const tiny = tinyEdition();
    tiny.elements[0]!.domains[0]!.subdomains[0]!.items[0]!.requirements.reverse();
    const tinyIndex = editionIndex(tiny);
    expect(tinyIndex.requirements.slice(0, 6).map((r) => r.requirement.id)).toEqual(['A1-1.1.L1', 'A1-1.1.L2', 'A1-1.1.L3', 'A1-1.1.L4', 'A1-1.1.L5', 'A1-1.2.L1']);
    expect(tinyIndex.requirements).toHaveLength(8 * 5);
    expect(tinyIndex.path('B2-1.2').map((n) => n.node.id)).toEqual(['B', 'B2', 'B2-1', 'B2-1.2']);
    expect(tinyIndex.node('M2')).toBeUndefined();
  });
});
