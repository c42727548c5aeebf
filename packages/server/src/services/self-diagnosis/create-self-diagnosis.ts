// 新建自诊断: refuses a second one in progress and the fourth in a calendar month; tailoring is
// checked by the engine's plan (mandatory parts cannot be tailored) and fixed from now on.
import { DEFAULT_EDITION_ID, planFor, requireEdition, type EnterpriseType } from '@cmmm/model';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../policy.ts';
import { newId } from '../../security/tokens.ts';
import { recordAudit } from '../audit.ts';
import { ownEnterpriseId } from './load-diagnosis.ts';
import { quotaOf } from './quota.ts';
import { readSelfDiagnosis } from './read-self-diagnoses.ts';


/** 新建自诊断: the new diagnosis, as 继续自诊断 shows it. */
export async function createSelfDiagnosis(ctx: ServiceContext, actor: Actor | null, input: { enterpriseType: EnterpriseType; tailored: string[] }) {
  return readSelfDiagnosis(ctx, actor, { id: await createDiagnosisRow(ctx, actor, input) });
}

async function createDiagnosisRow(ctx: ServiceContext, actor: Actor | null, input: { enterpriseType: EnterpriseType; tailored: string[] }): Promise<string> {
  const enterpriseId = ownEnterpriseId(actor);
  const plan = planFor(requireEdition(DEFAULT_EDITION_ID), input.enterpriseType, input.tailored);
  if (!plan.ok) throw AppError.fromIssues(plan.issues);
  return ctx.transaction(async (tx) => {
    // Serialise creations per enterprise (on every server) so two tabs cannot both take the last monthly slot.
    const enterprise = await tx.repos.enterprises.lockEnterprise(enterpriseId);
    if (!enterprise) throw new AppError('NOT_FOUND');
    const inProgress = (await tx.repos.selfDiagnoses.listSelfDiagnoses(enterpriseId)).find((r) => r.status !== 'completed');
    if (inProgress) throw new AppError('SELF_DIAGNOSIS_IN_PROGRESS', undefined, [{ code: 'SELF_DIAGNOSIS_IN_PROGRESS', path: inProgress.id, message: '已有一次未完成的自诊断' }]);
    const quota = await quotaOf(tx, enterpriseId);
    if (quota.remaining === 0) throw new AppError('SELF_DIAGNOSIS_LIMIT');
    const id = newId();
    const tailored = [...plan.value.tailored];
    await tx.repos.selfDiagnoses.insertSelfDiagnosis({ id, enterpriseId, editionId: plan.value.edition.id, enterpriseType: input.enterpriseType, tailored, createdAt: tx.now() });
    await recordAudit(tx, actor, 'self_diagnosis.created', { type: 'self_diagnosis', id, enterprise: { id: enterpriseId, regionCode: enterprise.region_code } }, {
      edition: plan.value.edition.id,
      enterpriseType: input.enterpriseType,
      tailored,
    });
    return id;
  });
}
