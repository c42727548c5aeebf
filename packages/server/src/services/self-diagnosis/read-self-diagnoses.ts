// 企业自诊断 list and one diagnosis in full.
import type { ServiceContext } from '../../context.ts';
import type { Actor } from '../../policy.ts';
import { listAnswers, listLevelOutcomes, listSelfDiagnoses } from '../../repositories/self-diagnoses.ts';
import { readableDiagnosis, ownEnterpriseId } from './access.ts';
import { quotaOf } from './create-self-diagnosis.ts';
import { detailOf, summaryOf, validResultIdOf } from './views.ts';

export async function listOwnSelfDiagnoses(ctx: ServiceContext, actor: Actor | null) {
  const enterpriseId = ownEnterpriseId(actor);
  const rows = await listSelfDiagnoses(ctx.db, enterpriseId);
  const valid = validResultIdOf(rows);
  return {
    diagnoses: rows.map((r) => summaryOf(r, valid)),
    quota: await quotaOf(ctx, enterpriseId),
    inProgressId: rows.find((r) => r.status !== 'completed')?.id ?? null,
  };
}

export async function readSelfDiagnosis(ctx: ServiceContext, actor: Actor | null, id: string) {
  const row = await readableDiagnosis(ctx, actor, id);
  const [answers, levels, all] = await Promise.all([listAnswers(ctx.db, id), listLevelOutcomes(ctx.db, id), listSelfDiagnoses(ctx.db, row.enterprise_id)]);
  return detailOf(row, validResultIdOf(all), answers, levels);
}
