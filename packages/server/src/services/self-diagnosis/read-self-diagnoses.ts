// 企业自诊断 list, one diagnosis in full, and the questions of one level.
import type { MaturityLevel } from '@cmmm/model';
import type { ServiceContext } from '../../context.ts';
import type { Actor } from '../../policy.ts';
import { quotaOf } from './quota.ts';
import { ownEnterpriseId, planOf, readableDiagnosis } from './load-diagnosis.ts';
import { questionnaireOf } from './questionnaire.ts';
import { modelText, type Lang } from '../platform/model-text.ts';
import { detailOf, summaryOf, validResultIdOf } from './views.ts';

export async function listOwnSelfDiagnoses(ctx: ServiceContext, actor: Actor | null) {
  const enterpriseId = ownEnterpriseId(actor);
  const rows = await ctx.repos.selfDiagnoses.listSelfDiagnoses(enterpriseId);
  const valid = validResultIdOf(rows);
  return {
    diagnoses: rows.map((r) => summaryOf(r, valid)),
    quota: await quotaOf(ctx, enterpriseId),
    inProgressId: rows.find((r) => r.status !== 'completed')?.id ?? null,
  };
}

export async function readSelfDiagnosis(ctx: ServiceContext, actor: Actor | null, input: { id: string }) {
  const row = await readableDiagnosis(ctx, actor, input.id);
  const [answers, levels, all] = await Promise.all([
    ctx.repos.selfDiagnoses.listAnswers(input.id),
    ctx.repos.selfDiagnoses.listLevelOutcomes(input.id),
    ctx.repos.selfDiagnoses.listSelfDiagnoses(row.enterprise_id),
  ]);
  return detailOf(row, validResultIdOf(all), answers, levels);
}

export async function readQuestionnaire(ctx: ServiceContext, actor: Actor | null, input: { id: string; level: MaturityLevel; lang?: Lang }) {
  const row = await readableDiagnosis(ctx, actor, input.id);
  return questionnaireOf(planOf(row), input.level, modelText(row.edition_id, input.lang ?? 'zh-CN'));
}
