// Worked examples and every rule of scoring-rules.md, on the shipped edition.
import { describe, expect, it } from 'vitest';
import { assess, compilePlan, readAnswers, scoreSheet, toString as ratio, type Grade } from '../src/index.ts';
import { bandOf, buildAnswers, buildPlan, buildSheet, edition, scoreOf } from './builders.ts';

const inDomain = (ids: string[], grade: Grade, otherwise: Grade) => (r: { domainId: string; subdomainId: string }) =>
  ids.includes(r.domainId) || ids.includes(r.subdomainId) ? grade : otherwise;

describe('grades and the 0.8 gate (表13, scoring-rules.md rule 3)', () => {
  it('all 大部分满足 (LI) reaches 五级 with S = 4.8 exactly, every level score exactly 0.8', () => {
    const score = scoreOf(buildPlan(), buildAnswers('LI'));
    expect(score.level).toBe(5);
    expect(score.totalScore).toBe(4.8);
    expect(ratio(score.totalScoreExact)).toBe('24/5');
    expect(score.levels.map((l) => l.score)).toEqual([0.8, 0.8, 0.8, 0.8, 0.8]);
  });

  it('passes the gate where naive floating point would not (生产 weights × 0.8 sum to 0.7999999999999999)', () => {
    const naive = [0.14, 0.16, 0.16, 0.14, 0.14, 0.13, 0.13].reduce((s, w) => s + w * 0.8, 0);
    expect(naive).toBeLessThan(0.8); // the trap
    const score = scoreOf(buildPlan(), buildAnswers('LI'));
    const production = score.plan.domains.findIndex((d) => d.id === 'M2');
    expect(score.levels[1]!.domainScores[production]).toBe(0.8);
    expect(score.levels[1]!.reached).toBe(true);
  });

  it('all 全部满足 (FI) gives S = 5 for both enterprise types', () => {
    for (const enterpriseType of ['process', 'discrete'] as const) {
      const score = scoreOf(buildPlan({ enterpriseType }), buildAnswers('FI'));
      expect([score.level, score.totalScore]).toEqual([5, 5]);
    }
  });

  it('all 不满足 gives 未达到一级 with S = 0; all 部分满足 gives S = 0.5', () => {
    expect([scoreOf(buildPlan(), buildAnswers('NI')).totalScore, scoreOf(buildPlan(), buildAnswers('NI')).level]).toEqual([0, 0]);
    expect(scoreOf(buildPlan(), buildAnswers('PI')).totalScore).toBe(0.5);
  });
});

describe('weighted sums (formulas 1–4, 表15 离散型)', () => {
  it('level 1 below 0.8: 生产 all 不满足, the rest 全部满足 → s1 = 1 − 0.69 × 0.48 = 0.6688', () => {
    const score = scoreOf(buildPlan(), buildAnswers(inDomain(['M2'], 'NI', 'FI')));
    expect(score.level).toBe(0);
    expect(ratio(score.totalScoreExact)).toBe('418/625');
    expect(score.totalScore).toBe(0.6688);
    expect(score.levels).toHaveLength(1); // answering ends at the first level not reached
  });

  it('subdomain score is the mean of its requirements (formula 1)', () => {
    // 采购 (M2-1) has 5 items: at level 1 grades FI, FI, PI, PI, NI → (1 + 1 + 0.5 + 0.5 + 0) / 5 = 0.6
    const grades: Grade[] = ['FI', 'FI', 'PI', 'PI', 'NI'];
    const answers = buildAnswers((r) => (r.subdomainId === 'M2-1' && r.level === 1 ? grades[Number(r.id.split('.')[1]) - 1]! : 'FI'));
    const score = scoreOf(buildPlan(), answers);
    const s = score.plan.subdomains.findIndex((x) => x.id === 'M2-1');
    expect(score.levels[0]!.subdomainScores[s]).toBe(0.6);
    // level 1 = 1 − 0.69 × 0.48 × 0.14 × (1 − 0.6) = 0.9814528
    expect(score.levels[0]!.score).toBe(0.9814528);
  });

  it('reaches 二级 but not 三级: S = (k − 1) + s_k + s_(k+1) = 1 + 1 + 0.5 (rule 1)', () => {
    const score = scoreOf(buildPlan(), buildAnswers((r) => (r.level <= 2 ? 'FI' : 'PI')));
    expect(score.level).toBe(2);
    expect(score.totalScore).toBe(2.5);
    expect(bandOf(score.totalScore)).toBe(2);
  });

  it('reaches 四级 with s4 exactly 0.8 and s5 = 0: S = 3.8, the lower edge of the 四级 band', () => {
    const score = scoreOf(buildPlan(), buildAnswers((r) => (r.level <= 3 ? 'FI' : r.level === 4 ? 'LI' : 'NI')));
    expect([score.level, score.totalScore, bandOf(score.totalScore)]).toEqual([4, 3.8, 4]);
  });
});

