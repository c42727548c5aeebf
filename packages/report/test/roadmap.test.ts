// The improvement roadmap (practice patterns ranked by weighted gap) and the policy matching.
import { assess, requireEdition, type Grade, type ScoreResult } from '@cmmm/model';
import { findPracticePattern } from '@cmmm/reference';
import { describe, expect, it } from 'vitest';
import { policiesFor } from '../src/policy-matches.ts';
import { roadmapFor } from '../src/roadmap.ts';

const edition = requireEdition('db12-t1073-2021');

const requirements = edition.elements.flatMap((e) =>
  e.domains.flatMap((d) => d.subdomains.flatMap((s) => s.items.flatMap((i) => i.requirements.map((r) => ({ id: r.id, level: r.level, subdomainId: s.id }))))),
);

function scored(grade: (r: { id: string; level: number; subdomainId: string }) => Grade, enterpriseType: 'process' | 'discrete' = 'discrete'): ScoreResult {
  const answers = Object.fromEntries(requirements.map((r) => [r.id, grade(r)]));
  const out = assess({ enterpriseType, answers });
  if (!out.ok) throw new Error(out.issues.map((i) => i.message).join('; '));
  return out.value;
}

/** A deterministic spread of grades, so that many subdomains are weak at different depths. */
const RATED: Grade[] = ['FI', 'LI', 'PI', 'NI'];
const spread = (lift: number) => (r: { id: string; level: number }) =>
  r.level < lift ? 'FI' : RATED[(r.id.length * 7 + r.id.charCodeAt(r.id.length - 4) * 3 + r.level) % 4]!;

describe('roadmapFor', () => {
  it('puts 设备全生命周期管理 first when only 设备管理 and 装备 fall short at 二级', () => {
    // 二级: 设备管理 and 装备 不满足; everything else 大部分满足 (0.8, so no gap, but the level is not reached,
    // which 全部满足 elsewhere would do: the two weigh too little). Every other level 全部满足.
    const weak = new Set(['M2-4', 'R1-1']);
    const result = scored((r) => (r.level !== 2 ? 'FI' : weak.has(r.subdomainId) ? 'NI' : 'LI'));
    expect(result.level).toBe(1);
    expect(result.gap!.targetLevel).toBe(2);
    const roadmap = roadmapFor(result, edition);
    expect(roadmap[0]!.patternId).toBe('equipment-lifecycle');
    expect(roadmap[0]!.name).toBe('设备全生命周期管理');
    // 自组织柔性生产 also rests on both (PTR + M2-4): same priority, later in the report's order.
    expect(roadmap[1]!.patternId).toBe('self-organising-flexible-production');
    expect(roadmap[1]!.priority).toBe(roadmap[0]!.priority);
    // Then the other patterns resting on 装备 through PTR, in the report's order; 数字化人才培养 rests on
    // neither and, with priority 0, is dropped.
    expect(roadmapFor(result, edition, 8).map((e) => e.patternId)).toEqual([
      'equipment-lifecycle',
      'self-organising-flexible-production',
      'digital-rd-design',
      'self-organising-logistics',
      'agile-supply-chain',
      'value-based-service',
      'sustainable-manufacturing',
    ]);

    const first = roadmap[0]!;
    expect(first.subdomains.map((s) => s.id).slice(0, 2).sort()).toEqual(['M2-4', 'R1-1']);
    expect(first.subdomains[0]!.score).toBe(0);
    const b = result.breakdown['2']!;
    const weightOf = (id: string) => {
      for (const e of b.elements) for (const d of e.domains) for (const s of d.subdomains) if (s.id === id) return e.weight * d.weight * s.weight;
      throw new Error(id);
    };
    expect(first.priority).toBeCloseTo(0.8 * weightOf('M2-4') + 0.8 * weightOf('R1-1'), 12);
    expect(first.reason).toContain('设备管理（M2-4）');
    expect(first.reason).toContain('0.8 − 得分');
    expect(first.path).toEqual(findPracticePattern('equipment-lifecycle')!.path);
    expect(first.case?.enterprise).toBe('华润三九医药股份有限公司');
    expect(first.targets.length).toBeGreaterThan(0);
    expect(first.targets.length).toBeLessThanOrEqual(5);
    for (const t of first.targets) {
      expect(t.requirementId).toMatch(/^(M2-4|R1-1)\.\d+\.L2$/);
      expect(t.text.length).toBeGreaterThan(0);
    }
  });

  it('is empty at 五级', () => {
    const result = scored(() => 'FI');
    expect(result.level).toBe(5);
    expect(roadmapFor(result, edition)).toEqual([]);
  });

  it('ranks by priority, descending; keeps targets within the pattern subdomains; respects the limit', () => {
    for (const lift of [1, 2, 3, 4, 5]) {
      for (const type of ['process', 'discrete'] as const) {
        const result = scored(spread(lift), type);
        if (!result.gap) continue;
        const all = roadmapFor(result, edition, 8);
        expect(all.length).toBeGreaterThan(0);
        expect(roadmapFor(result, edition)).toEqual(all.slice(0, 3));
        expect(roadmapFor(result, edition, 1)).toEqual(all.slice(0, 1));
        const holding = new Map(result.gap.holding.map((h) => [h.requirementId, h]));
        for (let i = 0; i < all.length; i++) {
          const entry = all[i]!;
          expect(entry.priority).toBeGreaterThan(0);
          if (i > 0) expect(all[i - 1]!.priority).toBeGreaterThanOrEqual(entry.priority);
          const pattern = findPracticePattern(entry.patternId)!;
          const ids = entry.subdomains.map((s) => s.id);
          for (const id of ids) expect(pattern.subdomains).toContain(id);
          const scores = entry.subdomains.map((s) => s.score);
          expect(scores).toEqual([...scores].sort((a, b) => a - b));
          const effects: number[] = [];
          for (const t of entry.targets) {
            const h = holding.get(t.requirementId)!;
            expect(h).toBeDefined();
            expect(ids).toContain(h.subdomainId);
            expect(t.requirementId.endsWith(`.L${result.gap.targetLevel}`)).toBe(true);
            effects.push(h.effect);
          }
          expect(effects).toEqual([...effects].sort((a, b) => b - a));
          expect(entry.case === null || entry.case.kpis.length > 0).toBe(true);
        }
      }
    }
  });
});

