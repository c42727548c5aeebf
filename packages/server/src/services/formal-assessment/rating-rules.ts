// Pure rules of the team's ratings (seed 002 评估方法): the steps NI < PI < LI < FI, the spread of
// the ratings shown, and when two ratings disagree (two or more steps apart, e.g. PI and FI).
import type { RatedGradeCode } from '@cmmm/contract';
import { currentTeam, type MemberFacts } from './load-formal-assessment.ts';

export const GRADE_STEP: Readonly<Record<RatedGradeCode, number>> = { NI: 0, PI: 1, LI: 2, FI: 3 };
export const DISAGREEMENT_STEPS = 2;

/** Steps between the lowest and the highest grade; null for none. */
export function spreadOf(grades: readonly RatedGradeCode[]): number | null {
  if (!grades.length) return null;
  const steps = grades.map((g) => GRADE_STEP[g]);
  return Math.max(...steps) - Math.min(...steps);
}

export const disagrees = (grades: readonly RatedGradeCode[]): boolean => (spreadOf(grades) ?? 0) >= DISAGREEMENT_STEPS;

/** The members who rate: everyone on the team who declared no conflict and can log in. */
export const ratersOf = <M extends MemberFacts>(f: { team: readonly M[] }): M[] => currentTeam(f).filter((m) => m.coi === 'none' && m.account_id !== null);

/** The rater the actor is, if any. */
export const raterOf = <M extends MemberFacts>(f: { team: readonly M[] }, accountId: string): M | undefined => ratersOf(f).find((m) => m.account_id === accountId);
