// 能力度等级 of a completed self-diagnosis (capabilityProfileFor) and the application views' readiness
// (viewReadinessFor), on the shipped edition and its views file.
import { applicationViewsOf, assess, editionIndex, requireEdition, type Grade, type ScoreResult } from '@cmmm/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capabilityProfileFor } from '../src/capability-profile.ts';
import { viewReadinessFor } from '../src/view-readiness.ts';

const edition = requireEdition('db12-t1073-2021');
const index = editionIndex(edition);
const requirements = index.requirements.map((r) => ({ id: r.requirement.id, level: r.level, subdomainId: r.subdomain.id, tailorable: r.domain.tailorable }));
const views = applicationViewsOf(edition.id)!;
const view = (id: string) => views.views.find((v) => v.id === id)!;
const TENTHS: Record<Grade, number> = { FI: 10, LI: 8, PI: 5, NI: 0, NA: Number.NaN };

/** A completed self-diagnosis as stored: the result, and answers only for the levels it evaluated. */
function diagnosed(grade: (r: (typeof requirements)[number]) => Grade, tailored: string[] = []) {
  const all = Object.fromEntries(requirements.filter((r) => !tailored.some((t) => r.subdomainId.startsWith(`${t}-`) || r.subdomainId === t)).map((r) => [r.id, grade(r)]));
  const out = assess({ enterpriseType: 'discrete', tailored, answers: all });
  if (!out.ok) throw new Error(out.issues.map((i) => i.message).join('; '));
  const result: ScoreResult = out.value;
  const evaluated = new Set(Object.keys(result.breakdown).map(Number));
  const answers = Object.fromEntries(Object.entries(all).filter(([id]) => evaluated.has(index.requirement(id)!.level)));
  return { result, answers, all };
}

const subdomainLevels = (profile: ReturnType<typeof capabilityProfileFor>) =>
  Object.fromEntries(profile.domains.flatMap((d) => d.subdomains.map((s) => [s.id, s.capabilityLevel])));

