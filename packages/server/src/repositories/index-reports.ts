// All SQL about 指数报告 generation jobs (table index_report): the job, its steps as they happen, its PDF.
import type { Db } from './db-types.ts';

export interface NewIndexReport {
  id: string;
  kind: 'national' | 'region' | 'industry';
  region: string;
  industry: string | null;
  scope: string;
  requestedBy: string;
  at: Date;
}

const JOB_COLUMNS = ['id', 'kind', 'region', 'industry', 'scope', 'requested_by', 'status', 'done_steps', 'step', 'error', 'created_at', 'updated_at', 'finished_at', 'file_name'] as const;

export async function insertIndexReport(db: Db, r: NewIndexReport): Promise<void> {
  await db
    .insertInto('index_report')
    .values({ id: r.id, kind: r.kind, region: r.region, industry: r.industry, scope: r.scope, requested_by: r.requestedBy, status: 'running', done_steps: 0, step: null, created_at: r.at, updated_at: r.at })
    .execute();
}

/** Whether the account has a job running that moved after `since` (older ones died with their server). */
export async function hasRunningIndexReport(db: Db, requestedBy: string, since: Date): Promise<boolean> {
  const row = await db.selectFrom('index_report').select('id').where('requested_by', '=', requestedBy).where('status', '=', 'running').where('updated_at', '>', since).executeTakeFirst();
  return row !== undefined;
}

/** The job without its PDF. */
export const findIndexReport = (db: Db, id: string) => db.selectFrom('index_report').select(JOB_COLUMNS).where('id', '=', id).executeTakeFirst();

export const findIndexReportPdf = (db: Db, id: string) => db.selectFrom('index_report').select(['status', 'file_name', 'pdf']).where('id', '=', id).executeTakeFirst();

/** A step begins; `done` steps are finished. Only a running job moves. */
export async function recordIndexReportStep(db: Db, id: string, step: string, done: number, at: Date): Promise<void> {
  await db.updateTable('index_report').set({ step, done_steps: done, updated_at: at }).where('id', '=', id).where('status', '=', 'running').execute();
}

export async function finishIndexReport(db: Db, id: string, done: number, fileName: string, pdf: Buffer, at: Date): Promise<void> {
  await db.updateTable('index_report').set({ status: 'done', step: null, done_steps: done, file_name: fileName, pdf, updated_at: at, finished_at: at }).where('id', '=', id).execute();
}

export async function failIndexReport(db: Db, id: string, error: string, at: Date): Promise<void> {
  await db.updateTable('index_report').set({ status: 'failed', step: null, error, updated_at: at, finished_at: at }).where('id', '=', id).where('status', '=', 'running').execute();
}

/** Housekeeping: reports made before `before` go, PDFs with them. */
export async function deleteIndexReportsCreatedBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('index_report').where('created_at', '<', before).execute();
}
