// What the pages show about qualifications, courses and people: pure, so the tests can hold them to
// the server's rules (packages/server/src/services/assessors/qualification-rules.ts). The lists are
// copies of @cmmm/contract/assessors; test/assessors-rules.test.ts checks they still agree.
import type { RegionNode } from '../../api.ts';
import type { MessageKey } from '../../locales/zh-CN.ts';
import type { Assessor, CourseType, DirectoryGrade, Qualification, QualificationGrade } from './assessors-api.ts';

/** The grade path (intro → 评估师 → 主任评估师 → 高成熟度主任评估师), then 培训讲师. */
export const GRADES: readonly QualificationGrade[] = ['intro', 'assessor', 'lead_assessor', 'high_maturity_lead', 'trainer'];
/** 信息查询 lists these; the internal intro certificate is never public. */
export const DIRECTORY_GRADES: readonly DirectoryGrade[] = ['assessor', 'lead_assessor', 'high_maturity_lead', 'trainer'];
/** An enterprise's internal assessor holds the CMMM intro certificate only. */
export const INTERNAL_GRADES: readonly QualificationGrade[] = ['intro'];

export const COURSE_TYPES: readonly CourseType[] = ['intro', 'assessor', 'lead_trainer'];
/** The grades a passed course can award. */
export const COURSE_AWARDS: Readonly<Record<CourseType, readonly QualificationGrade[]>> = {
  intro: ['intro'],
  assessor: ['assessor'],
  lead_trainer: ['lead_assessor', 'high_maturity_lead', 'trainer'],
};

/** The grade each one requires first; intro needs nothing. */
export const PREREQUISITE: Readonly<Record<QualificationGrade, QualificationGrade | null>> = {
  intro: null,
  assessor: 'intro',
  lead_assessor: 'assessor',
  high_maturity_lead: 'lead_assessor',
  trainer: 'assessor',
};
const LADDER: readonly QualificationGrade[] = ['intro', 'assessor', 'lead_assessor', 'high_maturity_lead'];

/** Who issues the certificates of 标准培训 unless told otherwise (seed 002). */
export const DEFAULT_ISSUING_BODY = '中国电子技术标准化研究院';

export const gradeKey = (grade: QualificationGrade): MessageKey => `as.grade.${grade}`;
export const courseTypeKey = (type: CourseType): MessageKey => `as.courseType.${type}`;

/** Today's date in China Standard Time (UTC+8 all year), 'YYYY-MM-DD': the day validity is judged on. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export type QualificationState = 'pending' | 'rejected' | 'valid' | 'expired' | 'notYetValid';

/** 待审核 / 未通过 / 有效 / 已过期 / 未生效 on `today`. */
export function qualificationStateOf(q: Pick<Qualification, 'status' | 'obtainedOn' | 'validUntil'>, today: string): QualificationState {
  if (q.status === 'pending') return 'pending';
  if (q.status === 'rejected') return 'rejected';
  if (q.validUntil < today) return 'expired';
  if (q.obtainedOn > today) return 'notYetValid';
  return 'valid';
}

/** The qualification history, oldest first (by date obtained, then by when it was recorded). */
export function gradePathOf(qualifications: readonly Qualification[]): Qualification[] {
  return [...qualifications].sort((a, b) => a.obtainedOn.localeCompare(b.obtainedOn) || a.createdAt.localeCompare(b.createdAt));
}

/** Approved, and valid on every day from `from` to `to`. */
export const validThrough = (q: Pick<Qualification, 'status' | 'obtainedOn' | 'validUntil'>, from: string, to: string = from): boolean =>
  q.status === 'approved' && q.obtainedOn <= from && to <= q.validUntil;

const isAbove = (grade: QualificationGrade, than: QualificationGrade): boolean => LADDER.indexOf(than) >= 0 && LADDER.indexOf(grade) > LADDER.indexOf(than);

/** Whether the grade path lets `grade` be added: its prerequisite (or a grade above it) was approved once. */
export function pathAllows(qualifications: readonly Pick<Qualification, 'grade' | 'status'>[], grade: QualificationGrade): boolean {
  const before = PREREQUISITE[grade];
  return before === null || qualifications.some((q) => q.status === 'approved' && (q.grade === before || isAbove(q.grade, before)));
}

/** The grades that may be recorded for a person: an internal assessor only intro. */
export const gradesFor = (assessor: Pick<Assessor, 'enterpriseId'>): readonly QualificationGrade[] => (assessor.enterpriseId ? INTERNAL_GRADES : GRADES);

/** People who may teach a course on these dates: a trainer qualification valid throughout. */
export function trainersAmong(people: readonly Assessor[], startsOn: string, endsOn: string): Assessor[] {
  return people.filter((p) => p.qualifications.some((q) => q.grade === 'trainer' && validThrough(q, startsOn, endsOn)));
}

/** The grades to show as someone's current ones: intro only while it is the top of their ladder. */
export function shownGrades(current: readonly QualificationGrade[]): QualificationGrade[] {
  const beyondIntro = current.some((g) => g !== 'intro' && g !== 'trainer');
  return GRADES.filter((g) => current.includes(g) && !(g === 'intro' && beyondIntro));
}

export const hasPending = (assessor: Pick<Assessor, 'qualifications'>): boolean => assessor.qualifications.some((q) => q.status === 'pending');

/** 'YYYY-MM-DD' plus whole years; 29 February becomes 28 February in a common year. */
export function yearsAfter(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The cascader path [省, 市, 区县] down to a region code, or undefined when the tree lacks it. */
export function regionPathOf(regions: readonly RegionNode[], code: string): string[] | undefined {
  for (const node of regions) {
    if (node.code === code) return [node.code];
    const below = regionPathOf(node.children, code);
    if (below) return [node.code, ...below];
  }
  return undefined;
}

/** Pages shown one at a time of a paged list: clamp a page number after the total shrank. */
export const lastPageOf = (total: number, pageSize: number): number => Math.max(1, Math.ceil(total / pageSize));