describe('capabilityProfileFor', () => {
  it('all 大部分满足 (exactly 0.8 everywhere) reaches 五级 in every domain and subdomain: the gate is ≥, exact', () => {
    const { result, answers } = diagnosed(() => 'LI');
    const profile = capabilityProfileFor(result, answers, edition);
    expect(profile.evaluatedLevels).toEqual([1, 2, 3, 4, 5]);
    expect(profile.domains.every((d) => d.capabilityLevel === 5 && d.subdomains.every((s) => s.capabilityLevel === 5))).toBe(true);
    expect(profile.domains.flatMap((d) => d.subdomains)).toHaveLength(23);
  });

  it('stops at the levels not evaluated: 二级 fails overall, so 人员技能 (全部满足 at 一级 and 二级) is 二级 although answers above say 全部满足', () => {
    // 二级: 不满足 everywhere but 人员技能 → the level is not reached and the diagnosis ends there.
    const grade = (r: (typeof requirements)[number]): Grade => (r.level === 2 && r.subdomainId !== 'P1-1' ? 'NI' : 'FI');
    const { result, answers, all } = diagnosed(grade);
    expect(result.level).toBe(1);
    for (const given of [answers, all]) {
      // answers above the evaluated levels (not stored by the platform, but here on purpose) are ignored
      const profile = capabilityProfileFor(result, given, edition);
      expect(profile.evaluatedLevels).toEqual([1, 2]);
      const levels = subdomainLevels(profile);
      expect(levels['P1-1']).toBe(2);
      expect(levels['M2-4']).toBe(1);
      expect(profile.domains.find((d) => d.id === 'P1')!.capabilityLevel).toBe(2);
      expect(profile.domains.find((d) => d.id === 'M2')!.capabilityLevel).toBe(1);
    }
  });

  it('设备管理 at 一级 (four requirements): one 不满足 gives 3/4 = 0.75, not reached; one 大部分满足 gives 3.8/4 = 0.95, reached', () => {
    const m24 = requirements.filter((r) => r.subdomainId === 'M2-4' && r.level === 1).map((r) => r.id);
    expect(m24).toHaveLength(4);
    const one = diagnosed((r) => (r.id === m24[0] ? 'NI' : 'FI'));
    expect(subdomainLevels(capabilityProfileFor(one.result, one.answers, edition))['M2-4']).toBe(0);
    const li = diagnosed((r) => (r.id === m24[0] ? 'LI' : 'FI'));
    expect(subdomainLevels(capabilityProfileFor(li.result, li.answers, edition))['M2-4']).toBe(5);
  });

  it('leaves not-applicable nodes out: 物流 tailored is neither a domain nor a subdomain of the profile', () => {
    const { result, answers } = diagnosed(() => 'FI', ['M3']);
    const profile = capabilityProfileFor(result, answers, edition);
    expect(profile.domains.map((d) => d.id)).not.toContain('M3');
    expect(Object.keys(subdomainLevels(profile))).not.toContain('M3-1');
    const chain = viewReadinessFor(view('smart-supply-chain'), profile, answers, edition);
    const logistics = chain.subdomains.find((s) => s.id === 'M3-1')!;
    expect(logistics).toMatchObject({ applicable: false, levels: [] });
    // the nine applicable required subdomains count; all reach 四级
    expect(chain.coverage).toEqual([
      { level: 3, reached: 9, of: 9 },
      { level: 4, reached: 9, of: 9 },
    ]);
    expect(chain.ready).toBe(true);
  });

  it('a level where every requirement is NA is absent and passed over, not failed', () => {
    // 销售 (tailorable) NA at 二级, 全部满足 elsewhere
    const { result, answers } = diagnosed((r) => (r.subdomainId === 'M4-1' && r.level === 2 ? 'NA' : 'FI'));
    const profile = capabilityProfileFor(result, answers, edition);
    const sales = profile.domains.find((d) => d.id === 'M4')!.subdomains[0]!;
    expect(sales.levels.map((l) => l.level)).toEqual([1, 3, 4, 5]);
    expect(sales.capabilityLevel).toBe(5);
    const chain = viewReadinessFor(view('smart-supply-chain'), profile, answers, edition);
    expect(chain.subdomains.find((s) => s.id === 'M4-1')!.reaches.every((r) => r.reached)).toBe(true);
  });

  it('matches an independent count of tenths for every subdomain, on random diagnoses', () => {
    const grades: Grade[] = ['FI', 'LI', 'PI', 'NI'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Grade>(...grades, 'NA'), { minLength: requirements.length, maxLength: requirements.length }), fc.integer({ min: 0, max: 4 }), (picked, lift) => {
        // levels below `lift` all 全部满足, so deeper levels get evaluated too
        const { result, answers } = diagnosed((r) => (r.level <= lift ? 'FI' : picked[requirements.indexOf(r)] === 'NA' && !r.tailorable ? 'PI' : picked[requirements.indexOf(r)]!));
        const profile = capabilityProfileFor(result, answers, edition);
        const evaluated = Object.keys(result.breakdown).map(Number);
        for (const s of profile.domains.flatMap((d) => d.subdomains)) {
          let expected = 0;
          for (const level of evaluated.sort()) {
            const rated = requirements.filter((r) => r.subdomainId === s.id && r.level === level).map((r) => answers[r.id]!).filter((g) => g !== 'NA');
            if (!rated.length) continue;
            if (rated.reduce((t, g) => t + TENTHS[g], 0) * 10 < 8 * 10 * rated.length) break;
            expected = level;
          }
          expect(s.capabilityLevel).toBe(expected);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('viewReadinessFor', () => {
  it('names the PI and NI requirements between a subdomain and the level it misses, and every requirement of a level not evaluated', () => {
    // 三级 fails overall (不满足 everywhere but 设备管理) and in 设备管理: two of its four 部分满足 → (0.5 + 0.5 + 1 + 1) / 4 = 0.75
    const m24at3 = requirements.filter((r) => r.subdomainId === 'M2-4' && r.level === 3).map((r) => r.id);
    const { result, answers } = diagnosed((r) => (r.level < 3 ? 'FI' : r.id === m24at3[0] || r.id === m24at3[1] ? 'PI' : r.subdomainId === 'M2-4' ? 'FI' : r.level === 3 ? 'NI' : 'FI'));
    expect(Object.keys(result.breakdown)).toEqual(['1', '2', '3']);
    const profile = capabilityProfileFor(result, answers, edition);
    const factory = viewReadinessFor(view('smart-factory'), profile, answers, edition);
    const equipment = factory.subdomains.find((s) => s.id === 'M2-4')!;
    expect(equipment.capabilityLevel).toBe(2);
    expect(equipment.reaches).toEqual([
      { level: 2, reached: true },
      { level: 3, reached: false },
      { level: 4, reached: false },
    ]);
    expect(equipment.levels.map((l) => [l.level, l.status])).toEqual([
      [3, 'notReached'],
      [4, 'notEvaluated'],
    ]);
    expect(equipment.levels[0]!.missing).toEqual(m24at3.slice(0, 2).map((id) => ({ requirementId: id, text: index.requirement(id)!.requirement.text, grade: 'PI' })));
    expect(equipment.levels[1]!.missing.map((m) => m.requirementId)).toEqual(requirements.filter((r) => r.subdomainId === 'M2-4' && r.level === 4).map((r) => r.id));
    expect(equipment.levels[1]!.missing.every((m) => m.grade === null)).toBe(true);
    expect(factory.ready).toBe(false);
    expect(factory.coverage).toEqual([
      { level: 2, reached: 14, of: 14 },
      { level: 3, reached: 0, of: 14 },
      { level: 4, reached: 0, of: 14 },
    ]);
    // 智能车间 (二级–三级) is not ready either, but every subdomain reaches 二级
    const workshop = viewReadinessFor(view('smart-workshop'), profile, answers, edition);
    expect(workshop.coverage[0]).toEqual({ level: 2, reached: 14, of: 14 });
    expect(workshop.ready).toBe(false);
  });

  it('reaching is monotone and means nothing missing up to that level, on random diagnoses', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Grade>('FI', 'LI', 'PI'), { minLength: requirements.length, maxLength: requirements.length }), (picked) => {
        const { result, answers } = diagnosed((r) => picked[requirements.indexOf(r)]!);
        const profile = capabilityProfileFor(result, answers, edition);
        for (const v of views.views) {
          const readiness = viewReadinessFor(v, profile, answers, edition);
          for (const s of readiness.subdomains) {
            const flags = s.reaches.map((r) => r.reached);
            expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
            for (const { level, reached } of s.reaches) {
              const short = s.levels.filter((l) => l.level <= level && (l.status === 'notReached' || l.status === 'notEvaluated'));
              expect(reached).toBe(short.length === 0);
              if (!reached) expect(short.every((l) => l.missing.length > 0)).toBe(true);
            }
          }
          expect(readiness.ready).toBe(readiness.coverage.at(-1)!.reached === readiness.coverage.at(-1)!.of);
        }
      }),
      { numRuns: 30 },
    );
  });
});
