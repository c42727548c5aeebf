// 调查问卷: stored once (保存，开始答题), then read-only (seed 001 §1.3); answering opens at 一级.
import type { Survey } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../policy.ts';
import { recordAudit } from '../audit.ts';
import { answerableDiagnosis, diagnosisSubject } from './load-diagnosis.ts';
import { readSelfDiagnosis } from './read-self-diagnoses.ts';

/** 保存，开始答题: the diagnosis, now being answered. */
export async function submitSurvey(ctx: ServiceContext, actor: Actor | null, input: { id: string; survey: Survey }) {
  const { id } = input;
  await answerableDiagnosis(ctx, actor, id);
  await ctx.transaction(async (tx) => {
    const row = await tx.repos.selfDiagnoses.lockSelfDiagnosis(id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.status !== 'draft') throw new AppError('SURVEY_LOCKED');
    await tx.repos.selfDiagnoses.saveSurvey(id, input.survey);
    await recordAudit(tx, actor, 'self_diagnosis.survey_submitted', await diagnosisSubject(tx, row));
  });
  return readSelfDiagnosis(ctx, actor, { id });
}

