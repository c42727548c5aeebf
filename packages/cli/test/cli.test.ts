// The real `cmmm` binary, spawned as a user would run it (node_modules/.bin/cmmm after npm install).
import { join } from 'node:path';
import { assess, assessCapability, type Edition } from '@cmmm/model';
import { describe, expect, it } from 'vitest';
import { cmmm, dir, expectRefused, file } from './cli-harness.ts';

const exported = JSON.parse(cmmm(['model', 'export']).out);
const requirementIds = (exported as Edition).elements.flatMap((e) =>
  e.domains.flatMap((d) => d.subdomains.flatMap((s) => s.items.flatMap((i) => i.requirements.map((r) => r.id)))),
);
const allAnswers = (grade: string) => Object.fromEntries(requirementIds.map((id) => [id, grade]));
const input = (overrides: object = {}) => JSON.stringify({ enterpriseType: 'discrete', tailored: [], answers: allAnswers('LI'), ...overrides });

describe('cmmm model export', () => {
  it('prints the edition: 5 elements, 13 domains, 23 subdomains, 495 requirements and the weights', () => {
    expect(exported.id).toBe('db12-t1073-2021');
    expect(exported.standard).toBe('DB12/T 1073—2021');
    expect(requirementIds).toHaveLength(495);
    expect(Object.keys(exported.weights)).toEqual(['process', 'discrete']);
  });

  it('takes --edition, and refuses an unknown one by name', () => {
    expect(JSON.parse(cmmm(['model', 'export', '--edition', 'db12-t1073-2021']).out).id).toBe('db12-t1073-2021');
    expectRefused(cmmm(['model', 'export', '--edition', 'gbt-39116-2020']), 'UNKNOWN_EDITION', /gbt-39116-2020/);
  });
});