describe('tailoring (裁剪, §7) and renormalisation (rule 2)', () => {
  it('refuses to tailor mandatory parts: elements, 人员/技术/资源 domains, 生产, 管控', () => {
    for (const id of ['P', 'P1', 'P1-1', 'T2', 'R1-1', 'M2', 'M2-3', 'G1', 'G1-2']) {
      const plan = compilePlan(edition, { enterpriseType: 'discrete', tailored: [id] });
      expect(plan.ok ? [] : plan.issues.map((i) => i.code)).toEqual(['TAILORING_NOT_ALLOWED']);
    }
  });

  it('allows tailoring 设计, 物流, 销售, 服务, 两化融合 and their subdomains', () => {
    for (const id of ['M1', 'M1-1', 'M1-2', 'M3', 'M3-1', 'M4', 'M5', 'M5-1', 'M5-2', 'G2', 'G2-1', 'G2-2']) {
      expect(compilePlan(edition, { enterpriseType: 'discrete', tailored: [id] }).ok).toBe(true);
    }
    const unknown = compilePlan(edition, { enterpriseType: 'discrete', tailored: ['Z9'] });
    expect(unknown.ok ? [] : unknown.issues.map((i) => i.code)).toEqual(['UNKNOWN_NODE']);
  });

  it('a tailored-out domain is left out and its siblings renormalised (物流 out: 生产 carries 48/87 of 制造)', () => {
    const plan = buildPlan({ tailored: ['M3'] });
    const score = scoreOf(plan, buildAnswers(inDomain(['M3'], 'NI', 'FI')));
    expect([score.level, score.totalScore]).toEqual([5, 5]); // 物流's 不满足 answers are not counted
    const m2 = plan.domains.findIndex((d) => d.id === 'M2');
    expect(score.levels[0]!.forms.domainWeight[m2]).toBe(48 / 87);
    expect(plan.excluded.get('M3')).toBe('tailored');
    expect(plan.excluded.get('M3-1')).toBe('tailored');
  });

  it('an absent part is counted neither as 0 nor as 1', () => {
    const plan = buildPlan({ tailored: ['M1', 'G2-2'] });
    expect(scoreOf(plan, buildAnswers('LI')).levels.every((l) => l.score === 0.8)).toBe(true);
    expect(scoreOf(plan, buildAnswers('PI')).levels[0]!.score).toBe(0.5);
  });

  it('企业不涉及此题目 (NA) leaves the mean; a subdomain all NA at a level is absent there', () => {
    // 物流 (M3-1, 5 items): NA, NA, FI, FI, PI at level 1 → mean of three = 2.5 / 3
    const level1: Grade[] = ['NA', 'NA', 'FI', 'FI', 'PI'];
    const answers = buildAnswers((r) => (r.subdomainId === 'M3-1' && r.level === 1 ? level1[Number(r.id.split('.')[1]) - 1]! : r.domainId === 'M4' ? 'NA' : 'LI'));
    const score = scoreOf(buildPlan(), answers);
    const s = score.plan.subdomains.findIndex((x) => x.id === 'M3-1');
    expect(score.levels[0]!.subdomainScores[s]).toBe(2.5 / 3);
    expect(score.levels[0]!.forms.counts[s]).toBe(3);
    const sales = score.plan.domains.findIndex((d) => d.id === 'M4');
    expect(score.levels[0]!.domainScores[sales]).toBeNaN(); // 销售 all NA: absent, weight 0
    expect(score.levels[0]!.forms.domainWeight[sales]).toBe(0);
    expect(score.levels[1]!.score).toBe(0.8); // level 2: 销售 absent, the rest all LI
  });

  it('refuses NA on a requirement of a mandatory part', () => {
    const plan = buildPlan();
    const sheet = readAnswers(plan, { ...buildAnswers('FI'), 'M2-3.1.L2': 'NA', 'P1-1.1.L1': 'NA' });
    expect(sheet.ok ? [] : sheet.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'NA_NOT_ALLOWED answers.P1-1.1.L1',
      'NA_NOT_ALLOWED answers.M2-3.1.L2',
    ]);
  });
});