describe('policiesFor', () => {
  it('finds the province policy of 安徽 for a county there, as the next level at 二级 and the current one at 三级', () => {
    const atTwo = policiesFor('340102', 2).filter((m) => m.policyId === 'policy-22');
    expect(atTwo).toEqual([expect.objectContaining({ forCurrentLevel: false, levels: [3], scope: 'province', region: '安徽省' })]);
    expect(atTwo[0]!.reward).toContain('100 万元');
    const atThree = policiesFor('340102', 3).filter((m) => m.policyId === 'policy-22');
    expect(atThree.map((m) => [m.forCurrentLevel, m.levels])).toEqual([[true, [3]], [false, [4]]]);
    expect(atThree[1]!.reward).toContain('300 万元');
  });

  it('always includes the national policies that concern the level, first', () => {
    for (const code of ['340102', '320214', '110101', '650102']) {
      const atTwo = policiesFor(code, 2);
      expect(atTwo.filter((m) => m.scope === 'national').map((m) => [m.policyId, m.forCurrentLevel])).toEqual([
        ['policy-02', false],
        ['policy-03', false],
      ]);
      expect(atTwo[0]!.scope).toBe('national');
      // A reward for 三级及以上 is listed once at 三级: as current, not again as next.
      const atThree = policiesFor(code, 3).filter((m) => m.scope === 'national');
      expect(atThree.map((m) => [m.policyId, m.forCurrentLevel])).toEqual([
        ['policy-02', true],
        ['policy-03', true],
      ]);
      expect(policiesFor(code, 0).filter((m) => m.scope === 'national')).toEqual([]);
    }
  });

  it('matches nation, province, city and county by code prefix, in that order', () => {
    const matches = policiesFor('320214', 2); // 无锡市新吴区
    expect(matches.map((m) => [m.policyId, m.forCurrentLevel])).toEqual([
      ['policy-02', false],
      ['policy-03', false],
      ['policy-05', true], // 无锡市, 二级及以上
      ['policy-07', true],
      ['policy-07', false],
      ['policy-09', true],
      ['policy-09', false],
    ]);
    expect(matches.find((m) => m.policyId === 'policy-07' && m.forCurrentLevel)!.reward).toContain('20 万元');
    expect(matches.find((m) => m.policyId === 'policy-07' && !m.forCurrentLevel)!.reward).toContain('50 万元');
    // Another county of 无锡 gets its own county policy, not 新吴区's.
    const huishan = policiesFor('320206', 4).map((m) => m.policyId);
    expect(huishan).toContain('policy-08');
    expect(huishan).not.toContain('policy-07');
    // Scope order is kept everywhere.
    const rank = { national: 0, province: 1, city: 2, county: 3 };
    for (const [code, level] of [['320214', 3], ['360702', 1], ['410102', 4], ['440306', 2]] as const) {
      const got = policiesFor(code, level).map((m) => rank[m.scope]);
      expect(got).toEqual([...got].sort((a, b) => a - b));
    }
  });

  it('lists nothing beyond 五级 and nothing for a region without level-specific policies', () => {
    expect(policiesFor('320214', 5).every((m) => m.forCurrentLevel)).toBe(true);
    expect(policiesFor('650102', 1)).toEqual([]); // 新疆, 一级: no national reward at 一级 or 二级
  });
});
