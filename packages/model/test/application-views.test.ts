// The application views beside the edition (editions/<id>.views.json, seed 004 chapter 2).
import { describe, expect, it } from 'vitest';
import { applicationViewsOf, editionIds, editionIndex, requireEdition } from '../src/index.ts';

describe('application views data', () => {
  const edition = requireEdition('db12-t1073-2021');
  const views = applicationViewsOf(edition.id)!;

  it('names only subdomains of its edition, each once per view, with consecutive levels', () => {
    const index = editionIndex(edition);
    expect(views.edition).toBe(edition.id);
    expect(views.views.map((v) => v.name)).toEqual(['智能车间', '智能工厂', '智慧供应链']);
    for (const view of views.views) {
      const ids = [...view.required, ...view.optional];
      expect(new Set(ids).size, view.id).toBe(ids.length);
      for (const id of ids) expect(index.node(id)?.kind, `${view.id}: ${id}`).toBe('subdomain');
      expect(view.levels).toEqual(Array.from({ length: view.levels.length }, (_, i) => view.levels[0]! + i));
      expect(view.notes.length, view.id).toBeGreaterThan(0);
    }
  });

  it('follows the chapter: 14 process domains for 智能车间 (二级–三级), the same ▲ for 智能工厂 (二级–四级), 采购 … 销售 for 智慧供应链 (三级–四级)', () => {
    const [workshop, factory, chain] = views.views;
    const name = (id: string) => editionIndex(edition).name(id);
    expect(workshop!.levels).toEqual([2, 3]);
    expect(workshop!.required).toHaveLength(14);
    expect(workshop!.required.map(name)).toEqual(expect.arrayContaining(['工艺设计', '采购', '计划与调度', '生产作业', '设备管理', '仓储配送', '安全环保', '能源管理', '人员技能']));
    expect(factory!.levels).toEqual([2, 3, 4]);
    expect(factory!.required).toEqual(workshop!.required);
    expect(factory!.optional.map(name)).toEqual(['产品设计', '物流', '销售', '客户服务', '产品服务']);
    expect(chain!.levels).toEqual([3, 4]);
    expect(chain!.required.map(name)).toEqual(expect.arrayContaining(['采购', '计划与调度', '仓储配送', '物流', '销售']));
    expect(chain!.optional.map(name)).toEqual(['生产作业', '设备管理', '客户服务', '产品服务']);
  });

  it('is looked up own-property only', () => {
    expect(applicationViewsOf('__proto__')).toBeNull();
    expect(editionIds().every((id) => id === 'db12-t1073-2021' || applicationViewsOf(id) === null)).toBe(true);
  });
});
