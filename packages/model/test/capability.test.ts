// 能力度等级: the capability profile per domain (自定义评估 with targets; self-diagnosis without).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessCapability,
  capabilityProfile,
  rational,
  scoreSheet,
  toString as ratio,
  type CapabilityProfile,
  type CapabilityTarget,
  type DomainCapability,
  type Grade,
  type MaturityLevel,
  type ScoringPlan,
} from '../src/index.ts';
import { assessment, raiseOne } from './arbitraries.ts';
import { buildAnswers, buildPlan, buildSheet, edition, requirementsOf } from './builders.ts';

const RUNS = { numRuns: 100 };
const LEVELS: MaturityLevel[] = [1, 2, 3, 4, 5];

function profileOf(plan: ScoringPlan, answers: Record<string, Grade>, targets?: CapabilityTarget[]): CapabilityProfile {
  const got = capabilityProfile(plan, buildSheet(plan, answers), targets);
  if (!got.ok) throw new Error(JSON.stringify(got.issues));
  return got.value;
}

const domain = (profile: CapabilityProfile, id: string): DomainCapability => profile.domains.find((d) => d.id === id)!;
const capabilityLevels = (profile: CapabilityProfile) => Object.fromEntries(profile.domains.map((d) => [d.id, d.capabilityLevel]));

const refusal = (plan: ScoringPlan, answers: Record<string, Grade>, targets: CapabilityTarget[]) => {
  const got = capabilityProfile(plan, buildSheet(plan, answers), targets);
  return got.ok ? [] : got.issues.map((i) => `${i.code} ${i.path}`);
};

/** Random targets: a non-empty subset of the plan's domains, each with a level. */
const targetsFor = (plan: ScoringPlan) =>
  fc.uniqueArray(fc.record({ domainId: fc.constantFrom(...plan.domains.map((d) => d.id)), maxLevel: fc.constantFrom(...LEVELS) }), {
    minLength: 1,
    maxLength: 6,
    selector: (t) => t.domainId,
  });

