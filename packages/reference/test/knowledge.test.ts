// The knowledge data from CESI's 2022 practice report (seed 004): the eight practice patterns and the
// 41 policies of appendix 2.
import { requireEdition } from '@cmmm/model';
import { describe, expect, it } from 'vitest';
import { findPracticePattern, policies, practicePatterns } from '../src/index.ts';
import { findRegion } from '../src/regions.ts';

const edition = requireEdition('db12-t1073-2021');
const subdomainIds = new Set(edition.elements.flatMap((e) => e.domains.flatMap((d) => d.subdomains.map((s) => s.id))));

describe('practice patterns', () => {
  it('are the eight patterns of chapter 3, in the report order', () => {
    expect(practicePatterns.map((p) => p.name)).toEqual([
      '数字化人才培养',
      '设备全生命周期管理',
      '数字化研发设计',
      '自组织柔性生产',
      '自组织物流',
      '敏捷供应链',
      '基于价值的服务',
      '可持续制造',
    ]);
  });

  it('have unique kebab-case ids and can be found by id', () => {
    const ids = practicePatterns.map((p) => p.id);
    expect(new Set(ids).size).toBe(8);
    for (const p of practicePatterns) {
      expect(p.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(findPracticePattern(p.id)).toBe(p);
    }
    expect(findPracticePattern('no-such-pattern')).toBeUndefined();
  });

  it('rest only on subdomains of the edition, without repeats', () => {
    for (const p of practicePatterns) {
      expect(p.subdomains.length, p.id).toBeGreaterThan(0);
      expect(new Set(p.subdomains).size, p.id).toBe(p.subdomains.length);
      for (const id of p.subdomains) expect(subdomainIds.has(id), `${p.id}: ${id}`).toBe(true);
    }
  });

  it('map the report codes: 设备全生命周期管理 = T1 T2 T3 R1 R2 M2-4; 人才 = 人员技能 + 组织战略', () => {
    expect(findPracticePattern('equipment-lifecycle')!.subdomains).toEqual(['T1-1', 'T2-1', 'T3-1', 'R1-1', 'R2-1', 'M2-4']);
    expect(findPracticePattern('digital-talent')!.subdomains).toEqual(['P1-1', 'G1-1']);
    expect(findPracticePattern('sustainable-manufacturing')!.subdomains).toEqual(
      ['P1-1', 'T1-1', 'T2-1', 'T3-1', 'R1-1', 'R2-1', 'M2-6', 'M2-7'],
    );
  });

  it('every pattern has a practice path, a summary and needs; all but 数字化人才培养 have sub-patterns', () => {
    for (const p of practicePatterns) {
      expect(p.path.length, p.id).toBeGreaterThan(0);
      expect(p.needs.length, p.id).toBeGreaterThan(0);
      expect(p.summary.length, p.id).toBeGreaterThan(0);
      for (const s of [...p.path, ...p.needs, ...p.subPatterns]) expect(s.trim().length, p.id).toBeGreaterThan(0);
      // 3.1 of the report divides 数字化人才培养 into no 细分模式.
      if (p.id === 'digital-talent') expect(p.subPatterns).toEqual([]);
      else expect(p.subPatterns.length, p.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('carry the six cases of the report, with KPIs', () => {
    const cases = practicePatterns.flatMap((p) => p.cases.map((c) => [p.id, c.enterprise]));
    expect(cases).toHaveLength(6);
    expect(findPracticePattern('equipment-lifecycle')!.cases[0]!.enterprise).toBe('华润三九医药股份有限公司');
    expect(findPracticePattern('sustainable-manufacturing')!.cases.map((c) => c.enterprise)).toEqual([
      '广西华谊能源化工有限公司',
      '友达光电（苏州）有限公司',
    ]);
    for (const p of practicePatterns) {
      for (const c of p.cases) {
        expect(c.kpis.length, c.enterprise).toBeGreaterThan(0);
        for (const k of c.kpis) expect(k.after !== undefined || k.change !== undefined, `${c.enterprise}: ${k.name}`).toBe(true);
      }
    }
  });
});

describe('policies', () => {
  it('are the 41 rows of appendix 2, with unique ids', () => {
    expect(policies).toHaveLength(41);
    expect(new Set(policies.map((p) => p.id)).size).toBe(41);
    expect(policies.map((p) => p.id)).toEqual(Array.from({ length: 41 }, (_, i) => `policy-${String(i + 1).padStart(2, '0')}`));
  });

  it('have a region code known to findRegion (or 000000 for national), at the level of their scope', () => {
    for (const p of policies) {
      if (p.scope === 'national') {
        expect(p.regionCode, p.id).toBe('000000');
        continue;
      }
      const region = findRegion(p.regionCode);
      expect(region, `${p.id}: ${p.regionCode}`).toBeDefined();
      // 厦门火炬高新区 has no code of its own and is kept under 厦门市 (see policies.ts).
      const expected = p.id === 'policy-31' ? 'city' : p.scope;
      expect(region!.region.level, p.id).toBe(expected);
    }
  });

  it('reward levels 1–5 only, with a text', () => {
    for (const p of policies) {
      expect(p.document.length, p.id).toBeGreaterThan(0);
      for (const r of p.rewards) {
        expect(r.levels.length, p.id).toBeGreaterThan(0);
        for (const l of r.levels) expect(Number.isInteger(l) && l >= 1 && l <= 5, `${p.id}: ${l}`).toBe(true);
        expect(r.text.length, p.id).toBeGreaterThan(0);
      }
    }
  });

  it('keep the amounts of the report (spot checks)', () => {
    const byId = new Map(policies.map((p) => [p.id, p]));
    const textFor = (id: string, level: number) =>
      byId.get(id)!.rewards.filter((r) => r.levels.includes(level)).map((r) => r.text).join('；');
    expect(textFor('policy-07', 5)).toContain('200 万元'); // 无锡新吴区
    expect(textFor('policy-08', 2)).toContain('15 万元'); // 无锡惠山区
    expect(textFor('policy-22', 4)).toContain('300 万元'); // 安徽省
    expect(textFor('policy-41', 5)).toContain('800 万元'); // 贵州省
    expect(textFor('policy-35', 1)).toContain('10 万元'); // 郑州市
    expect(textFor('policy-10', 2)).toBe(''); // 锡山区 rewards 三级至五级 only
  });
});
