// 提交: scores the level being answered (seed 001 §1.4). Reached → the next level opens; not reached
// (or 五级 reached) → answering ends and the whole result is computed and stored.
import { assess, evaluateLevel, readAnswers, type MaturityLevel } from '@cmmm/model';
import type { ServiceContext } from '../../context.ts';
import { beijingDay } from '../../china-time.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../policy.ts';
import { completeSelfDiagnosis, listAnswers, lockSelfDiagnosis, openNextLevel, recordLevelOutcome } from '../../repositories/self-diagnoses.ts';
import { answerableDiagnosis, planOf } from './access.ts';
import { forgetState, underDiagnosisLock } from './diagnosis-gate.ts';

/** ZD-20261122-1A2B3C4D: 自诊断, the completion date (UTC+8) and the diagnosis id's first characters. */
export function reportNumberFor(id: string, completedAt: Date): string {
  const day = beijingDay(completedAt).replaceAll('-', '');
  return `ZD-${day}-${id.replaceAll('-', '').slice(0, 10).toUpperCase()}`;
}

export interface LevelSubmission {
  level: number;
  score: number;
  reached: boolean;
  nextLevel: number | null;
  completed: boolean;
}

export async function submitLevel(ctx: ServiceContext, actor: Actor | null, id: string): Promise<LevelSubmission> {
  await answerableDiagnosis(ctx, actor, id);
  try {
    return await underDiagnosisLock(id, () => scoreCurrentLevel(ctx, id));
  } finally {
    forgetState(id); // the level being answered has changed (or the diagnosis is completed)
  }
}

async function scoreCurrentLevel(ctx: ServiceContext, id: string): Promise<LevelSubmission> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockSelfDiagnosis(trx, id); // autosaves wait until this commits
    if (!row) throw new AppError('NOT_FOUND');
    if (row.status === 'draft') throw new AppError('SURVEY_REQUIRED');
    if (row.status === 'completed') throw new AppError('DIAGNOSIS_COMPLETED');
    const plan = planOf(row);
    const answers = await listAnswers(trx, id);
    const sheet = readAnswers(plan, answers);
    if (!sheet.ok) throw AppError.fromIssues(sheet.issues);
    const level = row.current_level as MaturityLevel;
    const evaluated = evaluateLevel(plan, sheet.value, level);
    if (!evaluated.ok) throw AppError.fromIssues(evaluated.issues);
    const { score, reached } = evaluated.value;
    const now = ctx.now();
    await recordLevelOutcome(trx, { assessmentId: id, level, score, reached, at: now });
    if (reached && level < 5) {
      await openNextLevel(trx, id, level + 1);
      return { level, score, reached, nextLevel: level + 1, completed: false };
    }
    const result = assess({ edition: row.edition_id, enterpriseType: row.enterprise_type, tailored: row.tailored, answers });
    if (!result.ok) throw AppError.fromIssues(result.issues);
    await completeSelfDiagnosis(trx, id, result.value, now, reportNumberFor(id, now));
    return { level, score, reached, nextLevel: null, completed: true };
  });
}
