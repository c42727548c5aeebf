// Test builders: plans and answers with defaults, so each test states only what it is about.
import {
  compilePlan,
  readAnswers,
  requireEdition,
  scoreSheet,
  type AnswerSheet,
  type Edition,
  type EnterpriseType,
  type Grade,
  type Score,
  type ScoreOptions,
  type ScoringPlan,
} from '../src/index.ts';

export const edition = requireEdition('db12-t1073-2021');

export interface RequirementInfo {
  id: string;
  level: number;
  elementId: string;
  domainId: string;
  subdomainId: string;
  tailorable: boolean;
}

export function requirementsOf(ed: Edition = edition): RequirementInfo[] {
  return ed.elements.flatMap((e) =>
    e.domains.flatMap((d) =>
      d.subdomains.flatMap((s) =>
        s.items.flatMap((i) =>
          i.requirements.map((r) => ({
            id: r.id,
            level: r.level,
            elementId: e.id,
            domainId: d.id,
            subdomainId: s.id,
            tailorable: d.tailorable,
          })),
        ),
      ),
    ),
  );
}

export function buildPlan(
  options: { enterpriseType?: EnterpriseType; tailored?: string[]; weights?: Record<string, number> } = {},
  ed: Edition = edition,
): ScoringPlan {
  const plan = compilePlan(ed, { enterpriseType: 'discrete', ...options });
  if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
  return plan.value;
}

/** Answers for every requirement of the edition: one grade, or a grade chosen per requirement. */
export function buildAnswers(
  grade: Grade | ((r: RequirementInfo) => Grade),
  ed: Edition = edition,
): Record<string, Grade> {
  const pick = typeof grade === 'function' ? grade : () => grade;
  return Object.fromEntries(requirementsOf(ed).map((r) => [r.id, pick(r)]));
}

export function buildSheet(plan: ScoringPlan, answers: Record<string, Grade>): AnswerSheet {
  const sheet = readAnswers(plan, answers);
  if (!sheet.ok) throw new Error(JSON.stringify(sheet.issues));
  return sheet.value;
}

export function scoreOf(plan: ScoringPlan, answers: Record<string, Grade>, options?: ScoreOptions): Score {
  const score = scoreSheet(plan, buildSheet(plan, answers), options);
  if (!score.ok) throw new Error(JSON.stringify(score.issues));
  return score.value;
}

/** The level whose 表16 band holds S. */
export function bandOf(S: number): number {
  if (S >= 4.8) return 5;
  if (S >= 3.8) return 4;
  if (S >= 2.8) return 3;
  if (S >= 1.8) return 2;
  if (S >= 0.8) return 1;
  return 0;
}
