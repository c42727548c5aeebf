// Every server's periodic task (main.ts): takes over the 指数报告 jobs nobody holds — their server died,
// or stalled past its lease — one at a time, and generates them. The claim is one statement with
// `for update skip locked`, so servers running this at the same moment never take the same job; a job
// already taken INDEX_REPORT_ATTEMPTS times (one that kills or hangs its server, say) fails instead.
// A server shutting down hands its jobs over at once rather than letting their leases run out.
import type { ServiceContext } from '../../context.ts';
import { generateIndexReport, leaseOf } from './generate-index-report.ts';

export const INDEX_REPORT_ATTEMPTS = 3;

export interface TakenOver {
  /** Jobs this server took and generated (done, or failed with INDEX_REPORT_FAILED). */
  taken: string[];
  /** Jobs failed with INDEX_REPORT_ABANDONED. */
  abandoned: string[];
}

/** `stopping`: the server is shutting down, so it takes no further job. */
export async function takeOverIndexReports(ctx: ServiceContext, stopping: () => boolean = () => false): Promise<TakenOver> {
  const abandoned = await ctx.repos.indexReports.failIndexReportsAttempted(INDEX_REPORT_ATTEMPTS, 'INDEX_REPORT_ABANDONED', ctx.now());
  const taken: string[] = [];
  const claim = async () => (stopping() ? undefined : ctx.repos.indexReports.claimIndexReport(leaseOf(ctx), INDEX_REPORT_ATTEMPTS, ctx.now()));
  for (let job = await claim(); job; job = await claim()) {
    taken.push(job.id);
    const account = await ctx.repos.accounts.findAccountById(job.requested_by);
    await generateIndexReport(ctx, account ? { id: account.id, role: account.role } : null, job);
  }
  return { taken, abandoned };
}

/** On shutdown, before the report workers close: this server's jobs go back to be taken over at once. */
export const handOverIndexReports = (ctx: ServiceContext): Promise<number> => ctx.repos.indexReports.releaseIndexReports(ctx.serverId, ctx.now());