describe('capability levels against targets (自定义评估)', () => {
  it('all 大部分满足 (LI) reaches every target exactly: each level score is exactly 4/5', () => {
    const targets: CapabilityTarget[] = [
      { domainId: 'M2', maxLevel: 5 },
      { domainId: 'P1', maxLevel: 2 },
      { domainId: 'G2', maxLevel: 3 },
      { domainId: 'T1', maxLevel: 1 },
    ];
    const profile = profileOf(buildPlan(), buildAnswers('LI'), targets);
    // plan (document) order, whatever the order of the targets
    expect(profile.domains.map((d) => [d.id, d.element, d.target, d.capabilityLevel])).toEqual([
      ['P1', 'P', 2, 2],
      ['T1', 'T', 1, 1],
      ['M2', 'M', 5, 5],
      ['G2', 'G', 3, 3],
    ]);
    for (const d of profile.domains) {
      expect(d.levels.map((l) => l.level)).toEqual(LEVELS.slice(0, d.target!));
      expect(d.levels.every((l) => l.reached && l.score === 0.8 && l.scoreExact === '4/5')).toBe(true);
    }
    expect(domain(profile, 'M2').name).toBe('生产');
  });

  it('a single 不满足 at 一级 gives capability level 0 for that domain only', () => {
    const answers = { ...buildAnswers('LI'), 'M2-3.2.L1': 'NI' as const };
    const targets = buildPlan().domains.map((d) => ({ domainId: d.id, maxLevel: 5 as const }));
    const levels = capabilityLevels(profileOf(buildPlan(), answers, targets));
    expect(levels.M2).toBe(0);
    expect(Object.entries(levels).filter(([id]) => id !== 'M2').every(([, k]) => k === 5)).toBe(true);
    // its level scores are still all given: the team rated every level up to the target
    expect(domain(profileOf(buildPlan(), answers, targets), 'M2').levels.map((l) => l.reached)).toEqual([false, true, true, true, true]);
  });

  it('capability level is the run of reached levels from 一级: reached, not, reached → 1', () => {
    const answers = buildAnswers((r) => (r.domainId === 'M4' && r.level === 2 ? 'PI' : 'FI'));
    expect(domain(profileOf(buildPlan(), answers, [{ domainId: 'M4', maxLevel: 4 }]), 'M4').capabilityLevel).toBe(1);
  });

  it('domains not chosen need no answers; levels above the target neither', () => {
    const onlyM2UpTo3 = Object.fromEntries(
      requirementsOf().filter((r) => r.domainId === 'M2' && r.level <= 3).map((r) => [r.id, 'LI' as Grade]),
    );
    const profile = profileOf(buildPlan(), onlyM2UpTo3, [{ domainId: 'M2', maxLevel: 3 }]);
    expect(profile.domains.map((d) => [d.id, d.capabilityLevel])).toEqual([['M2', 3]]);
  });

  it('a missing answer up to the target is MISSING_ANSWERS naming the domain, level and requirements', () => {
    const plan = buildPlan();
    const answers = buildAnswers('FI');
    delete answers['M4-1.2.L3'];
    delete answers['M4-1.5.L3'];
    delete answers['G2-2.1.L1'];
    const got = capabilityProfile(plan, buildSheet(plan, answers), [{ domainId: 'M4', maxLevel: 4 }, { domainId: 'G2', maxLevel: 1 }]);
    expect(got.ok).toBe(false);
    if (got.ok) return;
    expect(got.issues.map((i) => i.code)).toEqual(['MISSING_ANSWERS', 'MISSING_ANSWERS']);
    expect(got.issues[0]!.message).toMatch(/销售.*三级.*2 条.*M4-1\.2\.L3、M4-1\.5\.L3/);
    expect(got.issues[1]!.message).toMatch(/两化融合.*一级.*G2-2\.1\.L1/);
    // above the target nothing is asked
    expect(capabilityProfile(plan, buildSheet(plan, answers), [{ domainId: 'M4', maxLevel: 2 }]).ok).toBe(true);
  });

  it('refuses unknown domains, domains not assessed, no domain, repeats and bad levels, each with a code', () => {
    const plan = buildPlan({ tailored: ['M4'] });
    const answers = buildAnswers('FI');
    expect(refusal(plan, answers, [{ domainId: 'Z9', maxLevel: 2 }, { domainId: 'M2-1', maxLevel: 2 }, { domainId: 'M', maxLevel: 2 }])).toEqual([
      'UNKNOWN_NODE capabilityTargets.Z9',
      'UNKNOWN_NODE capabilityTargets.M2-1',
      'UNKNOWN_NODE capabilityTargets.M',
    ]);
    expect(refusal(plan, answers, [{ domainId: 'M4', maxLevel: 2 }])).toEqual(['DOMAIN_NOT_ASSESSED capabilityTargets.M4']);
    expect(refusal(plan, answers, [])).toEqual(['BAD_CUSTOM_DOMAINS capabilityTargets']);
    expect(refusal(plan, answers, [{ domainId: 'M2', maxLevel: 2 }, { domainId: 'M2', maxLevel: 3 }])).toEqual(['BAD_CUSTOM_DOMAINS capabilityTargets.M2']);
    expect(refusal(plan, answers, [{ domainId: 'M2', maxLevel: 0 as MaturityLevel }])).toEqual(['BAD_CUSTOM_DOMAINS capabilityTargets.M2']);
  });

  it('a domain with every subdomain not assessed for the type is refused as not assessed', () => {
    // 流程型 has no 产品设计: with 工艺设计 tailored, 设计 has nothing left
    const plan = buildPlan({ enterpriseType: 'process', tailored: ['M1-2'] });
    expect(refusal(plan, buildAnswers('FI'), [{ domainId: 'M1', maxLevel: 1 }])).toEqual(['DOMAIN_NOT_ASSESSED capabilityTargets.M1']);
  });

  it('capability level never exceeds the target, and never drops when one grade is raised', () => {
    fc.assert(
      fc.property(
        assessment.chain((a) => fc.tuple(fc.constant(a), targetsFor(buildPlan(a)), fc.nat(), fc.nat())),
        ([{ enterpriseType, tailored, answers }, targets, pick, step]) => {
          const plan = buildPlan({ enterpriseType, tailored });
          const before = profileOf(plan, answers, targets);
          for (const d of before.domains) expect(d.capabilityLevel).toBeLessThanOrEqual(d.target!);
          const raised = raiseOne(answers, pick, step);
          if (!raised) return;
          const after = profileOf(plan, { ...answers, [raised.id]: raised.to }, targets);
          before.domains.forEach((d, i) => expect(after.domains[i]!.capabilityLevel).toBeGreaterThanOrEqual(d.capabilityLevel));
        },
      ),
      RUNS,
    );
  });
});

