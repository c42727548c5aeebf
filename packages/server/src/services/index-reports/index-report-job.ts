// A 指数报告 job row as the web reads it, and who may read it: the rule that let it be made, on its region.
import { INDEX_REPORT_STEPS, type IndexReportJob } from '@cmmm/contract';
import type { IndexReportRow } from '@cmmm/db';
import type { ServiceContext } from '../../context.ts';
import { authorize, canGenerateIndexReport, type Actor } from '../../policy.ts';
import { codeOf } from '../statistics/figures.ts';

/** A running job not moved for this long died with its server: it reads as failed, and may be made again. */
export const ABANDONED_AFTER_MS = 10 * 60_000;

type JobRow = Omit<IndexReportRow, 'pdf'>;

export function jobOf(row: JobRow, now: Date): IndexReportJob {
  const abandoned = row.status === 'running' && now.getTime() - row.updated_at.getTime() > ABANDONED_AFTER_MS;
  const status = abandoned ? 'failed' : row.status;
  return {
    id: row.id,
    kind: row.kind,
    scope: row.scope,
    region: row.region === '' ? null : codeOf(row.region),
    industry: row.industry,
    status,
    done: row.done_steps,
    steps: INDEX_REPORT_STEPS.length,
    step: status === 'running' ? ((INDEX_REPORT_STEPS as readonly string[]).includes(row.step ?? '') ? (row.step as IndexReportJob['step']) : null) : null,
    error: abandoned ? 'INDEX_REPORT_FAILED' : row.error,
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
