// What a qualification allows, and when (seed 002: 晋级程序; "必须是经培训合格，在平台正式注册的
// CMMM评估师才能实施评估"). Pure: the services load the rows and ask here.
import type { QualificationGrade } from '@cmmm/contract';

export interface QualificationFacts {
  grade: QualificationGrade;
  status: 'pending' | 'approved' | 'rejected';
  obtainedOn: string;
  validUntil: string;
}

/** The grade each one requires first (the grade path); intro needs nothing. */
export const PREREQUISITE: Readonly<Record<QualificationGrade, QualificationGrade | null>> = {
  intro: null,
  assessor: 'intro',
  lead_assessor: 'assessor',
  high_maturity_lead: 'lead_assessor',
  trainer: 'assessor',
};

/** Grades that may do each part of an assessment. */
export const MAY_LEAD: readonly QualificationGrade[] = ['lead_assessor', 'high_maturity_lead'];
export const MAY_LEAD_HIGH_MATURITY: readonly QualificationGrade[] = ['high_maturity_lead'];
export const MAY_BE_MEMBER: readonly QualificationGrade[] = ['assessor', 'lead_assessor', 'high_maturity_lead'];
export const MAY_BE_INTERNAL: readonly QualificationGrade[] = ['intro', 'assessor', 'lead_assessor', 'high_maturity_lead'];

/** Approved, and valid on every day from `from` to `to` (inclusive, 'YYYY-MM-DD'). */
export const validThrough = (q: QualificationFacts, from: string, to: string = from): boolean =>
  q.status === 'approved' && q.obtainedOn <= from && to <= q.validUntil;

/** Whether some qualification of one of `grades` is valid over the whole period. */
export const holdsGrade = (qs: readonly QualificationFacts[], grades: readonly QualificationGrade[], from: string, to: string = from): boolean =>
  qs.some((q) => grades.includes(q.grade) && validThrough(q, from, to));

/** Whether the grade path allows adding `grade` (its prerequisite was approved at some time, whatever its validity now). */
export const pathAllows = (qs: readonly QualificationFacts[], grade: QualificationGrade): boolean => {
  const before = PREREQUISITE[grade];
  return before === null || qs.some((q) => q.status === 'approved' && (q.grade === before || isAbove(q.grade, before)));
};

const LADDER: readonly QualificationGrade[] = ['intro', 'assessor', 'lead_assessor', 'high_maturity_lead'];
const isAbove = (g: QualificationGrade, than: QualificationGrade): boolean => LADDER.indexOf(g) > LADDER.indexOf(than) && LADDER.indexOf(than) >= 0;

/** The highest ladder grade valid over the period (trainer aside), or null. */
export function highestGrade(qs: readonly QualificationFacts[], from: string, to: string = from): QualificationGrade | null {
  for (const g of [...LADDER].reverse()) if (holdsGrade(qs, [g], from, to)) return g;
  return null;
}

/** A qualification row as the rules read it. */
export const qualificationFacts = (row: { grade: QualificationGrade; status: QualificationFacts['status']; obtained_on: string; valid_until: string }): QualificationFacts => ({
  grade: row.grade,
  status: row.status,
  obtainedOn: row.obtained_on,
  validUntil: row.valid_until,
});

/** An enterprise's internal assessor holds the CMMM intro certificate only (seed 002). */
export const INTERNAL_GRADES: readonly QualificationGrade[] = ['intro'];

/** The grades 信息查询 lists: the certified ones (intro is an enterprise's own). */
export const DIRECTORY_GRADES = ['assessor', 'lead_assessor', 'high_maturity_lead', 'trainer'] as const satisfies readonly QualificationGrade[];

/** Who issues the certificate of a course passed on the platform. */
export const TRAINING_ISSUER = '中国电子技术标准化研究院';

/** A certificate from a course is valid this long after the course ends, unless recorded otherwise. */
export const TRAINING_VALIDITY_YEARS = 3;

/** The same calendar day `years` later ('YYYY-MM-DD'); 29 February becomes 28 February in a common year. */
export function yearsAfter(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const dd = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}