describe('NA and renormalisation within a domain (rule 2)', () => {
  const m5 = (grade: (r: { subdomainId: string; item: number }) => Grade) =>
    buildAnswers((r) => (r.domainId === 'M5' && r.level === 1 ? grade({ subdomainId: r.subdomainId, item: Number(r.id.split('.')[1]) }) : 'FI'));
  const level1 = (plan: ScoringPlan, answers: Record<string, Grade>) => domain(profileOf(plan, answers, [{ domainId: 'M5', maxLevel: 1 }]), 'M5').levels[0];

  it('an all-NA subdomain leaves its domain: the others carry all of its weight', () => {
    // custom weights 客户服务 0.3, 产品服务 0.7; 客户服务 all 部分满足 at 一级
    const plan = buildPlan({ weights: { ...edition.weights.discrete, 'M5-1': 0.3, 'M5-2': 0.7 } });
    const both = level1(plan, m5((r) => (r.subdomainId === 'M5-1' ? 'PI' : 'FI')));
    expect([both?.scoreExact, both?.reached]).toEqual(['17/20', true]); // 0.3 × 0.5 + 0.7 × 1
    const serviceNA = level1(plan, m5((r) => (r.subdomainId === 'M5-1' ? 'PI' : 'NA')));
    expect([serviceNA?.scoreExact, serviceNA?.reached]).toEqual(['1/2', false]); // not 0.15, not 0.85
  });

  it('an NA requirement leaves its subdomain mean (n shrinks)', () => {
    const plan = buildPlan({ weights: { ...edition.weights.discrete, 'M5-1': 0.3, 'M5-2': 0.7 } });
    // 客户服务 (3 items): NA, FI, PI → mean 3/4; 产品服务 all FI → 0.3 × 3/4 + 0.7 = 37/40
    const grades: Grade[] = ['NA', 'FI', 'PI'];
    const got = level1(plan, m5((r) => (r.subdomainId === 'M5-1' ? grades[r.item - 1]! : 'FI')));
    expect([got?.scoreExact, got?.score]).toEqual(['37/40', 0.925]);
  });

  it('a level where the whole domain is NA is left out and does not break the run of reached levels', () => {
    const plan = buildPlan();
    const naAtTwo = buildAnswers((r) => (r.domainId === 'M4' && r.level === 2 ? 'NA' : 'LI'));
    const sales = domain(profileOf(plan, naAtTwo, [{ domainId: 'M4', maxLevel: 4 }]), 'M4');
    expect([sales.levels.map((l) => l.level), sales.capabilityLevel]).toEqual([[1, 3, 4], 4]);
    // an absent level is never counted as reached on its own: 一级 reached, 二级 absent, 三级 not → 1
    const failsThree = buildAnswers((r) => (r.domainId === 'M4' && r.level === 2 ? 'NA' : r.domainId === 'M4' && r.level === 3 ? 'PI' : 'LI'));
    expect(domain(profileOf(plan, failsThree, [{ domainId: 'M4', maxLevel: 4 }]), 'M4').capabilityLevel).toBe(1);
    const allNA = buildAnswers((r) => (r.domainId === 'M4' ? 'NA' : 'LI'));
    expect(domain(profileOf(plan, allNA, [{ domainId: 'M4', maxLevel: 3 }]), 'M4')).toMatchObject({ levels: [], capabilityLevel: 0 });
  });
});

