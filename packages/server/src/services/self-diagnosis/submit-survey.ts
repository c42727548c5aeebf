// 调查问卷: stored once (保存，开始答题), then read-only (seed 001 §1.3); answering opens at 一级.
import type { Survey } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../policy.ts';
import { lockSelfDiagnosis, saveSurvey } from '../../repositories/self-diagnoses.ts';
import { answerableDiagnosis } from './access.ts';
import { forgetState, underDiagnosisLock } from './diagnosis-gate.ts';

export async function submitSurvey(ctx: ServiceContext, actor: Actor | null, id: string, survey: Survey): Promise<void> {
  await answerableDiagnosis(ctx, actor, id);
  try {
    await underDiagnosisLock(id, () =>
      ctx.db.transaction().execute(async (trx) => {
        const row = await lockSelfDiagnosis(trx, id);
        if (!row) throw new AppError('NOT_FOUND');
        if (row.status !== 'draft') throw new AppError('SURVEY_LOCKED');
        await saveSurvey(trx, id, survey);
      }),
    );
  } finally {
    forgetState(id); // answering opens
  }
}
