// Writes a completed self-diagnosis into the read side, inside the transaction that completes it: its
// compact result, its node scores, and the aggregates it changes. The valid result of an enterprise is
// its latest completed self-diagnosis (seed 001 §2.1): a newer one takes the older one's place in the
// aggregates; one completed earlier than the valid result (recorded late, e.g. by the backfill) counts
// as completed only. Operator-level: the caller has authorized.
import type { ScoreResult } from '@cmmm/contract';
import { parseStoredResult } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { completionDeltas, diagnosisFactsOf } from './diagnosis-facts.ts';
import { recordSurveyAnswers, storedSurvey } from './survey-aggregate.ts';
import { recordWeakSubdomains } from './weak-subdomain-aggregate.ts';

export async function recordDiagnosisResult(tx: ServiceContext, d: { assessmentId: string; enterpriseId: string; completedAt: Date; result: ScoreResult; survey: unknown }): Promise<void> {
  // The enterprise's row lock serialises validity decisions across servers (two diagnoses of one
  // enterprise completing at once; the backfill of another server).
  const enterprise = await tx.repos.enterprises.lockEnterprise(d.enterpriseId);
  if (!enterprise) throw new Error(`enterprise ${d.enterpriseId} of self-diagnosis ${d.assessmentId} is missing`);
  if (await tx.repos.diagnosisResults.findDiagnosisResult(d.assessmentId)) return; // recorded already
  const facts = diagnosisFactsOf(d, enterprise);
  const current = await tx.repos.diagnosisResults.findValidResult(d.enterpriseId);
  // Ties go to the one recorded later, as they go to the one completing later.
  const becomesValid = !current || current.completed_at.getTime() <= d.completedAt.getTime();
  if (becomesValid && current) await tx.repos.diagnosisResults.invalidateResult(current.assessment_id); // before the insert: one valid row per enterprise
  await tx.repos.diagnosisResults.insertDiagnosisResult({ ...facts, valid: becomesValid });
  const replaced = current
    ? {
        province: current.province,
        city: current.city,
        county: current.county,
        industryMajor: current.industry_major,
        industryCode: current.industry_code,
        enterpriseType: current.enterprise_type,
        month: current.month,
        level: current.level,
        scoreE9: BigInt(current.score_e9),
      }
    : null;
  await tx.repos.diagnosisResults.applyAggregateDeltas(completionDeltas(facts, becomesValid, replaced));
  if (!becomesValid) return;
  await recordWeakSubdomains(tx, { ...facts, editionId: d.result.edition }, current); // 问题短板's cells
  await recordSurveyAnswers(tx, facts, current && replaced ? { ...replaced, survey: storedSurvey(current) } : null); // 调查问卷's cells
}

export const BACKFILL_BATCH = 200;

/**
 * Completed self-diagnoses stored before the read side existed (or restored from an older backup) are
 * recorded at start, oldest first, each in its own transaction; idempotent, and safe when several
 * servers start at once (each completion is recorded once, under its enterprise's lock).
 */
export async function backfillDiagnosisResults(ctx: ServiceContext): Promise<number> {
  let recorded = 0;
  for (;;) {
    const batch = await ctx.repos.diagnosisResults.listCompletedWithoutResult(BACKFILL_BATCH);
    for (const { id } of batch) {
      await ctx.transaction(async (tx) => {
        const row = await tx.repos.selfDiagnoses.findSelfDiagnosis(id);
        if (!row?.result || !row.completed_at) return;
        await recordDiagnosisResult(tx, { assessmentId: id, enterpriseId: row.enterprise_id, completedAt: row.completed_at, result: parseStoredResult(row.result), survey: row.survey });
      });
    }
    recorded += batch.length;
    if (batch.length < BACKFILL_BATCH) return recorded;
    ctx.log.info({ recorded }, '自诊断结果回填 backfilling completed self-diagnoses into the read side');
  }
}
