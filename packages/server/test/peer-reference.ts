// The peer percentile as the result page computed it before the read side (issue 11 §1): the latest
// completed self-diagnosis of every enterprise of the same industry major class or province, loaded
// into Node, filtered and ranked there. The reference the indexed counts are tested and benched against.
import type { Database } from '@cmmm/db';
import { percentileAmong } from '../src/services/self-diagnosis/self-diagnosis-result.ts';

export async function fullScanStanding(db: Database['db'], assessmentId: string) {
  const row = await db
    .selectFrom('assessment')
    .innerJoin('enterprise', 'enterprise.id', 'assessment.enterprise_id')
    .select(['assessment.enterprise_id', 'assessment.total_score', 'enterprise.industry_code', 'enterprise.region_code'])
    .where('assessment.id', '=', assessmentId)
    .executeTakeFirstOrThrow();
  const industryMajor = row.industry_code.slice(0, 2);
  const province = row.region_code.slice(0, 2);
  const peers = await db
    .selectFrom('assessment')
    .innerJoin('enterprise', 'enterprise.id', 'assessment.enterprise_id')
    .distinctOn('assessment.enterprise_id')
    .select(['assessment.enterprise_id', 'assessment.total_score', 'enterprise.industry_code', 'enterprise.region_code'])
    .where('assessment.kind', '=', 'self_diagnosis')
    .where('assessment.status', '=', 'completed')
    .where((eb) => eb.or([eb('enterprise.industry_code', 'like', `${industryMajor}%`), eb('enterprise.region_code', 'like', `${province}%`)]))
    .orderBy('assessment.enterprise_id')
    .orderBy('assessment.completed_at', 'desc')
    .execute();
  const others = peers.filter((x) => x.enterprise_id !== row.enterprise_id && x.total_score !== null);
  const industry = others.filter((x) => x.industry_code.startsWith(industryMajor)).map((x) => x.total_score!);
  const region = others.filter((x) => x.region_code.startsWith(province)).map((x) => x.total_score!);
  const score = row.total_score ?? 0;
  return {
    input: { enterpriseId: row.enterprise_id, score, industryMajor, province },
    industry: { peers: industry.length, percentile: percentileAmong(score, industry) },
    region: { peers: region.length, percentile: percentileAmong(score, region) },
  };
}
