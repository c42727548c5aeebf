import { getEdition } from '@cmmm/model';
import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../src/api.ts';
import { levelProgress, nextSubdomain, subdomainOf, unansweredIds } from '../src/self-diagnosis/progress.ts';

const req = (id: string, naAllowed = false) => ({ id, name: id, requirement: { id: `${id}.L1`, text: '应…', naAllowed, guidance: { zh: ['记录'], en: ['records'] } } });
const q: Questionnaire = {
  level: 1,
  gradeGuidance: { zh: '…', en: '…' },
  elements: [
    { id: 'P', name: '人员', domains: [{ id: 'P1', name: '人员技能', tailorable: false, subdomains: [{ id: 'P1-1', name: '人员技能', items: [req('P1-1.1'), req('P1-1.2')] }] }] },
    {
      id: 'M',
      name: '制造',
      domains: [
        { id: 'M1', name: '设计', tailorable: true, subdomains: [{ id: 'M1-1', name: '产品设计', items: [req('M1-1.1', true)] }, { id: 'M1-2', name: '工艺设计', items: [req('M1-2.1', true), req('M1-2.2', true)] }] },
      ],
    },
  ],
};

describe('level progress', () => {
  it('counts answered/total per subdomain, domain, element and level', () => {
    const p = levelProgress(q, { 'P1-1.1.L1': 'FI', 'M1-2.2.L1': 'NA' });
    expect(p.nodes.get('P1-1')).toEqual({ answered: 1, total: 2 });
    expect(p.nodes.get('P1')).toEqual({ answered: 1, total: 2 });
    expect(p.nodes.get('M1-2')).toEqual({ answered: 1, total: 2 });
    expect(p.nodes.get('M1')).toEqual({ answered: 1, total: 3 });
    expect(p.nodes.get('M')).toEqual({ answered: 1, total: 3 });
    expect(p.level).toEqual({ answered: 2, total: 5 });
    expect(p.subdomains.map((s) => s.id)).toEqual(['P1-1', 'M1-1', 'M1-2']);
  });

  it('ignores answers of other levels', () => {
    expect(levelProgress(q, { 'P1-1.1.L2': 'FI' }).level.answered).toBe(0);
  });

  it('下一步 goes to the next subdomain, and from the last to the first one not complete', () => {
    const p = levelProgress(q, { 'P1-1.1.L1': 'FI', 'P1-1.2.L1': 'LI', 'M1-2.1.L1': 'PI', 'M1-2.2.L1': 'NI' });
    expect(nextSubdomain(p, 'P1-1')).toBe('M1-1');
    expect(nextSubdomain(p, 'M1-1')).toBe('M1-2');
    expect(nextSubdomain(p, 'M1-2')).toBe('M1-1');
    expect(nextSubdomain(p, undefined)).toBe('M1-1');
  });

  it('lists unanswered requirements in order and finds their subdomain', () => {
    expect(unansweredIds(q, { 'P1-1.1.L1': 'FI' })).toEqual(['P1-1.2.L1', 'M1-1.1.L1', 'M1-2.1.L1', 'M1-2.2.L1']);
    expect(subdomainOf(q, 'M1-2.2.L1')).toBe('M1-2');
    expect(subdomainOf(q, 'nope')).toBeUndefined();
  });

  it('counts the 99 requirements of 一级 of the real model when nothing is tailored', () => {
    const edition = getEdition('db12-t1073-2021');
    if (!edition.ok) throw new Error('edition');
    const real: Questionnaire = {
      level: 1,
      gradeGuidance: { zh: '', en: '' },
      elements: edition.value.elements.map((e) => ({
        ...e,
        domains: e.domains.map((d) => ({
          ...d,
          subdomains: d.subdomains.map((s) => ({
            id: s.id,
            name: s.name,
            items: s.items.flatMap((i) => i.requirements.filter((r) => r.level === 1).map((r) => ({ id: i.id, name: i.name, requirement: { id: r.id, text: r.text, naAllowed: d.tailorable, guidance: { zh: [], en: [] } } }))),
          })),
        })),
      })),
    };
    expect(levelProgress(real, {}).level.total).toBe(99);
  });
});
