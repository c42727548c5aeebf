// 评估报告 (seed 003 §8.3.5; seed 002 评估结果): the PDF of a formal assessment's result (packages/report),
// from what the pages show — the assessment, its result, the working sheet — and its evidence. Who may
// read it and from which stage are readFormalResult's rules (the team from 等级判定, the enterprise and
// the overseers once the result is shared). Before the lead fixes the final result it is the draft
// (征求意见稿, no number); afterwards it carries the PG- number and a QR code to /verify/<number>.
import { buildFormalReportView, type ReportLanguage } from '@cmmm/report/views';
import type { ServiceContext } from '../../context.ts';
import type { Actor } from '../../policy.ts';
import { readableFormalAssessment } from './load-formal-assessment.ts';
import { viewFor } from './read-formal-assessments.ts';
import { readFormalResult } from './roll-up.ts';
import { readWorkingSheet } from './working-sheet.ts';

export async function renderFormalReport(ctx: ServiceContext, actor: Actor | null, input: { id: string; language: ReportLanguage }): Promise<{ pdf: Buffer; fileName: string }> {
  const result = await readFormalResult(ctx, actor, { id: input.id }); // who, and from which stage
  const [sheet, { actor: reader, facts }, evidence, stored] = await Promise.all([
    readWorkingSheet(ctx, actor, { id: input.id }),
    readableFormalAssessment(ctx, actor, input.id),
    ctx.repos.formalRatings.listEvidence(input.id),
    ctx.repos.formalRatings.findFormalResult(input.id),
  ]);
  const reportNumber = stored?.report_number ?? null;
  const view = buildFormalReportView({
    language: input.language,
    reportNumber,
    // The final result's date (the number carries it); a draft is dated the day it is printed.
    issuedAt: reportNumber ? new Date(result.ratedAt) : ctx.now(),
    verifyUrl: reportNumber ? `${ctx.publicUrl}/verify/${reportNumber}` : null,
    enterprise: { name: facts.enterprise.name, creditCode: facts.enterprise.credit_code },
    assessment: await viewFor(ctx, reader, facts),
    result,
    sheet,
    evidence: evidence.map((e) => ({ method: e.method, source: e.source })),
  });
  return { pdf: await ctx.reports.render(view), fileName: reportNumber ?? `PG-DRAFT-${input.id.slice(0, 8).toUpperCase()}` };
}
