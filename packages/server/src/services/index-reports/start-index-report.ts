// 指数报告 (issue 11 §3): a 全国, 区域 or 行业 report made on demand. The job is a database row (any server
// answers its status and serves the PDF); this server then generates it, writing each step as it begins.
import { INDEX_REPORT_STEPS, type IndexReportJob, type IndexReportRequest } from '@cmmm/contract';
import { findIndustry, findRegion, regionPrefix } from '@cmmm/reference';
import { buildIndexReportView } from '@cmmm/report/views';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canGenerateIndexReport, type Actor } from '../../policy.ts';
import { newId } from '../../security/tokens.ts';
import { recordAudit } from '../audit.ts';
import { regionRef } from '../statistics/figures.ts';
import { readIndexSums, readIndexWeakSubdomains, type IndexScope } from '../statistics/read-index-figures.ts';
import { ABANDONED_AFTER_MS, jobOf } from './index-report-job.ts';

const scopeIssue = (path: 'region' | 'industry', message: string) => new AppError('INDEX_REPORT_SCOPE', message, [{ code: 'INDEX_REPORT_SCOPE', path, message }]);

/** The region asked for: a 区域 report's own; a 行业 report's, else a region admin's region, else the nation. */
function regionOf(actor: Actor | null, input: IndexReportRequest): string | null {
  if (input.kind === 'national') return null;
  if (input.region !== undefined) return input.region;
  if (input.kind === 'region') throw scopeIssue('region', '区域指数报告须选择地区');
  return actor?.role === 'region_admin' ? actor.regionCode : null;
}

export async function startIndexReport(ctx: ServiceContext, actor: Actor | null, input: IndexReportRequest): Promise<IndexReportJob> {
  const code = regionOf(actor, input);
  authorize(actor, canGenerateIndexReport(actor, code));
  if (input.kind === 'national' && (input.region !== undefined || input.industry !== undefined)) throw scopeIssue(input.region !== undefined ? 'region' : 'industry', '全国指数报告不选择地区或行业');
  if (input.kind === 'region' && input.industry !== undefined) throw scopeIssue('industry', '区域指数报告不选择行业；行业报告请选择“行业”');
  if (input.kind === 'industry' && input.industry === undefined) throw scopeIssue('industry', '行业指数报告须选择行业大类');
  if (code !== null && !findRegion(code)) {
    throw new AppError('UNKNOWN_REGION', `没有代码为 ${code} 的地区`, [{ code: 'UNKNOWN_REGION', path: 'region', message: `没有代码为 ${code} 的地区` }]);
  }
  const major = input.industry === undefined ? null : findIndustry(input.industry);
  if (major === undefined || (major !== null && major.level !== 'major')) {
    const message = `没有代码为 ${input.industry} 的制造业行业大类（GB/T 4754-2017）`;
    throw new AppError('UNKNOWN_INDUSTRY_MAJOR', message, [{ code: 'UNKNOWN_INDUSTRY_MAJOR', path: 'industry', message }]);
  }
  const prefix = code === null ? '' : regionPrefix(code);
  const regionName = regionRef(prefix).name;
  const industry = major ? { code: major.code, name: major.name } : null;
  // One report at a time per account: each costs a pass over the scope's results and a second of rendering.
  if (await ctx.repos.indexReports.hasRunningIndexReport(actor.id, new Date(ctx.now().getTime() - ABANDONED_AFTER_MS))) throw new AppError('INDEX_REPORT_RUNNING');
  const id = newId();
  await ctx.repos.indexReports.insertIndexReport({
    id,
    kind: input.kind,
    region: prefix,
    industry: industry?.code ?? null,
    scope: industry ? `${regionName} · ${industry.name}` : regionName,
    requestedBy: actor.id,
    at: ctx.now(),
  });
  // The answer is the job as it starts (read before the generation can write a step to it); the
  // generation is not awaited and writes its steps to the row as they begin.
  const job = jobOf((await ctx.repos.indexReports.findIndexReport(id))!, ctx.now());
  void generateIndexReport(ctx, actor, id, { kind: input.kind, prefix, regionName, industry });
  return job;
}

interface Generation extends Omit<IndexScope, 'industry'> {
  kind: IndexReportRequest['kind'];
  regionName: string;
  industry: { code: string; name: string } | null;
}

/** Reads the figures, writes the text and renders the PDF, a step at a time; a failure fails the job (never the process). */
export async function generateIndexReport(ctx: ServiceContext, actor: Actor, id: string, g: Generation): Promise<void> {
  const step = (name: (typeof INDEX_REPORT_STEPS)[number]) => ctx.repos.indexReports.recordIndexReportStep(id, name, INDEX_REPORT_STEPS.indexOf(name), ctx.now());
  const scope: IndexScope = { prefix: g.prefix, industry: g.industry?.code ?? null };
  try {
    await step('figures');
    const asOf = ctx.now();
    const sums = await readIndexSums(ctx, scope);
    await step('weakSubdomains');
    const weakSubdomains = await readIndexWeakSubdomains(ctx, scope);
    await step('text');
    const view = buildIndexReportView({ kind: g.kind, regionName: g.regionName, industry: g.industry, figures: { ...sums.figures, weakSubdomains }, meanIndex: sums.meanIndex, period: sums.period, asOf });
    await step('pdf');
    const pdf = await ctx.reports.render(view);
    await ctx.transaction(async (tx) => {
      await tx.repos.indexReports.finishIndexReport(id, INDEX_REPORT_STEPS.length, view.fileName, pdf, tx.now());
      await recordAudit(tx, actor, 'index_report.generated', { type: 'index_report', id }, { kind: g.kind, region: g.prefix === '' ? null : regionRef(g.prefix).code, industry: g.industry?.code ?? null, enterprises: sums.figures.enterprises.value });
    });
  } catch (error) {
    ctx.log.warn({ err: error, indexReport: id }, 'index report generation failed');
    await ctx.repos.indexReports.failIndexReport(id, 'INDEX_REPORT_FAILED', ctx.now()).catch(() => undefined);
  }
}
