// 查看报告: the PDF of a completed self-diagnosis (packages/report), from what the result page shows
// (gathered once), with a QR code to the public verification page on the configured PUBLIC_URL.
import { buildReportView, type ReportLanguage } from '@cmmm/report/views';
import { findIndustry, regionPath } from '@cmmm/reference';
import type { ServiceContext } from '../../context.ts';
import type { Actor } from '../../policy.ts';
import { readableDiagnosis } from './load-diagnosis.ts';
import { gatherResult } from './self-diagnosis-result.ts';

export async function renderSelfDiagnosisReport(ctx: ServiceContext, actor: Actor | null, input: { id: string; language: ReportLanguage }): Promise<{ pdf: Buffer; reportNumber: string }> {
  const row = await readableDiagnosis(ctx, actor, input.id);
  const gathered = await gatherResult(ctx, row); // refuses unless completed
  const { enterprise } = gathered;
  const reportNumber = row.report_number ?? `ZD-${row.id.slice(0, 8).toUpperCase()}`;
  const view = buildReportView({
    result: gathered.result,
    edition: gathered.edition,
    answers: gathered.answers,
    enterprise: {
      name: enterprise.name,
      creditCode: enterprise.credit_code,
      industryName: findIndustry(enterprise.industry_code)?.name ?? enterprise.industry_code,
      regionPath: regionPath(enterprise.region_code),
      enterpriseType: enterprise.enterprise_type,
    },
    reportNumber,
    issuedAt: row.completed_at ?? ctx.now(),
    verifyUrl: `${ctx.publicUrl}/verify/${reportNumber}`,
    peers: gathered.peers,
    roadmap: gathered.roadmap,
    policies: gathered.policies,
    profile: gathered.profile,
    views: gathered.views,
    language: input.language,
  });
  return { pdf: await ctx.reports.render(view), reportNumber };
}
