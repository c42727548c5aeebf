// The grade path and validity rules of qualifications (seed 002 晋级程序), pure.
import { describe, expect, it } from 'vitest';
import {
  DIRECTORY_GRADES,
  highestGrade,
  holdsGrade,
  INTERNAL_GRADES,
  pathAllows,
  qualificationFacts,
  validThrough,
  yearsAfter,
  type QualificationFacts,
} from '../src/services/assessors/qualification-rules.ts';

const q = (grade: QualificationFacts['grade'], overrides: Partial<QualificationFacts> = {}): QualificationFacts => ({
  grade,
  status: 'approved',
  obtainedOn: '2024-01-10',
  validUntil: '2027-01-09',
  ...overrides,
});

describe('the grade path', () => {
  it('needs nothing for intro, and the approved grade before for every other one', () => {
    expect(pathAllows([], 'intro')).toBe(true);
    expect(pathAllows([], 'assessor')).toBe(false);
    expect(pathAllows([q('intro')], 'assessor')).toBe(true);
    expect(pathAllows([q('intro')], 'lead_assessor')).toBe(false);
    expect(pathAllows([q('intro'), q('assessor')], 'lead_assessor')).toBe(true);
    expect(pathAllows([q('intro'), q('assessor')], 'high_maturity_lead')).toBe(false);
    expect(pathAllows([q('intro'), q('assessor'), q('lead_assessor')], 'high_maturity_lead')).toBe(true);
  });

  it('counts only approved prerequisites, whatever their validity today', () => {
    expect(pathAllows([q('intro', { status: 'pending' })], 'assessor')).toBe(false);
    expect(pathAllows([q('intro', { status: 'rejected' })], 'assessor')).toBe(false);
    // an expired prerequisite still opens the next grade: the path is history
    expect(pathAllows([q('intro', { validUntil: '2020-01-01', obtainedOn: '2017-01-01' })], 'assessor')).toBe(true);
  });

  it('lets a trainer follow the assessor grade, or any grade above it', () => {
    expect(pathAllows([q('intro')], 'trainer')).toBe(false);
    expect(pathAllows([q('intro'), q('assessor')], 'trainer')).toBe(true);
    expect(pathAllows([q('lead_assessor')], 'trainer')).toBe(true); // above assessor
  });

  it('keeps internal assessors at intro, and lists only certified grades publicly', () => {
    expect(INTERNAL_GRADES).toEqual(['intro']);
    expect(DIRECTORY_GRADES).not.toContain('intro');
  });
});

describe('validity', () => {
  it('holds over a period only when approved and valid on its first and last day', () => {
    expect(validThrough(q('assessor'), '2024-01-10')).toBe(true);
    expect(validThrough(q('assessor'), '2027-01-09')).toBe(true);
    expect(validThrough(q('assessor'), '2024-01-09')).toBe(false); // before it was obtained
    expect(validThrough(q('assessor'), '2027-01-10')).toBe(false); // expired
    expect(validThrough(q('assessor'), '2026-12-30', '2027-01-10')).toBe(false); // expires during the period
    expect(validThrough(q('assessor', { status: 'pending' }), '2025-01-01')).toBe(false);
  });

  it('finds the highest ladder grade valid over a period, the trainer grade aside', () => {
    const history = [q('intro'), q('assessor'), q('lead_assessor', { validUntil: '2025-06-30' }), q('trainer')];
    expect(highestGrade(history, '2025-01-01')).toBe('lead_assessor');
    expect(highestGrade(history, '2025-07-01')).toBe('assessor');
    expect(holdsGrade(history, ['trainer'], '2025-07-01', '2025-07-03')).toBe(true);
    expect(highestGrade([q('trainer')], '2025-01-01')).toBeNull();
  });

  it('reads a row as facts', () => {
    expect(qualificationFacts({ grade: 'intro', status: 'approved', obtained_on: '2025-03-01', valid_until: '2028-03-01' })).toEqual({
      grade: 'intro',
      status: 'approved',
      obtainedOn: '2025-03-01',
      validUntil: '2028-03-01',
    });
  });
});

describe('years after a day', () => {
  it('keeps the calendar day, and turns 29 February into 28 February in a common year', () => {
    expect(yearsAfter('2026-11-20', 3)).toBe('2029-11-20');
    expect(yearsAfter('2024-02-29', 3)).toBe('2027-02-28');
    expect(yearsAfter('2024-02-29', 4)).toBe('2028-02-29');
    expect(yearsAfter('2099-12-31', 1)).toBe('2100-12-31');
  });
});
