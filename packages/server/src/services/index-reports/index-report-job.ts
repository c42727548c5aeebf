// A 指数报告 job row as the web reads it, and who may read it: the rule that let it be made, on its region.
import { INDEX_REPORT_STEPS, type IndexReportJob } from '@cmmm/contract';
import type { IndexReportRow } from '@cmmm/db';
import type { ServiceContext } from '../../context.ts';
import { authorize, canGenerateIndexReport, type Actor } from '../../policy.ts';
import { codeOf } from '../statistics/figures.ts';

/** The job's row as services read it: without its PDF and its lease. */
export type JobRow = Omit<IndexReportRow, 'pdf' | 'claimed_by' | 'lease_until'>;

export function jobOf(row: JobRow): IndexReportJob {
  return {
    id: row.id,
    kind: row.kind,
    scope: row.scope,
    region: row.region === '' ? null : codeOf(row.region),
    industry: row.industry,
    status: row.status,
    done: row.done_steps,
    steps: INDEX_REPORT_STEPS.length,
    step: row.status === 'running' ? ((INDEX_REPORT_STEPS as readonly string[]).includes(row.step ?? '') ? (row.step as IndexReportJob['step']) : null) : null,
    error: row.error,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    fileName: row.file_name,
  };
}

/** The job, to those who may make a report of its region; anyone else is told it does not exist. */
export async function readableJob(ctx: ServiceContext, actor: Actor | null, id: string): Promise<JobRow> {
  const row = await ctx.repos.indexReports.findIndexReport(id);
  authorize(actor, row !== undefined && canGenerateIndexReport(actor, row.region === '' ? null : codeOf(row.region)), 'NOT_FOUND');
  return row!;
}
