// What every service gets: the repositories (bound to the database or the transaction under way),
// the clock, the request id, SMS, the report renderer, the process's bounded caches and a logger.
// Services never see the database handle itself: everything they read or write goes through
// `repos`, and `transaction()` gives them the same context bound to one transaction.
import type { Database } from '@cmmm/db';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyReportView } from '@cmmm/report/views';
import { createCaches, type Caches } from './caches.ts';
import type { Db } from './repositories/db-types.ts';
import { bindRepositories, type Repositories } from './repositories/index.ts';
import { outboxSmsSender, type SmsSender } from './sms.ts';
import { DEFAULT_EVIDENCE_MAX_BYTES, type BlobStore } from './storage/blob-store.ts';
import { lazyFsBlobStore } from './storage/lazy-blob-store.ts';
import { noRegionMaps, type RegionMapFiles } from './storage/region-map-files.ts';

export interface Log {
  info: (obj: object, msg?: string) => void;
  warn: (obj: object, msg?: string) => void;
}

/** Renders a report view (自诊断报告 or 评估报告) to PDF bytes (a worker-thread pool in the server). */
export interface ReportRenderer {
  render(view: AnyReportView): Promise<Buffer>;
}

export interface ServiceContext {
  repos: Repositories;
  /** Repositories for figures that may lag the writes by the replication delay — dashboards, index
   *  reports, public statistics: a PostgreSQL streaming replica when DATABASE_READ_URL is set, else
   *  the same database as `repos` (never bound to a transaction: what it reads is committed). */
  reporting: Repositories;
  /** Runs `work` in one transaction; inside one already, joins it. */
  transaction<T>(work: (tx: ServiceContext) => Promise<T>): Promise<T>;
  /** Whether transactions may run concurrently (a PostgreSQL server; the embedded one runs one at a time,
   *  in this process only — which is what lets `caches` hold what only this process can change). */
  concurrentDb: boolean;
  now: () => Date;
  /** The HTTP request being served (audit events carry it); null for the CLI and start-up. */
  requestId: string | null;
  /** Where users reach the platform (links and QR codes in reports), e.g. https://cmmm.example.cn. */
  publicUrl: string;
  sms: SmsSender;
  reports: ReportRenderer;
  caches: Caches;
  log: Log;
  /** Evidence files of formal assessments (content-addressed) and the size allowed per file. */
  evidence: EvidenceStorage;
  /** This server's id (random, one per context over a database): the leases on work it takes carry it. */
  serverId: string;
  /** The scheme's periods: how long a 公示 runs and how long a certificate is valid. */
  scheme: SchemeSettings;
  /** The operator's approved region maps (MAP_DIR); none by default. */
  maps: RegionMapFiles;
}

export interface SchemeSettings {
  /** Days a 公示 runs, the first included (default 7). */
  noticeDays: number;
  /** Years a certificate is valid (default 3). */
  certificateYears: number;
}

export const DEFAULT_SCHEME: SchemeSettings = { noticeDays: 7, certificateYears: 3 };

export interface EvidenceStorage {
  store: BlobStore;
  maxBytes: number;
}

export interface ContextOptions {
  now?: () => Date;
  publicUrl?: string;
  sms?: SmsSender;
  reports?: ReportRenderer;
  /** Default: a fresh directory under the system's temp dir (tests); the server passes <DATA_DIR>/evidence. */
  evidence?: EvidenceStorage;
  scheme?: SchemeSettings;
  /** The operator's region maps (the server passes MAP_DIR's); default: none. */
  maps?: RegionMapFiles;
  /** A read replica for `reporting` (default: the database itself). */
  reportingDatabase?: Database;
}

type Fields = Omit<ServiceContext, 'repos' | 'transaction'>;
/** The database handle behind each context: services never see it. */
const handles = new WeakMap<ServiceContext, { db: Db; inTransaction: boolean }>();

/** The context over an open database. */
export function serviceContext(database: Database, log: Log, options: ContextOptions = {}): ServiceContext {
  const fields: Fields = {
    concurrentDb: database.kind === 'postgres',
    now: options.now ?? (() => new Date()),
    requestId: null,
    publicUrl: options.publicUrl ?? 'http://127.0.0.1:3000',
    sms: options.sms ?? outboxSmsSender(log),
    reports: options.reports ?? inThreadRenderer(),
    caches: createCaches(database.kind === 'embedded'),
    log,
    evidence: options.evidence ?? { store: lazyFsBlobStore(join(tmpdir(), `cmmm-evidence-${randomUUID()}`)), maxBytes: DEFAULT_EVIDENCE_MAX_BYTES },
    scheme: options.scheme ?? { ...DEFAULT_SCHEME },
    serverId: randomUUID(),
    maps: options.maps ?? noRegionMaps,
    reporting: bindRepositories((options.reportingDatabase ?? database).db),
  };
  return make(fields, database.db, false, bindRepositories(database.db));
}

function make(fields: Fields, db: Db, inTransaction: boolean, repos: Repositories): ServiceContext {
  const ctx: ServiceContext = {
    ...fields,
    repos,
    transaction: (work) =>
      inTransaction ? work(ctx) : db.transaction().execute((trx) => work(make(fields, trx, true, bindRepositories(trx)))),
  };
  handles.set(ctx, { db, inTransaction });
  return ctx;
}

function fieldsOf(ctx: ServiceContext): Fields {
  const { concurrentDb, now, requestId, publicUrl, sms, reports, caches, log, evidence, scheme, maps, reporting, serverId } = ctx;
  return { concurrentDb, now, requestId, publicUrl, sms, reports, caches, log, evidence, scheme, maps, reporting, serverId };
}

/** The same context for one HTTP request. */
export function forRequest(ctx: ServiceContext, requestId: string): ServiceContext {
  const { db, inTransaction } = handles.get(ctx)!;
  return make({ ...fieldsOf(ctx), requestId }, db, inTransaction, ctx.repos);
}

/** Renders in this thread: the CLI and tests; the server uses its worker pool. */
function inThreadRenderer(): ReportRenderer {
  return { render: async (view) => (await import('@cmmm/report')).renderPdf(view) };
}