describe('without targets (self-diagnosis)', () => {
  it('profiles every plan domain, up to the first level not fully answered, silently', () => {
    const plan = buildPlan({ enterpriseType: 'process' });
    const upToTwo = Object.fromEntries(Object.entries(buildAnswers('LI')).filter(([id]) => /\.L[12]$/.test(id)));
    delete upToTwo['G1-2.3.L2'];
    const profile = profileOf(plan, upToTwo);
    expect(profile.domains.map((d) => d.id)).toEqual(plan.domains.map((d) => d.id));
    expect(profile.domains.every((d) => d.target === null)).toBe(true);
    const levelsOf = Object.fromEntries(profile.domains.map((d) => [d.id, d.levels.length]));
    expect(levelsOf.G1).toBe(1);
    expect(Object.entries(levelsOf).filter(([id]) => id !== 'G1').every(([, n]) => n === 2)).toBe(true);
    expect(capabilityLevels(profile).M2).toBe(2);
  });

  it('all LI: every domain reaches 五级', () => {
    const profile = profileOf(buildPlan(), buildAnswers('LI'));
    expect(profile.domains).toHaveLength(13);
    expect(profile.domains.every((d) => d.capabilityLevel === 5)).toBe(true);
  });

  it('each domain score equals the engine’s domain score at every level it evaluated, and passes the gate alike', () => {
    fc.assert(
      fc.property(assessment, ({ enterpriseType, tailored, answers }) => {
        const plan = buildPlan({ enterpriseType, tailored });
        const sheet = buildSheet(plan, answers);
        const profile = profileOf(plan, answers);
        const score = scoreSheet(plan, sheet);
        if (!score.ok) throw new Error('score');
        for (const lv of score.value.levels) {
          plan.domains.forEach((d, i) => {
            const form = lv.forms.domains[i];
            const got = profile.domains[i]!.levels.find((l) => l.level === lv.level);
            if (!form) return expect(got).toBeUndefined(); // absent at this level
            let num = 0n;
            form.bigCoef.forEach((c, s) => (num += c * BigInt(lv.sums[s]!)));
            expect(got?.scoreExact).toBe(ratio(rational(num, form.bigDen)));
            expect(got?.score).toBe(lv.domainScores[i]);
            expect(got?.reached).toBe(5n * num >= 4n * form.bigDen);
          });
        }
      }),
      RUNS,
    );
  });
});

describe('assessCapability (the `cmmm score` input with capabilityTargets)', () => {
  it('returns the versioned capability result; weights only when given', () => {
    const input = { enterpriseType: 'discrete', capabilityTargets: { M3: 2, P1: 1 }, answers: buildAnswers('LI') };
    const got = assessCapability(input);
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(Object.keys(got.value)).toEqual(['schemaVersion', 'kind', 'edition', 'standard', 'enterpriseType', 'domains']);
    expect([got.value.schemaVersion, got.value.kind, got.value.edition, got.value.enterpriseType]).toEqual([1, 'capability', 'db12-t1073-2021', 'discrete']);
    expect(got.value.domains.map((d) => [d.id, d.target, d.capabilityLevel])).toEqual([['P1', 1, 1], ['M3', 2, 2]]);
    const weighted = assessCapability({ ...input, weights: { M3: 0.2 } });
    expect(weighted.ok && weighted.value.weights).toEqual({ ...edition.weights.discrete, M3: 0.2 });
  });

  it('uses custom subdomain weights', () => {
    const answers = buildAnswers((r) => (r.subdomainId === 'G1-1' ? 'PI' : 'FI'));
    const input = { enterpriseType: 'process', capabilityTargets: { G1: 1 }, answers };
    const plain = assessCapability(input);
    const weighted = assessCapability({ ...input, weights: { 'G1-1': 0.2, 'G1-2': 0.8 } });
    expect(plain.ok && plain.value.domains[0]!.levels[0]!.scoreExact).toBe('3/4'); // 0.5 × 0.5 + 0.5 × 1
    expect(weighted.ok && weighted.value.domains[0]!.levels[0]!.scoreExact).toBe('9/10'); // 0.2 × 0.5 + 0.8 × 1
  });

  it('refuses bad input with codes', () => {
    const codes = (input: object) => {
      const got = assessCapability(input);
      return got.ok ? [] : got.issues.map((i) => `${i.code} ${i.path}`);
    };
    const answers = buildAnswers('FI');
    expect(codes({ enterpriseType: 'discrete', capabilityTargets: { M2: 6 }, answers })).toEqual(['BAD_INPUT capabilityTargets.M2']);
    expect(codes({ enterpriseType: 'discrete', capabilityTargets: ['M2'], answers })).toEqual(['BAD_INPUT capabilityTargets']);
    expect(codes({ enterpriseType: 'discrete', capabilityTargets: {}, answers })).toEqual(['BAD_CUSTOM_DOMAINS capabilityTargets']);
    expect(codes({ enterpriseType: 'discrete', tailored: ['M3'], capabilityTargets: { M3: 2 }, answers })).toEqual(['DOMAIN_NOT_ASSESSED capabilityTargets.M3']);
    expect(codes({ enterpriseType: 'discrete', capabilityTargets: { M3: 2 }, weights: { M3: -1 }, answers })).toEqual(['BAD_WEIGHT weights.M3']);
  });
});
