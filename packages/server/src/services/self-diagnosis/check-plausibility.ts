// 提交前核对: answers of the level being answered that contradict the survey (a warning only: the
// enterprise may still submit).
import type { Survey } from '@cmmm/contract';
import { editionIndex, plausibilityWarnings, type MaturityLevel } from '@cmmm/model';
import type { ServiceContext } from '../../context.ts';
import type { Actor } from '../../policy.ts';
import { planOf, readableDiagnosis } from './load-diagnosis.ts';

export async function checkPlausibility(ctx: ServiceContext, actor: Actor | null, input: { id: string }) {
  const row = await readableDiagnosis(ctx, actor, input.id);
  const survey = row.survey as Survey | null;
  if (!survey) return { warnings: [] };
  const plan = planOf(row);
  const level = row.current_level;
  const requirements = editionIndex(plan.edition)
    .atLevel(level as MaturityLevel)
    .filter((x) => !plan.excluded.has(x.subdomain.id))
    .map((x) => x.requirement);
  return { warnings: plausibilityWarnings(requirements, await ctx.repos.selfDiagnoses.listAnswers(row.id), survey) };
}
