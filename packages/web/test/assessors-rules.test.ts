import { COURSE_AWARDS as CONTRACT_AWARDS, COURSE_TYPE_NAMES, COURSE_TYPES as CONTRACT_COURSE_TYPES, QUALIFICATION_GRADE_NAMES, QUALIFICATION_GRADES } from '@cmmm/contract/assessors';
import type { RegionNode } from '@cmmm/reference/regions';
import { describe, expect, it } from 'vitest';
import { assessorsEn } from '../src/locales/assessors.en.ts';
import { assessorsZhCN } from '../src/locales/assessors.zh-CN.ts';
import {
  chinaToday,
  COURSE_AWARDS,
  COURSE_TYPES,
  courseTypeKey,
  DIRECTORY_GRADES,
  gradeKey,
  gradePathOf,
  GRADES,
  gradesFor,
  pathAllows,
  qualificationStateOf,
  regionPathOf,
  shownGrades,
  trainersAmong,
  yearsAfter,
} from '../src/pages/assessors/assessor-rules.ts';
import type { Assessor, Qualification } from '../src/pages/assessors/assessors-api.ts';

const qualification = (over: Partial<Qualification> = {}): Qualification => ({
  id: 'q1',
  assessorId: 'a1',
  grade: 'assessor',
  certificateNumber: 'CMMM-A-001',
  issuingBody: '中国电子技术标准化研究院',
  obtainedOn: '2024-03-01',
  validUntil: '2027-02-28',
  status: 'approved',
  decidedAt: '2024-03-02T00:00:00.000Z',
  rejectReason: null,
  trainingId: null,
  createdAt: '2024-03-02T00:00:00.000Z',
  validToday: true,
  ...over,
});

const person = (over: Partial<Assessor> = {}): Assessor => ({
  id: 'a1',
  name: '张三',
  mobile: '13800000000',
  bodyId: 'b1',
  bodyName: '某评估机构',
  enterpriseId: null,
  enterpriseName: null,
  accountId: null,
  username: null,
  listedPublicly: true,
  qualifications: [],
  currentGrades: [],
  createdAt: '2024-01-01T00:00:00.000Z',
  ...over,
});

describe('the copies of the contract’s lists', () => {
  it('name the same grades and course types, in the same order', () => {
    expect(GRADES).toEqual(QUALIFICATION_GRADES);
    expect(COURSE_TYPES).toEqual(CONTRACT_COURSE_TYPES);
    expect(COURSE_AWARDS).toEqual(CONTRACT_AWARDS);
    expect(DIRECTORY_GRADES).toEqual(QUALIFICATION_GRADES.filter((g) => g !== 'intro'));
  });

  it('label grades and course types as the contract does, in both languages', () => {
    for (const grade of QUALIFICATION_GRADES) {
      expect(assessorsZhCN[gradeKey(grade) as keyof typeof assessorsZhCN]).toBe(QUALIFICATION_GRADE_NAMES[grade].zh);
      expect(assessorsEn[gradeKey(grade) as keyof typeof assessorsEn]).toBe(QUALIFICATION_GRADE_NAMES[grade].en);
    }
    for (const type of CONTRACT_COURSE_TYPES) {
      expect(assessorsZhCN[courseTypeKey(type) as keyof typeof assessorsZhCN]).toBe(COURSE_TYPE_NAMES[type].zh);
      expect(assessorsEn[courseTypeKey(type) as keyof typeof assessorsEn]).toBe(COURSE_TYPE_NAMES[type].en);
    }
  });

  it('keep the as. and dir. prefixes', () => {
    for (const key of Object.keys(assessorsZhCN)) expect(key).toMatch(/^(as|dir)\./);
  });
});

