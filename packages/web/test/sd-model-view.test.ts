import { getEdition } from '@cmmm/model';
import { describe, expect, it } from 'vitest';
import { beijingDate, lastDayOf } from '../src/self-diagnosis/format.ts';
import { modelTree, percent, tailoredIds, tailoredNames, toggleTailored } from '../src/self-diagnosis/model-view.ts';

const edition = getEdition('db12-t1073-2021');
if (!edition.ok) throw new Error('edition');

describe('the model on 新建自诊断', () => {
  it('shows the weights of the chosen type; 流程型 does not assess 产品设计 and 产品服务', () => {
    const process = modelTree(edition.value, 'process');
    const discrete = modelTree(edition.value, 'discrete');
    const sub = (tree: typeof process, id: string) => tree.flatMap((e) => e.children.flatMap((d) => d.children)).find((s) => s.id === id);
    expect(sub(process, 'M1-1')?.weight).toBeNull();
    expect(sub(process, 'M5-2')?.weight).toBeNull();
    expect(sub(discrete, 'M1-1')?.weight).not.toBeNull();
    expect(process.map((e) => e.name)).toEqual(['人员', '技术', '资源', '制造', '治理']);
    const tailorable = process.flatMap((e) => e.children).filter((d) => d.tailorable).map((d) => d.name);
    expect(tailorable).toEqual(['设计', '物流', '销售', '服务', '两化融合']);
  });

  it('formats weights as percentages', () => {
    expect(percent(0.66)).toBe('66%');
    expect(percent(0.125)).toBe('12.5%');
    expect(percent(1)).toBe('100%');
  });

  it('ticking a domain ticks its subdomains and sends the domain; a single subdomain is sent alone', () => {
    const tree = modelTree(edition.value, 'discrete');
    let ticked = toggleTailored(tree, new Set(), 'M3', true);
    expect(ticked.has('M3-1')).toBe(true);
    expect(tailoredIds(tree, ticked)).toEqual(['M3']);
    ticked = toggleTailored(tree, ticked, 'M5-2', true);
    expect(tailoredIds(tree, ticked)).toEqual(['M3', 'M5-2']);
    ticked = toggleTailored(tree, ticked, 'M5-1', true);
    expect(tailoredIds(tree, ticked)).toEqual(['M3', 'M5']);
    ticked = toggleTailored(tree, ticked, 'M5-1', false);
    expect(tailoredIds(tree, ticked)).toEqual(['M3', 'M5-2']);
    expect(tailoredNames(tree, ['M3', 'M5-2'])).toEqual(['物流', '服务 · 产品服务']);
  });

  it('for 流程型, ticking 产品服务\'s only assessed sibling tailors the whole 服务 domain', () => {
    const tree = modelTree(edition.value, 'process');
    expect(tailoredIds(tree, toggleTailored(tree, new Set(), 'M5-1', true))).toEqual(['M5']);
  });

  it('mandatory parts are never sent', () => {
    const tree = modelTree(edition.value, 'discrete');
    expect(tailoredIds(tree, new Set(['P1', 'M2-1']))).toEqual([]);
  });
});

describe('dates', () => {
  it('states the quota window in Beijing dates', () => {
    // June 2025 in CST is 2025-05-31T16:00Z … 2025-06-30T16:00Z (exclusive).
    expect(beijingDate('2025-05-31T16:00:00.000Z')).toBe('2025-06-01');
    expect(lastDayOf('2025-06-30T16:00:00.000Z')).toBe('2025-06-30');
  });
});
