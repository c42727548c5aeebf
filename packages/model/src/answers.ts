// Answer sheets: the grades of one assessment as a compact array indexed like plan.requirementIds.
import type { ScoringPlan } from './scoring-plan.ts';
import { GRADES, fail, ok, type Grade, type Issue, type Outcome } from './types.ts';

/** Grade codes in a sheet. 0 = not answered. */
export const GradeCode = { none: 0, FI: 1, LI: 2, PI: 3, NI: 4, NA: 5 } as const;
export type GradeCode = (typeof GradeCode)[keyof typeof GradeCode];

/** Grade points in tenths by code (NaN where a code carries no points). */
export const TENTHS_BY_CODE: readonly number[] = [Number.NaN, 10, 8, 5, 0, Number.NaN];
export const GRADE_BY_CODE: readonly (Grade | null)[] = [null, 'FI', 'LI', 'PI', 'NI', 'NA'];

/** grade codes, one per requirement of the plan's edition */
export type AnswerSheet = Uint8Array;

export const emptySheet = (plan: ScoringPlan): AnswerSheet => new Uint8Array(plan.requirementIds.length);

const MAX_LISTED = 20;

/**
 * Reads `{ requirementId: grade }` into a sheet. Refuses unknown ids, unknown grades, and NA
 * (企业不涉及此题目) outside the tailorable parts; every problem is listed.
 */
export function readAnswers(plan: ScoringPlan, answers: unknown): Outcome<AnswerSheet> {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return fail([{ code: 'BAD_ANSWERS', path: 'answers', message: 'answers 须为对象：{ "要求编号": "FI" | "LI" | "PI" | "NI" | "NA" }' }]);
  }
  const sheet = emptySheet(plan);
  const issues: Issue[] = [];
  for (const [id, grade] of Object.entries(answers)) {
    const index = plan.requirementIndex.get(id);
    if (index === undefined) {
      issues.push({ code: 'UNKNOWN_REQUIREMENT', path: `answers.${id}`, message: `未知的要求编号「${id}」（模型版本 ${plan.edition.id}）` });
      continue;
    }
    if (typeof grade !== 'string' || !(GRADES as readonly string[]).includes(grade)) {
      issues.push({ code: 'BAD_GRADE', path: `answers.${id}`, message: `「${id}」的答案「${String(grade)}」无效，须为 FI（全部满足）、LI（大部分满足）、PI（部分满足）、NI（不满足）或 NA（企业不涉及此题目）` });
      continue;
    }
    if (grade === 'NA' && !plan.requirementTailorable[index]) {
      issues.push({ code: 'NA_NOT_ALLOWED', path: `answers.${id}`, message: `「${id}」属于不可裁剪的必选内容，不能选择“企业不涉及此题目”` });
      continue;
    }
    sheet[index] = GradeCode[grade as Grade];
  }
  if (issues.length > MAX_LISTED) {
    const more = issues.length - MAX_LISTED;
    issues.splice(MAX_LISTED, more, { code: issues[MAX_LISTED]!.code, path: 'answers', message: `……另有 ${more} 个问题` });
  }
  return issues.length ? fail(issues) : ok(sheet);
}

/** The sheet as `{ requirementId: grade }` (the inverse of readAnswers). */
export function sheetToAnswers(plan: ScoringPlan, sheet: AnswerSheet): Record<string, Grade> {
  const out: Record<string, Grade> = {};
  sheet.forEach((code, i) => {
    const grade = GRADE_BY_CODE[code];
    if (grade) out[plan.requirementIds[i]!] = grade;
  });
  return out;
}
