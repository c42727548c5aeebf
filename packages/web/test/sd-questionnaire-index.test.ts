import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../src/api.ts';
import { questionnaireIndex } from '../src/self-diagnosis/questionnaire-index.ts';

const item = (id: string) => ({ id, name: `分项 ${id}`, requirement: { id: `${id}.L2`, text: '应…', naAllowed: false, guidance: { zh: [], en: [] } } });
const q: Questionnaire = {
  level: 2,
  gradeGuidance: { zh: '…', en: '…' },
  elements: [
    { id: 'P', name: '人员', domains: [{ id: 'P1', name: '人员技能', tailorable: false, subdomains: [{ id: 'P1-1', name: '人员技能', items: [item('P1-1.1'), item('P1-1.2')] }] }] },
    { id: 'M', name: '制造', domains: [{ id: 'M1', name: '设计', tailorable: true, subdomains: [{ id: 'M1-2', name: '工艺设计', items: [item('M1-2.1')] }] }] },
  ],
};

describe('the questionnaire index', () => {
  it('finds a subdomain with its element and domain', () => {
    const path = questionnaireIndex(q).subdomain('M1-2')!;
    expect([path.element.name, path.domain.name, path.subdomain.name]).toEqual(['制造', '设计', '工艺设计']);
    expect(questionnaireIndex(q).subdomain('M1')).toBeUndefined();
  });

  it('finds the item asking a requirement, and lists questions in questionnaire order', () => {
    const index = questionnaireIndex(q);
    expect(index.question('P1-1.2.L2')?.item.name).toBe('分项 P1-1.2');
    expect(index.question('P1-1.2.L2')?.subdomain.id).toBe('P1-1');
    expect(index.question('P1-1.2.L3')).toBeUndefined();
    expect(index.question('toString')).toBeUndefined();
    expect(index.questions.map((x) => x.item.requirement.id)).toEqual(['P1-1.1.L2', 'P1-1.2.L2', 'M1-2.1.L2']);
  });

  it('is built once per questionnaire', () => {
    expect(questionnaireIndex(q)).toBe(questionnaireIndex(q));
    expect(questionnaireIndex({ ...q })).not.toBe(questionnaireIndex(q));
  });
});
