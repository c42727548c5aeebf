// 指数报告 (issue 11 §3): a 全国, 区域 or 行业 report made on demand. The job is a database row (any server
// answers its status and serves the PDF); this server takes its lease and generates it, writing each step
// as it begins; should this server die, another takes it over (take-over-index-reports.ts).
import type { IndexReportJob, IndexReportRequest } from '@cmmm/contract';
import { findIndustry, findRegion, regionPrefix } from '@cmmm/reference';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canGenerateIndexReport, type Actor } from '../../policy.ts';
import { newId } from '../../security/tokens.ts';
import { regionRef } from '../statistics/figures.ts';
import { generateIndexReport, leaseOf } from './generate-index-report.ts';
import { jobOf } from './index-report-job.ts';

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
  if (await ctx.repos.indexReports.hasRunningIndexReport(actor.id)) throw new AppError('INDEX_REPORT_RUNNING');
  const id = newId();
  const report = { id, kind: input.kind, region: prefix, industry: industry?.code ?? null };
  await ctx.repos.indexReports.insertIndexReport({ ...report, scope: industry ? `${regionName} · ${industry.name}` : regionName, requestedBy: actor.id, at: ctx.now() }, leaseOf(ctx));
  // The answer is the job as it starts (read before the generation can write a step to it); the
  // generation is not awaited and writes its steps to the row as they begin.
  const job = jobOf((await ctx.repos.indexReports.findIndexReport(id))!);
  void generateIndexReport(ctx, actor, report);
  return job;
}