describe('流程型 enterprises (表11, 表14)', () => {
  it('are not assessed on 产品设计 and 产品服务; 工艺设计 carries all of 设计', () => {
    const plan = buildPlan({ enterpriseType: 'process' });
    expect(plan.subdomains.map((s) => s.id)).not.toContain('M1-1');
    expect(plan.subdomains.map((s) => s.id)).not.toContain('M5-2');
    expect(plan.subdomains).toHaveLength(21);
    expect([plan.excluded.get('M1-1'), plan.excluded.get('M5-2')]).toEqual(['notAssessed', 'notAssessed']);
    // 工艺设计 all 不满足 at level 1: s1 = 1 − 0.66 × 0.04 = 0.9736
    const answers = buildAnswers((r) => (r.subdomainId === 'M1-2' && r.level === 1 ? 'NI' : 'FI'));
    const score = scoreOf(plan, answers);
    expect(score.levels[0]!.score).toBe(0.9736);
  });

  it('need no answers for the parts they are not assessed on', () => {
    const answers = buildAnswers('FI');
    for (const id of Object.keys(answers)) if (id.startsWith('M1-1') || id.startsWith('M5-2')) delete answers[id];
    expect(scoreOf(buildPlan({ enterpriseType: 'process' }), answers).level).toBe(5);
  });
});

describe('answers required (seed 001 §1.4)', () => {
  it('are those of every level up to the first not reached', () => {
    const plan = buildPlan();
    const answers = buildAnswers('FI');
    delete answers['G2-2.4.L3'];
    const missing = scoreSheet(plan, buildSheet(plan, answers));
    expect(missing.ok ? '' : missing.issues[0]!.message).toContain('G2-2.4.L3');
    // level 2 not reached: level 3 and above need no answers
    const partial = Object.fromEntries(Object.entries(buildAnswers((r) => (r.level === 1 ? 'FI' : 'NI'))).filter(([id]) => /L[12]$/.test(id)));
    expect(scoreOf(plan, partial).level).toBe(1);
  });
});

describe('custom weights (rule 4) are renormalised like the defaults', () => {
  it('scoring with domain weights scaled ×3 within 制造 gives the same result', () => {
    const base = edition.weights.discrete;
    const scaled = { ...base, M1: 0.39, M2: 1.44, M3: 0.39, M4: 0.39, M5: 0.39 };
    const answers = buildAnswers((r) => (r.level === 1 ? 'LI' : r.domainId === 'M2' ? 'FI' : 'PI'));
    const a = scoreOf(buildPlan(), answers);
    const b = scoreOf(buildPlan({ weights: scaled }), answers);
    expect(ratio(b.totalScoreExact)).toBe(ratio(a.totalScoreExact));
  });
});

describe('assess (the `cmmm score` pipeline)', () => {
  it('returns level, name, scores, breakdown and gap', () => {
    const result = assess({ enterpriseType: 'discrete', tailored: ['M3'], answers: buildAnswers((r) => (r.level === 1 ? 'FI' : 'PI')) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const r = result.value;
    expect([r.level, r.levelName, r.totalScore]).toEqual([1, '一级（规划级）', 1.5]);
    expect(Object.keys(r.levelScores)).toEqual(['1', '2']);
    expect(r.breakdown['2']!.elements.map((e) => e.id)).toEqual(['P', 'T', 'R', 'M', 'G']);
    expect(r.breakdown['1']!.elements[3]!.domains.map((d) => d.id)).toEqual(['M1', 'M2', 'M4', 'M5']);
    expect(r.excluded).toMatchObject({ M3: 'tailored' });
    expect(r.gap?.targetLevel).toBe(2);
    expect(r.displayIndex).toBe(30);
  });

  it('says 未达到一级 for level 0', () => {
    const result = assess({ enterpriseType: 'process', answers: buildAnswers('NI') });
    expect(result.ok && result.value.levelName).toBe('未达到一级');
  });
});
