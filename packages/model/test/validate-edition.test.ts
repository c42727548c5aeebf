// Model files are checked at load: schema first, then every invariant the engine relies on.
import { describe, expect, it } from 'vitest';
import { assess, compilePlan, validateEdition, type Edition } from '../src/index.ts';
import { buildAnswers, edition, scoreOf, buildPlan } from './builders.ts';
import { tinyEdition } from './tiny-edition.ts';

const codes = (input: unknown) => {
  const r = validateEdition(input);
  return r.ok ? [] : r.issues.map((i) => i.code);
};
const clone = (e: Edition): Edition => structuredClone(e);

describe('validateEdition', () => {
  it('accepts the shipped edition and its §7 tailoring flags', () => {
    expect(codes(edition)).toEqual([]);
    const tailorable = edition.elements.flatMap((e) => e.domains.filter((d) => d.tailorable).map((d) => d.name));
    expect(tailorable).toEqual(['设计', '物流', '销售', '服务', '两化融合']);
  });

  it('has the 表14/表15 weights: element weights, 流程型 assesses 21 subdomains, 离散型 23', () => {
    expect(Object.fromEntries(['P', 'T', 'R', 'M', 'G'].map((id) => [id, edition.weights.process[id]]))).toEqual({ P: 0.03, T: 0.1, R: 0.14, M: 0.66, G: 0.07 });
    expect(Object.fromEntries(['P', 'T', 'R', 'M', 'G'].map((id) => [id, edition.weights.discrete[id]]))).toEqual({ P: 0.03, T: 0.1, R: 0.11, M: 0.69, G: 0.07 });
    const subdomainIds = edition.elements.flatMap((e) => e.domains.flatMap((d) => d.subdomains.map((s) => s.id)));
    expect(subdomainIds.filter((id) => id in edition.weights.process)).toHaveLength(21);
    expect(subdomainIds.filter((id) => id in edition.weights.discrete)).toHaveLength(23);
    expect(edition.weights.process['M2-3']).toBe(0.23);
    expect(edition.weights.discrete['M2-3']).toBe(0.16);
  });

  it('lists every problem, not just the first', () => {
    const bad = clone(edition);
    bad.elements[0]!.domains[0]!.subdomains[0]!.items[0]!.requirements.pop(); // a level missing
    bad.elements[1]!.domains[0]!.subdomains[0]!.items[0]!.requirements[0]!.id = 'P1-1.2.L1'; // duplicate id
    bad.weights.discrete.M2 = 0.5; // 制造 domains no longer sum to 1
    bad.weights.process.X9 = 0.1; // unknown node
    expect(codes(bad).sort()).toEqual(['MODEL_DUPLICATE_ID', 'MODEL_ITEM_LEVELS', 'MODEL_WEIGHT_SUM', 'MODEL_WEIGHT_UNKNOWN_NODE'].sort());
  });

  it('reports schema errors with their path', () => {
    const r = validateEdition({ ...edition, elements: [{ id: 'P', name: '', domains: [] }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['elements[0].name', 'elements[0].domains']);
    expect(codes(42)).toEqual(['MODEL_SCHEMA']);
  });

  it('refuses an element with no mandatory domain (a level score could be empty)', () => {
    const bad = clone(edition);
    bad.elements[0]!.domains[0]!.tailorable = true;
    expect(codes(bad)).toEqual(['MODEL_NO_MANDATORY_DOMAIN', 'MODEL_NO_MANDATORY_DOMAIN']);
  });

  it('checks weight sums exactly (0.6 + 0.3 + 0.1 is 1, although not in floating point)', () => {
    expect(0.6 + 0.3 + 0.1).not.toBe(1);
    const e = tinyEdition();
    e.elements[1]!.domains.push({ id: 'B3', name: '乙三', tailorable: true, subdomains: [{ id: 'B3-1', name: '乙三一', items: e.elements[1]!.domains[1]!.subdomains[0]!.items.map((i) => ({ ...i, id: `x${i.id}`, requirements: i.requirements.map((r) => ({ ...r, id: `x${r.id}` })) })) }] });
    e.weights.discrete = { ...e.weights.discrete, B1: 0.6, B2: 0.3, B3: 0.1, 'B3-1': 1 };
    expect(codes(e)).toEqual([]);
    e.weights.discrete.B3 = 0.11;
    expect(codes(e)).toEqual(['MODEL_WEIGHT_SUM']);
  });
});

describe('another edition, as data only', () => {
  it('validates, compiles and scores with no code change', () => {
    const tiny = tinyEdition();
    expect(codes(tiny)).toEqual([]);
    const score = scoreOf(buildPlan({ enterpriseType: 'process' }, tiny), buildAnswers('LI', tiny));
    expect([score.level, score.totalScore]).toEqual([5, 4.8]);
    const plan = compilePlan(tiny, { enterpriseType: 'discrete', tailored: ['A1'] });
    expect(plan.ok ? [] : plan.issues.map((i) => i.code)).toEqual(['TAILORING_NOT_ALLOWED']);
  });

  it('unknown editions are refused by name', () => {
    const r = assess({ edition: 'gbt-39116-2020', enterpriseType: 'discrete', answers: {} });
    expect(r.ok ? '' : `${r.issues[0]!.code}: ${r.issues[0]!.message}`).toMatch(/^UNKNOWN_EDITION: .*gbt-39116-2020.*db12-t1073-2021/);
  });
});
