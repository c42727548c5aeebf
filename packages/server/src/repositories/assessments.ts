// All SQL about assessments (self-diagnoses now; formal assessments later).
import type { Survey } from '@cmmm/contract';
import type { Grade, ScoreResult } from '@cmmm/model';
import type { Db } from './db-types.ts';

/** A self-diagnosis already completed (demo data, imports): answers, level rows and result. */
export async function insertCompletedAssessment(
  db: Db,
  a: { id: string; enterpriseId: string; result: ScoreResult; answers: Record<string, Grade>; completedAt: Date; isDemo?: boolean; reportNumber?: string; survey?: Survey | null },
): Promise<void> {
  const levels = Object.entries(a.result.breakdown);
  await db
    .insertInto('assessment')
    .values({
      id: a.id,
      enterprise_id: a.enterpriseId,
      kind: 'self_diagnosis',
      edition_id: a.result.edition,
      enterprise_type: a.result.enterpriseType,
      tailored: JSON.stringify(a.result.tailored),
      status: 'completed',
      current_level: Math.max(1, ...levels.map(([l]) => Number(l))),
      level: a.result.level,
      total_score: a.result.totalScore,
      result: JSON.stringify(a.result),
      is_demo: a.isDemo ?? false,
      created_at: a.completedAt,
      completed_at: a.completedAt,
      report_number: a.reportNumber ?? null,
      survey: a.survey ? JSON.stringify(a.survey) : null,
    })
    .execute();
  const rows = Object.entries(a.answers)
    .filter(([id]) => levels.some(([l]) => id.endsWith(`.L${l}`)))
    .map(([requirement_id, grade]) => ({ assessment_id: a.id, requirement_id, grade, updated_at: a.completedAt }));
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('assessment_answer').values(rows.slice(i, i + 500)).execute();
  await db
    .insertInto('assessment_level')
    .values(levels.map(([level, b]) => ({ assessment_id: a.id, level: Number(level), score: b!.score, reached: b!.reached, submitted_at: a.completedAt })))
    .execute();
}
