// Test harness: the same suite on the embedded database and, when TEST_DATABASE_URL is set, on a
// real PostgreSQL server. Every open() gets a fresh, empty database, so test files can run in parallel.
//   describe.each(testDatabases)('$name', ({ open, openMigrated }) => { ... })
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectDatabase, type ConnectOptions, type Database } from '../src/connect.ts';
import { migrateToLatest } from '../src/migrate.ts';

export interface TestDatabase {
  name: 'embedded' | 'postgres';
  /** A fresh, empty database; close() removes it. onError: see ConnectOptions (PostgreSQL only). */
  open(options?: Pick<ConnectOptions, 'onError'>): Promise<Database>;
  /** A fresh database with every migration applied. */
  openMigrated(): Promise<Database>;
}

/** A temp dir for an embedded database; rm() removes it. */
export async function makeTempDataDir(): Promise<{ dataDir: string; rm(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmmm-db-test-'));
  return { dataDir, rm: () => rm(dataDir, { recursive: true, force: true }) };
}

async function openEmbedded(): Promise<Database> {
  const temp = await makeTempDataDir();
  try {
    const database = await connectDatabase({ dataDir: temp.dataDir });
    return withCleanup(database, temp.rm);
  } catch (err) {
    await temp.rm();
    throw err;
  }
}

async function openPostgres(url: string, options: Pick<ConnectOptions, 'onError'> = {}): Promise<Database> {
  const name = `cmmm_test_${randomBytes(6).toString('hex')}`;
  await maintenance(url, `create database ${name}`);
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  // The pool's end() resolves before its connections have closed, so dropping the database may still
  // terminate a few: not worth a word once closing.
  let closing = false;
  const onError = options.onError ?? ((err: Error) => process.stderr.write(`test database ${name}: ${err.message}\n`));
  try {
    const database = await connectDatabase({ dataDir: os.tmpdir(), databaseUrl: databaseUrl.href, onError: (err) => { if (!closing) onError(err); } });
    return withCleanup(database, () => {
      closing = true;
      return maintenance(url, `drop database if exists ${name} with (force)`);
    });
  } catch (err) {
    await maintenance(url, `drop database if exists ${name} with (force)`);
    throw err;
  }
}

/** Runs one statement on its own connection to the maintenance database at url (the bench uses it too). */
export async function maintenance(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function withCleanup(database: Database, cleanup: () => Promise<void>): Database {
  let closed: Promise<void> | undefined;
  return {
    ...database,
    close: () => (closed ??= database.close().finally(cleanup)),
  };
}

async function migrated(open: () => Promise<Database>): Promise<Database> {
  const database = await open();
  try {
    await migrateToLatest(database.db);
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}

const testDatabaseUrl = process.env.TEST_DATABASE_URL;

export const testDatabases: TestDatabase[] = [
  { name: 'embedded', open: openEmbedded, openMigrated: () => migrated(openEmbedded) },
  ...(testDatabaseUrl
    ? [{
        name: 'postgres' as const,
        open: (options?: Pick<ConnectOptions, 'onError'>) => openPostgres(testDatabaseUrl, options),
        openMigrated: () => migrated(() => openPostgres(testDatabaseUrl)),
      }]
    : []),
];
