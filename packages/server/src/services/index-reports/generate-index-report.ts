// 指数报告 generation, by the server holding the job's lease: reads the figures, writes the text and
// renders the PDF, a step at a time. The lease runs on as each step begins and every HEARTBEAT_MS in
// between; a server that finds the job no longer its own (it stalled past its lease and another server
// took the job over) stops without a word to the row.
import { INDEX_REPORT_STEPS, type IndexReportStep } from '@cmmm/contract';
import { findIndustry } from '@cmmm/reference';
import { buildIndexReportView } from '@cmmm/report/views';
import type { ServiceContext } from '../../context.ts';
import type { Actor } from '../../policy.ts';
import type { Lease } from '../../repositories/index-reports.ts';
import { recordAudit } from '../audit.ts';
import { regionRef } from '../statistics/figures.ts';
import { readIndexSums, readIndexWeakSubdomains, type IndexScope } from '../statistics/read-index-figures.ts';
import type { JobRow } from './index-report-job.ts';

/** How long a server holds a job without renewing: past it, the server is taken for dead. */
export const LEASE_MS = 2 * 60_000;
/** How often the lease is renewed while a step runs (a 全国 问题短板 pass or a PDF may take a while). */
const HEARTBEAT_MS = 30_000;
/** A generation stuck this long stops renewing, so its job goes to another server (one more attempt). */
const RENEW_AT_MOST_MS = 15 * 60_000;

/** The lease this server takes or renews now. */
export const leaseOf = (ctx: ServiceContext): Lease => ({ by: ctx.serverId, until: new Date(ctx.now().getTime() + LEASE_MS) });

/** The job went to another server: this one stops. */
class LeaseLost extends Error {}

export type Requester = Pick<Actor, 'id' | 'role'>;

/** Generates the job this server holds; a failure fails the job (never the process). */
export async function generateIndexReport(ctx: ServiceContext, requester: Requester | null, job: Pick<JobRow, 'id' | 'kind' | 'region' | 'industry'>): Promise<void> {
  const { id } = job;
  const step = async (name: IndexReportStep) => {
    if (!(await ctx.repos.indexReports.recordIndexReportStep(id, leaseOf(ctx), name, INDEX_REPORT_STEPS.indexOf(name), ctx.now()))) throw new LeaseLost();
  };
  const scope: IndexScope = { prefix: job.region, industry: job.industry };
  const industry = job.industry === null ? null : { code: job.industry, name: findIndustry(job.industry)?.name ?? job.industry };
  const renewal = keepLease(ctx, id);
  try {
    await step('figures');
    const asOf = ctx.now();
    const sums = await readIndexSums(ctx, scope);
    await step('weakSubdomains');
    const weakSubdomains = await readIndexWeakSubdomains(ctx, scope);
    await step('text');
    const view = buildIndexReportView({ kind: job.kind, regionName: regionRef(job.region).name, industry, figures: { ...sums.figures, weakSubdomains }, meanIndex: sums.meanIndex, period: sums.period, asOf });
    await step('pdf');
    const pdf = await ctx.reports.render(view);
    const finished = await ctx.transaction(async (tx) => {
      if (!(await tx.repos.indexReports.finishIndexReport(id, ctx.serverId, INDEX_REPORT_STEPS.length, view.fileName, pdf, tx.now()))) return false;
      await recordAudit(tx, requester, 'index_report.generated', { type: 'index_report', id }, { kind: job.kind, region: job.region === '' ? null : regionRef(job.region).code, industry: job.industry, enterprises: sums.figures.enterprises.value });
      return true;
    });
    if (!finished) throw new LeaseLost();
  } catch (error) {
    if (error instanceof LeaseLost) {
      ctx.log.info({ indexReport: id }, 'index report taken over by another server');
      return;
    }
    ctx.log.warn({ err: error, indexReport: id }, 'index report generation failed');
    // Unwritable (the database gone too): the lease runs out and another server tries again.
    await ctx.repos.indexReports.failIndexReport(id, ctx.serverId, 'INDEX_REPORT_FAILED', ctx.now()).catch(() => undefined);
  } finally {
    renewal.stop();
  }
}

/** Renews the lease every HEARTBEAT_MS until stopped, or until RENEW_AT_MOST_MS have passed. */
function keepLease(ctx: ServiceContext, id: string): { stop(): void } {
  const started = ctx.now().getTime();
  const timer = setInterval(() => {
    if (ctx.now().getTime() - started > RENEW_AT_MOST_MS) return clearInterval(timer);
    ctx.repos.indexReports.renewIndexReportLease(id, leaseOf(ctx)).catch((err: Error) => ctx.log.warn({ err: { message: err.message }, indexReport: id }, 'index report lease not renewed'));
  }, HEARTBEAT_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