describe('chinaToday', () => {
  it('is the date in UTC+8: 16:00 UTC is already the next day in Beijing', () => {
    expect(chinaToday(new Date('2025-06-01T15:59:59Z'))).toBe('2025-06-01');
    expect(chinaToday(new Date('2025-06-01T16:00:00Z'))).toBe('2025-06-02');
    expect(chinaToday(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
  });
});

describe('qualificationStateOf', () => {
  const today = '2025-06-01';
  it('says pending and rejected whatever the dates', () => {
    expect(qualificationStateOf(qualification({ status: 'pending' }), today)).toBe('pending');
    expect(qualificationStateOf(qualification({ status: 'rejected', validUntil: '2020-01-01' }), today)).toBe('rejected');
  });
  it('judges an approved one by its dates, both ends inclusive', () => {
    expect(qualificationStateOf(qualification(), today)).toBe('valid');
    expect(qualificationStateOf(qualification({ validUntil: today }), today)).toBe('valid');
    expect(qualificationStateOf(qualification({ obtainedOn: today }), today)).toBe('valid');
    expect(qualificationStateOf(qualification({ validUntil: '2025-05-31' }), today)).toBe('expired');
    expect(qualificationStateOf(qualification({ obtainedOn: '2025-06-02' }), today)).toBe('notYetValid');
  });
});

describe('gradePathOf', () => {
  it('puts the history oldest first, by date obtained and then by when it was recorded, without changing its input', () => {
    const lead = qualification({ id: 'lead', grade: 'lead_assessor', obtainedOn: '2025-01-01' });
    const intro = qualification({ id: 'intro', grade: 'intro', obtainedOn: '2023-01-01' });
    const again = qualification({ id: 'again', obtainedOn: '2023-01-01', createdAt: '2024-01-01T00:00:00.000Z' });
    const input = [lead, again, intro];
    expect(gradePathOf(input).map((q) => q.id)).toEqual(['again', 'intro', 'lead']);
    expect(input.map((q) => q.id)).toEqual(['lead', 'again', 'intro']);
  });
});

describe('pathAllows (晋级程序)', () => {
  it('lets intro be added to anyone', () => {
    expect(pathAllows([], 'intro')).toBe(true);
  });
  it('needs the previous grade approved once, expired or not', () => {
    expect(pathAllows([], 'assessor')).toBe(false);
    expect(pathAllows([qualification({ grade: 'intro', validUntil: '2020-01-01' })], 'assessor')).toBe(true);
    expect(pathAllows([qualification({ grade: 'intro', status: 'pending' })], 'assessor')).toBe(false);
    expect(pathAllows([qualification({ grade: 'intro', status: 'rejected' })], 'assessor')).toBe(false);
  });
  it('counts a higher grade on the ladder as having passed the lower one', () => {
    expect(pathAllows([qualification({ grade: 'lead_assessor' })], 'lead_assessor')).toBe(true);
    expect(pathAllows([qualification({ grade: 'lead_assessor' })], 'high_maturity_lead')).toBe(true);
    expect(pathAllows([qualification({ grade: 'lead_assessor' })], 'trainer')).toBe(true);
    expect(pathAllows([qualification({ grade: 'assessor' })], 'high_maturity_lead')).toBe(false);
  });
  it('does not count a trainer as an assessor step', () => {
    expect(pathAllows([qualification({ grade: 'trainer' })], 'lead_assessor')).toBe(false);
  });
});

describe('gradesFor', () => {
  it('offers an internal assessor the intro certificate only', () => {
    expect(gradesFor(person({ bodyId: null, enterpriseId: 'e1' }))).toEqual(['intro']);
    expect(gradesFor(person())).toEqual(GRADES);
  });
});

describe('shownGrades', () => {
  it('leaves out intro once a higher grade of the ladder is held, and keeps the path order', () => {
    expect(shownGrades(['trainer', 'lead_assessor', 'intro'])).toEqual(['lead_assessor', 'trainer']);
    expect(shownGrades(['intro'])).toEqual(['intro']);
    expect(shownGrades(['intro', 'trainer'])).toEqual(['intro', 'trainer']);
    expect(shownGrades([])).toEqual([]);
  });
});

describe('trainersAmong', () => {
  const trainer = (id: string, q: Partial<Qualification>) => person({ id, qualifications: [qualification({ grade: 'trainer', ...q })] });
  it('keeps people whose approved trainer qualification covers every course day', () => {
    const people = [
      trainer('ok', { obtainedOn: '2025-01-01', validUntil: '2025-12-31' }),
      trainer('ends-mid-course', { obtainedOn: '2025-01-01', validUntil: '2025-06-02' }),
      trainer('pending', { status: 'pending' }),
      person({ id: 'assessor-only', qualifications: [qualification()] }),
    ];
    expect(trainersAmong(people, '2025-06-01', '2025-06-03').map((p) => p.id)).toEqual(['ok']);
  });
});

describe('yearsAfter', () => {
  it('adds whole years, 29 February becoming 28 February', () => {
    expect(yearsAfter('2025-06-30', 3)).toBe('2028-06-30');
    expect(yearsAfter('2024-02-29', 3)).toBe('2027-02-28');
    expect(yearsAfter('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('regionPathOf', () => {
  const node = (code: string, children: RegionNode[] = []): RegionNode => ({ code, name: code, level: 'county', children });
  const tree = [node('110000', [node('110100', [node('110101'), node('110102')])]), node('120000', [node('120100', [node('120116')])])];
  it('finds the cascader path down to a county', () => {
    expect(regionPathOf(tree, '120116')).toEqual(['120000', '120100', '120116']);
    expect(regionPathOf(tree, '110102')).toEqual(['110000', '110100', '110102']);
  });
  it('is undefined for a code the tree lacks', () => {
    expect(regionPathOf(tree, '999999')).toBeUndefined();
  });
});
