// 指数报告: a job's status and progress, and its PDF once done — from the database, so any server answers.
import type { IndexReportJob } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../policy.ts';
import { jobOf, readableJob } from './index-report-job.ts';

export async function readIndexReport(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<IndexReportJob> {
  return jobOf(await readableJob(ctx, actor, input.id));
}

export async function readIndexReportPdf(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<{ pdf: Buffer; fileName: string }> {
  await readableJob(ctx, actor, input.id);
  const row = await ctx.repos.indexReports.findIndexReportPdf(input.id);
  if (!row || row.status !== 'done' || !row.pdf) throw new AppError('INDEX_REPORT_NOT_READY');
  return { pdf: Buffer.from(row.pdf.buffer, row.pdf.byteOffset, row.pdf.byteLength), fileName: row.file_name ?? 'index-report' };
}