describe('cmmm model validate', () => {
  it('accepts an exported model', () => {
    const r = cmmm(['model', 'validate', file('model.json', JSON.stringify(exported))]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('495 条要求');
  });

  it('lists every problem of a broken model', () => {
    const broken = structuredClone(exported);
    broken.weights.discrete.M2 = 0.5;
    broken.elements[0].domains[0].subdomains[0].items[0].requirements.splice(2, 1);
    const r = cmmm(['model', 'validate', file('broken.json', JSON.stringify(broken))]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[MODEL_WEIGHT_SUM]');
    expect(r.err).toContain('[MODEL_ITEM_LEVELS]');
  });
});

describe('cmmm score', () => {
  it('scores from stdin: all LI → 五级, S = 4.8', () => {
    const r = cmmm(['score', '-'], input());
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect([result.level, result.levelName, result.totalScore]).toEqual([5, '五级（引领级）', 4.8]);
    expect(result.levelScores).toEqual({ 1: 0.8, 2: 0.8, 3: 0.8, 4: 0.8, 5: 0.8 });
    expect(result.gap).toBeNull();
  });

  it('scores from a file, with the breakdown and the gap', () => {
    const answers = Object.fromEntries(requirementIds.map((id) => [id, id.endsWith('.L1') ? 'FI' : 'PI']));
    const r = cmmm(['score', file('answers.json', input({ enterpriseType: 'process', answers }))]);
    const result = JSON.parse(r.out);
    expect([result.level, result.totalScore]).toEqual([1, 1.5]);
    expect(result.breakdown['2'].elements).toHaveLength(5);
    expect(result.gap.targetLevel).toBe(2);
    expect(result.gap.improvements.length).toBeGreaterThan(0);
  });

  it('refuses malformed JSON', () => {
    expectRefused(cmmm(['score', '-'], '{"enterpriseType": '), 'MALFORMED_JSON', /JSON/);
  });

  it('refuses a missing file', () => {
    expectRefused(cmmm(['score', join(dir, 'nope.json')]), 'FILE_UNREADABLE', /nope\.json/);
  });

  it('refuses an unknown requirement id', () => {
    expectRefused(cmmm(['score', '-'], input({ answers: { ...allAnswers('FI'), 'X9-9.9.L1': 'FI' } })), 'UNKNOWN_REQUIREMENT', /X9-9\.9\.L1/);
  });

  it('refuses a bad grade', () => {
    expectRefused(cmmm(['score', '-'], input({ answers: { ...allAnswers('FI'), 'T1-1.2.L3': 'A+' } })), 'BAD_GRADE', /T1-1\.2\.L3.*A\+/);
  });

  it('refuses NA on a mandatory requirement', () => {
    expectRefused(cmmm(['score', '-'], input({ answers: { ...allAnswers('FI'), 'M2-3.1.L1': 'NA' } })), 'NA_NOT_ALLOWED', /M2-3\.1\.L1/);
  });

  it('refuses missing answers on an evaluated level', () => {
    const answers = allAnswers('FI');
    delete answers['R2-1.3.L4'];
    expectRefused(cmmm(['score', '-'], input({ answers })), 'MISSING_ANSWERS', /四级.*R2-1\.3\.L4/);
  });

  it('refuses an unknown edition', () => {
    expectRefused(cmmm(['score', '-'], input({ edition: 'gbt-39116-2020' })), 'UNKNOWN_EDITION', /gbt-39116-2020/);
  });

  it('refuses tailoring a mandatory domain, and a bad enterprise type', () => {
    expectRefused(cmmm(['score', '-'], input({ tailored: ['M2'] })), 'TAILORING_NOT_ALLOWED', /生产/);
    expectRefused(cmmm(['score', '-'], input({ enterpriseType: 'mixed' })), 'BAD_INPUT', /enterpriseType/);
  });

  it('takes custom weights and the level applied for, printing what assess() returns', () => {
    const answers = Object.fromEntries(requirementIds.filter((id) => /\.L[123]$/.test(id)).map((id) => [id, 'FI']));
    const given = { enterpriseType: 'discrete', weights: { M2: 0.6, 'G1-1': 0.3 }, maxLevel: 3, answers };
    const r = cmmm(['score', '-'], JSON.stringify(given));
    expect([r.code, r.err]).toEqual([0, '']);
    const result = JSON.parse(r.out);
    expect([result.level, result.totalScore, result.maxLevel, result.weights.M2, result.weights['G1-2']]).toEqual([3, 3, 3, 0.6, 0.5]);
    const library = assess(given);
    expect(library.ok && JSON.parse(JSON.stringify(library.value))).toEqual(result);
  });

  it('gives the capability profile for input with capabilityTargets, as assessCapability() does', () => {
    const answers = Object.fromEntries(requirementIds.filter((id) => /^(M2|G2)-/.test(id)).map((id) => [id, id.startsWith('G2-1.1.') ? 'NI' : 'LI']));
    const given = { enterpriseType: 'discrete', capabilityTargets: { M2: 4, G2: 2 }, answers };
    const r = cmmm(['score', file('custom.json', JSON.stringify(given))]);
    expect([r.code, r.err]).toEqual([0, '']);
    const result = JSON.parse(r.out);
    expect(result.kind).toBe('capability');
    expect(result.domains.map((d: { id: string; capabilityLevel: number }) => [d.id, d.capabilityLevel])).toEqual([['M2', 4], ['G2', 0]]);
    const library = assessCapability(given);
    expect(library.ok && JSON.parse(JSON.stringify(library.value))).toEqual(result);
  });

  it('refuses bad weights, a bad level applied for, and targets outside the assessment', () => {
    expectRefused(cmmm(['score', '-'], input({ weights: { M2: -1 } })), 'BAD_WEIGHT', /M2/);
    expectRefused(cmmm(['score', '-'], input({ maxLevel: 6 })), 'BAD_INPUT', /maxLevel/);
    expectRefused(cmmm(['score', '-'], input({ capabilityTargets: { Z9: 2 } })), 'UNKNOWN_NODE', /Z9/);
    expectRefused(cmmm(['score', '-'], input({ tailored: ['M4'], capabilityTargets: { M4: 2 } })), 'DOMAIN_NOT_ASSESSED', /销售/);
  });

  it('refuses a wrong command line with the usage', () => {
    const r = cmmm(['score']);
    expectRefused(r, 'USAGE', /cmmm score FILE\|-/);
    expect(r.code).toBe(2);
    expectRefused(cmmm(['frobnicate']), 'USAGE', /frobnicate/);
  });
});
