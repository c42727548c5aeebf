// The improvement roadmap: practice patterns ranked by weighted gap, keyed by edition.
import { assess, editionIndex, requireEdition, type Grade, type ScoreResult } from '@cmmm/model';
import { findPracticePattern, practicePatterns } from '@cmmm/reference';
import { describe, expect, it } from 'vitest';
import { patternSubdomains } from '../src/pattern-subdomains.ts';
import { roadmapFor } from '../src/roadmap.ts';

const edition = requireEdition('db12-t1073-2021');

const requirements = editionIndex(edition).requirements.map((r) => ({ id: r.requirement.id, level: r.level, subdomainId: r.subdomain.id }));

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
    // Plain words: the weak subdomains with their scores, their share of the level, the first requirement
    // in its own words; no formula, no code.
    const share = weightOf('M2-4') + weightOf('R1-1');
    expect(first.reason).toContain('设备管理（得分 0.00）');
    expect(first.reason).toContain(`合计占二级得分的 ${(share * 100).toFixed(1)}%`);
    expect(first.reason).toContain(`首先要做到：“${first.targets[0]!.text.replace(/[。；]$/, '')}”`);
    expect(first.reason).not.toMatch(/[A-Z]\d-\d|Σ|max\(|×|=/);
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

describe('the pattern → subdomain mapping, per edition', () => {
  it('is the CESI mapping of @cmmm/reference for db12-t1073-2021', () => {
    const mapping = patternSubdomains('db12-t1073-2021');
    expect([...mapping.keys()]).toEqual(practicePatterns.map((p) => p.id));
    expect(mapping.get('equipment-lifecycle')).toEqual(findPracticePattern('equipment-lifecycle')!.subdomains);
  });

  it('is empty for an edition without one, which then gets an empty roadmap', () => {
    for (const id of ['gbt-39116-2020', '__proto__', 'toString']) expect(patternSubdomains(id).size).toBe(0);
    const result = scored(spread(2));
    expect(roadmapFor(result, edition).length).toBeGreaterThan(0);
    // The same subdomain ids in an edition the mapping was not made for: no roadmap, not a guessed one.
    const other = { ...edition, id: 'db12-t1073-2099' };
    expect(roadmapFor({ ...result, edition: other.id }, other, 8)).toEqual([]);
  });
});
