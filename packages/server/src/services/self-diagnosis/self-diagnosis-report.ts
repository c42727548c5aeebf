// 查看报告: the PDF of a completed self-diagnosis (packages/report), with the peers of its result
// page and a QR code to the public verification page.
import { buildReportView, renderReportPdf, type ReportLanguage } from '@cmmm/report';
import { findIndustry, regionPath } from '@cmmm/reference';
import { requireEdition } from '@cmmm/model';
import type { ServiceContext } from '../../context.ts';
import type { Actor } from '../../policy.ts';
import { findEnterpriseById } from '../../repositories/enterprises.ts';
import { findSelfDiagnosis, listAnswers } from '../../repositories/self-diagnoses.ts';
import { selfDiagnosisResult } from './self-diagnosis-result.ts';

export async function selfDiagnosisReport(
  ctx: ServiceContext,
  actor: Actor | null,
  id: string,
  options: { language: ReportLanguage; origin: string },
): Promise<{ pdf: Buffer; reportNumber: string }> {
  const outcome = await selfDiagnosisResult(ctx, actor, id); // authorizes; refuses unless completed
  const answers = await listAnswers(ctx.db, id);
  const row = (await findSelfDiagnosis(ctx.db, id))!;
  const enterprise = (await findEnterpriseById(ctx.db, row.enterprise_id))!;
  const reportNumber = row.report_number ?? `ZD-${id.slice(0, 8).toUpperCase()}`;
  const view = buildReportView({
    result: outcome.result,
    edition: requireEdition(row.edition_id),
    answers,
    enterprise: {
      name: enterprise.name,
      creditCode: enterprise.credit_code,
      industryName: findIndustry(enterprise.industry_code)?.name ?? enterprise.industry_code,
      regionPath: regionPath(enterprise.region_code),
      enterpriseType: enterprise.enterprise_type,
      regionCode: enterprise.region_code,
    },
    reportNumber,
    issuedAt: row.completed_at ?? ctx.now(),
    verifyUrl: `${options.origin}/verify/${reportNumber}`,
    peers: outcome.peers,
    language: options.language,
  });
  return { pdf: await renderReportPdf(view), reportNumber };
}
