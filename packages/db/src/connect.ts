// Opens the database: embedded PGlite in <dataDir>/pgdata by default, or PostgreSQL at databaseUrl.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { copyImageInto, IMAGE_DIR } from './image.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export interface Database {
  db: Kysely<DB>;
  kind: 'embedded' | 'postgres';
  /** Embedded: the data dir was new and was filled from the pre-initialised image. */
  fromImage?: boolean;
  /** Closes the connections (and releases the data dir lock when embedded). Safe to call twice. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Holds the embedded database (pgdata/) and its lock file (cmmm.lock). */
  dataDir: string;
  /** When set, use this PostgreSQL server instead of the embedded database. */
  databaseUrl?: string;
  /**
   * Told about connection errors outside any query (a PostgreSQL server restarting drops the pool's idle
   * connections); never throws. Default: one line on stderr. The queries under way fail on their own.
   */
  onError?: (err: Error) => void;
  /** How long to wait for a new PostgreSQL connection before a query fails (default 5000 ms). */
  connectTimeoutMs?: number;
  /**
   * Embedded only: a data dir without a database starts as a copy of the pre-initialised image (every
   * migration applied; see image.ts) when a current one exists, instead of running initdb. The server
   * and `cmmm` (but `cmmm db migrate`) ask for it; left off, a new database is empty (tests of migrations need that).
   */
  fromImage?: boolean;
  /** Where the image is looked for (default IMAGE_DIR; tests use their own). */
  imageDir?: string;
}

/** Thrown when another live process holds the data dir lock. */
export class DatabaseLockedError extends Error {
  readonly code = 'DATABASE_LOCKED';
  readonly dataDir: string;
  readonly pid: number;

  constructor(dataDir: string, pid: number) {
    super(
      `数据目录 ${dataDir} 已被另一个服务器进程 (pid ${pid}) 使用 / ` +
        `data dir ${dataDir} is in use by another server process (pid ${pid})`,
    );
    this.name = 'DatabaseLockedError';
    this.dataDir = dataDir;
    this.pid = pid;
  }
}

const HELD_LOCKS = Symbol.for('@cmmm/db held locks');

export async function connectDatabase(options: ConnectOptions): Promise<Database> {
  return options.databaseUrl ? connectPostgres(options.databaseUrl, options) : connectEmbedded(options.dataDir, options.fromImage ? (options.imageDir ?? IMAGE_DIR) : undefined);
}

const logToStderr = (err: Error) => {
  process.stderr.write(`@cmmm/db: 数据库连接错误 database connection error: ${err.message}\n`);
};

async function connectPostgres(databaseUrl: string, options: ConnectOptions): Promise<Database> {
  // pg's defaults already parse timestamptz to Date; int8 and numeric stay strings.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000, types: { getTypeParser: typeParser } });
  const onError = options.onError ?? logToStderr;
  // Without a listener an 'error' event is thrown: a server restart would crash the process. The pool
  // reports its idle clients (and drops them); a checked-out client between two queries (in a
  // transaction) needs its own listener; its next query then fails with a recognisable error.
  pool.on('error', (err) => {
    try {
      onError(err);
    } catch {
      // a logger must not take the process down
    }
  });
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let closed: Promise<void> | undefined;
  return {
    db,
    kind: 'postgres',
    close: () => (closed ??= db.destroy()),
  };
}

const asText = (value: string): string => value;
const DATE_OID = 1082;
/** pg's parsers, except a date stays 'YYYY-MM-DD': as a Date it would shift by the server's time zone. */
const typeParser = ((oid: number, format?: 'text' | 'binary') =>
  oid === DATE_OID ? asText : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser;

async function connectEmbedded(dataDir: string, imageDir: string | undefined): Promise<Database> {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const releaseLock = acquireLock(dir);
  const pgdata = path.join(dir, 'pgdata');
  let pglite: PGlite;
  let fromImage = false;
  try {
    // Under the lock: nobody else is creating this database.
    if (imageDir !== undefined && !fs.existsSync(pgdata)) fromImage = copyImageInto(pgdata, imageDir);
    pglite = await PGlite.create({
      dataDir: pgdata,
      // Match pg: int8 (e.g. count(*)) as a string, not a bigint; a date as 'YYYY-MM-DD'. timestamptz is already a Date.
      parsers: { [types.INT8]: asText, [types.DATE]: asText },
    });
  } catch (err) {
    releaseLock();
    throw err;
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  const close = async (): Promise<void> => {
    try {
      await db.destroy();
    } finally {
      // Kysely only destroys a driver it has used; an idle PGlite would keep the process alive.
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        releaseLock();
      }
    }
  };
  let closed: Promise<void> | undefined;
  return { db, kind: 'embedded', fromImage, close: () => (closed ??= close()) };
}

/**
 * Lock files this process holds: a lock naming our own pid may be left by an earlier process that had
 * the same pid. Kept on globalThis so two copies of this module still share it.
 */
const heldLocks: Set<string> = ((globalThis as { [HELD_LOCKS]?: Set<string> })[HELD_LOCKS] ??= new Set());

/** Takes <dir>/cmmm.lock (PGlite does not lock its data dir); returns its release. */
function acquireLock(dir: string): () => void {
  const lockPath = path.join(dir, 'cmmm.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      try {
        fs.writeSync(fd, `${process.pid}\n`);
      } finally {
        fs.closeSync(fd);
      }
      heldLocks.add(lockPath);
      return () => releaseLock(lockPath);
    } catch (err) {
      if (!isErrnoCode(err, 'EEXIST')) throw err;
    }
    const holder = readLockPid(lockPath);
    const ours = holder === process.pid;
    if (holder !== undefined && (ours ? heldLocks.has(lockPath) : isAlive(holder))) {
      throw new DatabaseLockedError(dir, holder);
    }
    // Stale (dead pid, or our pid from an earlier run, common in containers) or unreadable: take it over.
    fs.rmSync(lockPath, { force: true });
  }
  throw new Error(`could not take the lock file ${lockPath}`);
}

function releaseLock(lockPath: string): void {
  if (!heldLocks.delete(lockPath)) return;
  // Only remove the lock if it is still ours.
  if (readLockPid(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
}

function readLockPid(lockPath: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(lockPath, 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return isErrnoCode(err, 'EPERM');
  }
}

function isErrnoCode(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === code;
}
