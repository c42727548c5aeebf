// 查看报告: the PDF of a completed self-diagnosis (packages/report), from what the result page shows
// (gathered once), with a QR code to the public verification page on the configured PUBLIC_URL. The English
// report takes the model's text, the industry and the region in English (model-text.ts), with the notice
// that the translation is unofficial.
import type { Edition } from '@cmmm/model';
import { buildReportView, type ReportLanguage } from '@cmmm/report/views';
import { findIndustry, industryNameEn, regionPath, regionPathEn } from '@cmmm/reference';
import { localiseEdition, modelText } from '../platform/model-text.ts';
import type { ServiceContext } from '../../context.ts';
import type { Actor } from '../../policy.ts';
import { readableDiagnosis } from './load-diagnosis.ts';
import { gatherResult, localiseResult } from './self-diagnosis-result.ts';

export async function renderSelfDiagnosisReport(ctx: ServiceContext, actor: Actor | null, input: { id: string; language: ReportLanguage }): Promise<{ pdf: Buffer; reportNumber: string }> {
  const row = await readableDiagnosis(ctx, actor, input.id);
  const text = modelText(row.edition_id, input.language);
  const gathered = localiseResult(await gatherResult(ctx, row), text); // refuses unless completed
  const { enterprise } = gathered;
  const english = text.translation !== null;
  const reportNumber = row.report_number ?? `ZD-${row.id.slice(0, 8).toUpperCase()}`;
  const view = buildReportView({
    result: gathered.result,
    edition: localiseEdition(gathered.edition, text) as Edition,
    answers: gathered.answers,
    enterprise: {
      name: enterprise.name,
      creditCode: enterprise.credit_code,
      industryName: (english ? industryNameEn(enterprise.industry_code) : findIndustry(enterprise.industry_code)?.name) ?? enterprise.industry_code,
      regionPath: english ? regionPathEn(enterprise.region_code) : regionPath(enterprise.region_code),
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
    ...(text.translation ? { translationNotice: text.translation.notice } : {}),
  });
  return { pdf: await ctx.reports.render(view), reportNumber };
}
