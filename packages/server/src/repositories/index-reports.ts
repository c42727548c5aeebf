// All SQL about 指数报告 generation jobs (table index_report): the job, its steps as they happen, its PDF,
// and the lease of the server generating it (claimed_by, lease_until), which another server takes over
// once it runs out. Every write of a generating server is conditional on its still holding the job.
import type { DB } from '@cmmm/db';
import type { ExpressionBuilder } from 'kysely';
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

/** Who holds a job, and until when. */
export interface Lease {
  by: string;
  until: Date;
}

const JOB_COLUMNS = ['id', 'kind', 'region', 'industry', 'scope', 'requested_by', 'status', 'done_steps', 'step', 'error', 'created_at', 'updated_at', 'finished_at', 'file_name', 'attempts'] as const;

/** A new job, held by the server that took the request (its first attempt). */
export async function insertIndexReport(db: Db, r: NewIndexReport, lease: Lease): Promise<void> {
  await db
    .insertInto('index_report')
    .values({ id: r.id, kind: r.kind, region: r.region, industry: r.industry, scope: r.scope, requested_by: r.requestedBy, status: 'running', done_steps: 0, step: null, created_at: r.at, updated_at: r.at, claimed_by: lease.by, lease_until: lease.until, attempts: 1 })
    .execute();
}

/** Whether the account has a job running (held by a server, or waiting to be taken over). */
export async function hasRunningIndexReport(db: Db, requestedBy: string): Promise<boolean> {
  const row = await db.selectFrom('index_report').select('id').where('requested_by', '=', requestedBy).where('status', '=', 'running').executeTakeFirst();
  return row !== undefined;
}

/** The job without its PDF. */
export const findIndexReport = (db: Db, id: string) => db.selectFrom('index_report').select(JOB_COLUMNS).where('id', '=', id).executeTakeFirst();

export const findIndexReportPdf = (db: Db, id: string) => db.selectFrom('index_report').select(['status', 'file_name', 'pdf']).where('id', '=', id).executeTakeFirst();

/** A running job held by `lease.by`: the writes below change nothing once another server has taken it. */
const heldJob = (db: Db, id: string, by: string) => db.updateTable('index_report').where('id', '=', id).where('status', '=', 'running').where('claimed_by', '=', by);

const changed = (result: { numUpdatedRows: bigint }) => result.numUpdatedRows > 0n;

/** A step begins (`done` steps are finished) and the lease runs on; false: the job is no longer this server's. */
export async function recordIndexReportStep(db: Db, id: string, lease: Lease, step: string, done: number, at: Date): Promise<boolean> {
  return changed(await heldJob(db, id, lease.by).set({ step, done_steps: done, updated_at: at, lease_until: lease.until }).executeTakeFirst());
}

/** The lease runs on while a step is under way; false: the job is no longer this server's. */
export async function renewIndexReportLease(db: Db, id: string, lease: Lease): Promise<boolean> {
  return changed(await heldJob(db, id, lease.by).set({ lease_until: lease.until }).executeTakeFirst());
}

export async function finishIndexReport(db: Db, id: string, by: string, done: number, fileName: string, pdf: Buffer, at: Date): Promise<boolean> {
  const result = await heldJob(db, id, by).set({ status: 'done', step: null, done_steps: done, file_name: fileName, pdf, updated_at: at, finished_at: at, lease_until: null }).executeTakeFirst();
  return changed(result);
}

export async function failIndexReport(db: Db, id: string, by: string, error: string, at: Date): Promise<void> {
  await heldJob(db, id, by).set({ status: 'failed', step: null, error, updated_at: at, finished_at: at, lease_until: null }).execute();
}

/** Running jobs nobody holds at `now`: never claimed, or their server's lease ran out. */
const unheldAt = (now: Date) => (eb: ExpressionBuilder<DB, 'index_report'>) =>
  eb.and([eb('status', '=', 'running'), eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)])]);

/**
 * Unheld jobs already taken `attempts` times fail with `error` (a job that kills its server stops there).
 * The conditions are the update's own, so a row another server changed meanwhile is checked again as it now is.
 */
export async function failIndexReportsAttempted(db: Db, attempts: number, error: string, now: Date): Promise<string[]> {
  const rows = await db
    .updateTable('index_report')
    .set({ status: 'failed', step: null, error, updated_at: now, finished_at: now, lease_until: null })
    .where(unheldAt(now))
    .where('attempts', '>=', attempts)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Takes the oldest unheld job with fewer than `attempts` attempts, for `lease`: one statement whose row
 * lock (`for update skip locked`) lets servers racing for jobs each take a different one, or none.
 * It starts again from its first step.
 */
export function claimIndexReport(db: Db, lease: Lease, attempts: number, now: Date) {
  return db
    .updateTable('index_report')
    .set((eb) => ({ claimed_by: lease.by, lease_until: lease.until, attempts: eb('attempts', '+', 1), step: null, done_steps: 0, updated_at: now }))
    .where('id', 'in', db.selectFrom('index_report').select('id').where(unheldAt(now)).where('attempts', '<', attempts).orderBy('created_at').limit(1).forUpdate().skipLocked())
    .returning(JOB_COLUMNS)
    .executeTakeFirst();
}

/** A server shutting down lets go of its jobs (not counted as an attempt); returns how many. */
export async function releaseIndexReports(db: Db, by: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('index_report')
    .set((eb) => ({ claimed_by: null, lease_until: null, attempts: eb('attempts', '-', 1), step: null, done_steps: 0, updated_at: now }))
    .where('status', '=', 'running')
    .where('claimed_by', '=', by)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Housekeeping: reports made before `before` go, PDFs with them. */
export async function deleteIndexReportsCreatedBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('index_report').where('created_at', '<', before).execute();
}
