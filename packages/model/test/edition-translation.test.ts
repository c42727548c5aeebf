// The unofficial English translation of the edition: complete, checked against the edition, never Chinese.
import { describe, expect, it } from 'vitest';
import raw from '../editions/db12-t1073-2021.en.json' with { type: 'json' };
import {
  applicationViewsOf,
  getEditionTranslation,
  requireEdition,
  validateEditionTranslation,
  type EditionTranslation,
} from '../src/index.ts';

const edition = requireEdition('db12-t1073-2021');
const codes = (input: unknown) => {
  const r = validateEditionTranslation(edition, input);
  return r.ok ? [] : r.issues.map((i) => i.code);
};
const copy = (): EditionTranslation => structuredClone(raw) as EditionTranslation;

const nodeIds = edition.elements.flatMap((e) => [
  e.id,
  ...e.domains.flatMap((d) => [d.id, ...d.subdomains.flatMap((s) => [s.id, ...s.items.map((i) => i.id)])]),
]);
const requirementIds = edition.elements.flatMap((e) =>
  e.domains.flatMap((d) => d.subdomains.flatMap((s) => s.items.flatMap((i) => i.requirements.map((r) => r.id)))),
);

describe('the shipped English translation', () => {
  it('validates against the edition and is complete', () => {
    expect(validateEditionTranslation(edition, raw)).toMatchObject({ ok: true });
    const t = getEditionTranslation('db12-t1073-2021', 'en')!;
    expect(t.official).toBe(false);
    expect(t.notice).toMatch(/unofficial/i);
    expect(nodeIds).toHaveLength(140);
    expect(requirementIds).toHaveLength(495);
    expect(Object.keys(t.names).sort()).toEqual([...nodeIds].sort());
    expect(Object.keys(t.requirements).sort()).toEqual([...requirementIds].sort());
    expect(Object.keys(t.levels)).toEqual(['1', '2', '3', '4', '5']);
    expect(Object.keys(t.views).sort()).toEqual(applicationViewsOf('db12-t1073-2021')!.views.map((v) => v.id).sort());
  });

  it('has no Chinese punctuation either (full-width forms, ideographic comma or brackets)', () => {
    const values = JSON.stringify(raw);
    expect(values.match(/[\u3000-\u303f\uff00-\uffef]/g)).toBeNull();
  });

  it('is cached, and undefined for an edition or locale without one', () => {
    expect(getEditionTranslation('db12-t1073-2021', 'en')).toBe(getEditionTranslation('db12-t1073-2021', 'en'));
    expect(getEditionTranslation('no-such-edition', 'en')).toBeUndefined();
    expect(getEditionTranslation('__proto__', 'en')).toBeUndefined();
  });

  it('uses the established terms', () => {
    const t = getEditionTranslation('db12-t1073-2021', 'en')!;
    expect(Object.values(t.levels).map((l) => l.name)).toEqual(['Planning', 'Standardization', 'Integration', 'Optimization', 'Leading']);
    expect(t.levels['3'].label).toBe('Level 3');
    expect(['P', 'T', 'R', 'M', 'G'].map((id) => t.names[id])).toEqual(['Personnel', 'Technology', 'Resources', 'Manufacturing', 'Governance']);
    expect(t.enterpriseTypes).toEqual({ process: 'Process manufacturing', discrete: 'Discrete manufacturing' });
    expect(t.requirements['P1-1.1.L1']).toMatch(/training/);
    expect(t.requirements['T2-1.3.L4']).toMatch(/\(ESB\)/);
    expect(t.requirements['M1-2.1.L5']).toBeTruthy();
    expect(t.names['G2']).toBe('Integration of informatization and industrialization');
    for (const v of applicationViewsOf('db12-t1073-2021')!.views) expect(t.views[v.id]!.name).toBe(v.nameEn);
  });

  it('keeps every requirement one normative sentence: 应 → shall, 宜 (recommended) → should', () => {
    const t = getEditionTranslation('db12-t1073-2021', 'en')!;
    const chinese = new Map(
      edition.elements.flatMap((e) =>
        e.domains.flatMap((d) => d.subdomains.flatMap((s) => s.items.flatMap((i) => i.requirements.map((r) => [r.id, r.text] as const)))),
      ),
    );
    const recommended = [...chinese].filter(([, zh]) => zh.startsWith('宜')).map(([id]) => id);
    expect(recommended).toEqual(['M2-3.1.L5', 'M4-1.5.L5']);
    for (const [id, text] of Object.entries(t.requirements)) {
      const verb = recommended.includes(id) ? /\bshould\b/ : /\bshall\b/;
      expect([id, verb.test(text), /^[A-Z].*\.$/.test(text)]).toEqual([id, true, true]);
    }
  });
});

describe('validateEditionTranslation', () => {
  it('rejects a missing name, requirement or view', () => {
    const t = copy();
    delete t.names['M2-4.1'];
    t.requirements['P1-1.1.L1'] = '  ';
    delete t.views['smart-factory'];
    const r = validateEditionTranslation(edition, t);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => [i.code, i.path])).toEqual([
        ['TRANSLATION_MISSING', 'names.M2-4.1'],
        ['TRANSLATION_MISSING', 'requirements.P1-1.1.L1'],
        ['TRANSLATION_MISSING', 'views.smart-factory'],
      ]);
      expect(r.issues[0]!.message).toContain('巡检监控');
    }
  });

  it('rejects an id the edition does not have', () => {
    const t = copy();
    t.requirements['P1-1.1.L6'] = 'The enterprise shall do more.';
    t.names['X9'] = 'Unknown';
    expect(codes(t)).toEqual(['TRANSLATION_UNKNOWN_ID', 'TRANSLATION_UNKNOWN_ID']);
  });

  it('rejects Chinese characters left in any value', () => {
    const t = copy();
    t.requirements['T1-1.1.L1'] = 'The enterprise shall collect 数据.';
    t.levels['2'].characteristics += ' 规范';
    t.views['smart-workshop']!.focus = '智能车间';
    const r = validateEditionTranslation(edition, t);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([
      ['TRANSLATION_HAS_CJK', 'levels.2.characteristics'],
      ['TRANSLATION_HAS_CJK', 'requirements.T1-1.1.L1'],
      ['TRANSLATION_HAS_CJK', 'views.smart-workshop.focus'],
    ]);
  });

  it('rejects a translation marked official, without a notice, or of another edition', () => {
    expect(codes({ ...copy(), official: true })).toEqual(['TRANSLATION_NOT_UNOFFICIAL']);
    expect(codes({ ...copy(), notice: ' ' })).toEqual(['TRANSLATION_SCHEMA']);
    expect(codes({ ...copy(), edition: 'other' })).toEqual(['TRANSLATION_EDITION']);
    expect(codes(null)).toEqual(['TRANSLATION_SCHEMA']);
  });
});
