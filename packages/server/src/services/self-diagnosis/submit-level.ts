// 提交: scores the level being answered (seed 001 §1.4). Reached → the next level opens; not reached
// (or 五级 reached) → answering ends and the whole result is computed and stored.
import { assess, evaluateLevel, readAnswers, type MaturityLevel } from '@cmmm/model';
import type { ServiceContext } from '../../context.ts';
import { beijingDay } from '../../china-time.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../policy.ts';
import { recordAudit } from '../audit.ts';
import { recordDiagnosisResult } from '../statistics/record-diagnosis-result.ts';
import { answerableDiagnosis, diagnosisSubject, planOf } from './load-diagnosis.ts';

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

export async function submitLevel(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<LevelSubmission> {
  await answerableDiagnosis(ctx, actor, input.id);
  return ctx.transaction((tx) => scoreCurrentLevel(tx, actor!, input.id));
}

async function scoreCurrentLevel(tx: ServiceContext, actor: Actor, id: string): Promise<LevelSubmission> {
  const row = await tx.repos.selfDiagnoses.lockSelfDiagnosis(id); // autosaves wait until this commits, or go in before
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status === 'draft') throw new AppError('SURVEY_REQUIRED');
  if (row.status === 'completed') throw new AppError('DIAGNOSIS_COMPLETED');
  const plan = planOf(row);
  const answers = await tx.repos.selfDiagnoses.listAnswers(id);
  const sheet = readAnswers(plan, answers);
  if (!sheet.ok) throw AppError.fromIssues(sheet.issues);
  const level = row.current_level as MaturityLevel;
  const evaluated = evaluateLevel(plan, sheet.value, level);
  if (!evaluated.ok) throw AppError.fromIssues(evaluated.issues);
  const { score, reached } = evaluated.value;
  const now = tx.now();
  const subject = await diagnosisSubject(tx, row);
  await tx.repos.selfDiagnoses.recordLevelOutcome({ assessmentId: id, level, score, reached, at: now });
  await recordAudit(tx, actor, 'self_diagnosis.level_submitted', subject, { level, score, reached });
  if (reached && level < 5) {
    await tx.repos.selfDiagnoses.openNextLevel(id, level + 1);
    return { level, score, reached, nextLevel: level + 1, completed: false };
  }
  const result = assess({ edition: row.edition_id, enterpriseType: row.enterprise_type, tailored: row.tailored, answers });
  if (!result.ok) throw AppError.fromIssues(result.issues);
  const reportNumber = reportNumberFor(id, now);
  await tx.repos.selfDiagnoses.completeSelfDiagnosis(id, result.value, now, reportNumber);
  await recordDiagnosisResult(tx, { assessmentId: id, enterpriseId: row.enterprise_id, completedAt: now, result: result.value, survey: row.survey });
  await recordAudit(tx, actor, 'self_diagnosis.completed', subject, { level: result.value.level, totalScore: result.value.totalScore, reportNumber });
  return { level, score, reached, nextLevel: null, completed: true };
}
