// Portable logical backups: gzip of newline-delimited JSON that both drivers read and write, so a backup
// of the embedded database restores into PostgreSQL and the other way round.
//   {"format":"cmmm-backup","version":1,"createdAt":"…","migrations":["…applied…"]}
//   {"table":"account","columns":["id",…]}        per table, parents before children, then its rows:
//   ["…",null,…]                                  one line per row: each column's PostgreSQL text form
//   {"end":true,"rows":{"account":12,…}}          last line: a file without it is incomplete
// Text forms keep every value exact (microsecond timestamps, jsonb, bigint identities, doubles); they are
// written under fixed session settings (UTC, ISO dates, shortest exact floats) and cast back on restore.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { appliedMigrations, applyMigrationsWithin, knownMigrations, MIGRATION_TABLES, MIGRATIONS_DIR } from './migrate.ts';

export const BACKUP_FORMAT = 'cmmm-backup';
export const BACKUP_VERSION = 1;

export type BackupErrorCode =
  | 'BACKUP_UNREADABLE' // the file cannot be read
  | 'BACKUP_UNWRITABLE' // the backup cannot be written there
  | 'BACKUP_NOT_CMMM' // not a cmmm backup (or damaged beyond its header)
  | 'BACKUP_NEWER_SCHEMA' // made by a newer version: migrations or format this one does not know
  | 'BACKUP_INCOMPLETE' // cut short: no end line, or fewer rows than it says
  | 'BACKUP_SCHEMA_MISMATCH'; // names a table or column the database does not have

/** An expected failure of a backup or restore: a stable code and a Chinese message. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface TableCount {
  table: string;
  rows: number;
}

export interface BackupSummary {
  file: string;
  createdAt: string;
  migrations: string[];
  tables: TableCount[];
}

export interface RestoreSummary extends BackupSummary {
  /** Migrations applied to the target first, to reach the backup's level. */
  migrated: string[];
}

interface Header {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
}

interface Column {
  name: string;
  /** format_type(): a type name usable in a cast. */
  type: string;
  /** The sequence behind an identity or serial column. */
  sequence: string | null;
}

const FETCH_ROWS = 1000;
const BATCH_ROWS = 1000;
const BATCH_CHARS = 4_000_000;
/** Kysely's migration lock (PostgresAdapter): a restore waits for, and holds off, a migration run. */
const MIGRATION_LOCK_ID = '3853314791062309107';

/** Writes a backup of every table to file (replaced only once the backup is complete). */
export async function backupDatabase<T>(db: Kysely<T>, file: string, options: { now?: Date } = {}): Promise<BackupSummary> {
  const createdAt = (options.now ?? new Date()).toISOString();
  return writeGzipLines(file, (write) =>
    // One snapshot for every table.
    db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (trx) => {
      await exactTextSettings(trx);
      const migrations = await appliedMigrations(trx);
      const header: Header = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt, migrations };
      await write(JSON.stringify(header));
      const columns = await columnsByTable(trx);
      const primaryKeys = await primaryKeysByTable(trx);
      const tables: TableCount[] = [];
      for (const table of await tablesInForeignKeyOrder(trx)) {
        const names = (columns.get(table) ?? []).map((c) => c.name);
        await write(JSON.stringify({ table, columns: names }));
        const order = primaryKeys.get(table) ?? [];
        const cursor = sql`
          declare cmmm_backup no scroll cursor for
          select ${sql.join(names.map((n) => sql`${sql.id(n)}::text as ${sql.id(n)}`))} from ${sql.table(table)}
          ${order.length ? sql`order by ${sql.join(order.map((n) => sql.id(n)))}` : sql``}
        `;
        await cursor.execute(trx);
        let rows = 0;
        for (;;) {
          const batch = (await sql<Record<string, string | null>>`fetch forward ${sql.lit(FETCH_ROWS)} from cmmm_backup`.execute(trx)).rows;
          for (const row of batch) await write(JSON.stringify(names.map((n) => row[n] ?? null)));
          rows += batch.length;
          if (batch.length < FETCH_ROWS) break;
        }
        await sql`close cmmm_backup`.execute(trx);
        tables.push({ table, rows });
      }
      await write(JSON.stringify({ end: true, rows: Object.fromEntries(tables.map((t) => [t.table, t.rows])) }));
      return { file, createdAt, migrations, tables };
    }),
  );
}

/**
 * Replaces every table's rows with the backup's, in one transaction (nothing changes when it fails):
 * migrates the target up to the backup's level first when it is behind, empties every table, inserts
 * the rows in batches and resets identity sequences. A target ahead of the backup keeps its schema;
 * columns the backup lacks take their defaults.
 */
export async function restoreDatabase<T>(db: Kysely<T>, file: string, options: { migrationsDir?: string } = {}): Promise<RestoreSummary> {
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const lines = readGzipLines(file);
  try {
    const header = parseHeader(await lines.next());
    const known = new Set(Object.keys(await knownMigrations(migrationsDir)));
    const unknown = header.migrations.filter((name) => !known.has(name));
    if (unknown.length) {
      throw new BackupError(
        'BACKUP_NEWER_SCHEMA',
        `备份文件 ${file} 由更新版本的程序生成（本程序不认识的数据库迁移：${unknown.join('、')}），请先升级本程序再恢复`,
      );
    }
    return await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK_ID)}::bigint)`.execute(trx);
      await exactTextSettings(trx);
      const applied = new Set(await appliedMigrations(trx));
      const migrated = header.migrations.filter((name) => !applied.has(name));
      await applyMigrationsWithin(trx, migrated, migrationsDir);

      const columns = await columnsByTable(trx);
      const tables = await tablesInForeignKeyOrder(trx);
      if (tables.length) await sql`truncate ${sql.join(tables.map((t) => sql.table(t)))} restart identity`.execute(trx);
      const restored = await insertRows(trx, file, lines, columns);
      for (const { table } of restored) {
        for (const { name, sequence } of columns.get(table) ?? []) {
          if (sequence === null) continue;
          await sql`select setval(${sequence}::text::regclass, coalesce(max(${sql.id(name)}), 0) + 1, false) from ${sql.table(table)}`.execute(trx);
        }
      }
      return { file, createdAt: header.createdAt, migrations: header.migrations, migrated, tables: restored };
    });
  } finally {
    await lines.return(undefined);
  }
}

/** Reads the table sections and the end line, inserting as it goes. */
async function insertRows<T>(trx: Kysely<T>, file: string, lines: AsyncGenerator<string>, columns: Map<string, Column[]>): Promise<TableCount[]> {
  const restored: TableCount[] = [];
  let current: { table: string; columns: Column[]; rows: number; batch: string[][]; chars: number } | undefined;
  const flush = async () => {
    if (!current?.batch.length) return;
    await insertBatch(trx, current.table, current.columns, current.batch);
    current.batch = [];
    current.chars = 0;
  };
  for (;;) {
    const { value: line, done } = await lines.next();
    if (done) throw new BackupError('BACKUP_INCOMPLETE', `备份文件 ${file} 不完整（缺少结束行），未做任何更改`);
    const parsed = parseLine(file, line);
    if (Array.isArray(parsed)) {
      if (!current || parsed.length !== current.columns.length || !parsed.every((v) => v === null || typeof v === 'string')) {
        throw notABackup(file);
      }
      current.batch.push(parsed as string[]);
      current.rows++;
      current.chars += line.length;
      if (current.batch.length >= BATCH_ROWS || current.chars >= BATCH_CHARS) await flush();
      continue;
    }
    await flush();
    if (current) restored.push({ table: current.table, rows: current.rows });
    current = undefined;
    if (isRecord(parsed) && parsed.end === true && isRecord(parsed.rows)) {
      const claimed = parsed.rows;
      const mismatch = restored.find((t) => claimed[t.table] !== t.rows);
      if (mismatch || Object.keys(claimed).length !== restored.length) {
        throw new BackupError('BACKUP_INCOMPLETE', `备份文件 ${file} 不完整（行数与结束行不符），未做任何更改`);
      }
      if (!(await lines.next()).done) throw notABackup(file);
      return restored;
    }
    if (!isRecord(parsed) || typeof parsed.table !== 'string' || !Array.isArray(parsed.columns)) throw notABackup(file);
    const table = parsed.table;
    const target = columns.get(table);
    if (!target || restored.some((t) => t.table === table)) {
      throw new BackupError('BACKUP_SCHEMA_MISMATCH', `备份中的数据表 ${table} 在目标数据库中不存在，未做任何更改`);
    }
    const wanted = parsed.columns.map((name) => target.find((c) => c.name === name));
    const missing = parsed.columns.filter((_, i) => !wanted[i]);
    if (missing.length) {
      throw new BackupError('BACKUP_SCHEMA_MISMATCH', `备份中数据表 ${table} 的列 ${missing.join('、')} 在目标数据库中不存在，未做任何更改`);
    }
    current = { table, columns: wanted as Column[], rows: 0, batch: [], chars: 0 };
  }
}

async function insertBatch<T>(trx: Kysely<T>, table: string, columns: Column[], rows: string[][]): Promise<void> {
  // One JSON parameter per batch; every value travels as text and is cast to its column's type.
  const json = JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c, i) => [c.name, row[i]]))));
  const names = sql.join(columns.map((c) => sql.id(c.name)));
  await sql`
    insert into ${sql.table(table)} (${names}) overriding system value
    select ${sql.join(columns.map((c) => sql`cast(r.${sql.id(c.name)} as ${sql.raw(c.type)})`))}
    from json_to_recordset(${json}::text::json) as r(${sql.join(columns.map((c) => sql`${sql.id(c.name)} text`))})
  `.execute(trx);
}

/** Session settings under which every type's text form is exact and reads back the same. */
async function exactTextSettings<T>(trx: Kysely<T>): Promise<void> {
  for (const setting of [
    sql`set local timezone = 'UTC'`,
    sql`set local datestyle = 'ISO, YMD'`,
    sql`set local intervalstyle = 'postgres'`,
    sql`set local extra_float_digits = 1`,
    sql`set local bytea_output = 'hex'`,
  ]) {
    await setting.execute(trx);
  }
}

/** Application tables of the current schema (not Kysely's bookkeeping), parents before children. */
async function tablesInForeignKeyOrder<T>(db: Kysely<T>): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'
      order by table_name
    `.execute(db)
  ).rows.map((r) => r.name).filter((name) => !MIGRATION_TABLES.includes(name));
  const references = (
    await sql<{ child: string; parent: string }>`
      select child.relname as child, parent.relname as parent
      from pg_constraint c
      join pg_class child on child.oid = c.conrelid
      join pg_class parent on parent.oid = c.confrelid
      join pg_namespace n on n.oid = child.relnamespace
      where c.contype = 'f' and n.nspname = current_schema()
    `.execute(db)
  ).rows;
  const ordered: string[] = [];
  const pending = new Set(tables);
  while (pending.size) {
    // The first table (by name) whose parents are all placed; a cycle falls back to name order.
    const ready = [...pending].find((t) => references.every((r) => r.child !== t || r.parent === t || !pending.has(r.parent)));
    const next = ready ?? [...pending][0]!;
    ordered.push(next);
    pending.delete(next);
  }
  return ordered;
}

async function columnsByTable<T>(db: Kysely<T>): Promise<Map<string, Column[]>> {
  const { rows } = await sql<{ table: string; name: string; type: string; sequence: string | null }>`
    select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
           pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as sequence
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    order by c.relname, a.attnum
  `.execute(db);
  return groupByTable(rows, ({ name, type, sequence }) => ({ name, type, sequence }));
}

async function primaryKeysByTable<T>(db: Kysely<T>): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ table: string; name: string }>`
    select k.table_name as table, k.column_name as name
    from information_schema.table_constraints t
    join information_schema.key_column_usage k
      on k.constraint_schema = t.constraint_schema and k.constraint_name = t.constraint_name and k.table_name = t.table_name
    where t.constraint_type = 'PRIMARY KEY' and t.table_schema = current_schema()
    order by k.table_name, k.ordinal_position
  `.execute(db);
  return groupByTable(rows, (r) => r.name);
}

function groupByTable<R extends { table: string }, V>(rows: readonly R[], value: (row: R) => V): Map<string, V[]> {
  const byTable = new Map<string, V[]>();
  for (const row of rows) {
    const list = byTable.get(row.table) ?? [];
    list.push(value(row));
    byTable.set(row.table, list);
  }
  return byTable;
}

function parseHeader(first: IteratorResult<string>): Header {
  const header = first.done ? undefined : parseJson(first.value);
  if (!isRecord(header) || header.format !== BACKUP_FORMAT || typeof header.version !== 'number') throw notABackup();
  if (header.version > BACKUP_VERSION) {
    throw new BackupError('BACKUP_NEWER_SCHEMA', `备份文件格式版本 ${header.version} 比本程序支持的 ${BACKUP_VERSION} 新，请先升级本程序再恢复`);
  }
  const { migrations, createdAt } = header;
  if (!Array.isArray(migrations) || !migrations.every((m) => typeof m === 'string') || typeof createdAt !== 'string') throw notABackup();
  return { format: BACKUP_FORMAT, version: header.version, createdAt, migrations: migrations as string[] };
}

function parseLine(file: string, line: string): unknown {
  const value = parseJson(line);
  if (value === undefined) throw notABackup(file);
  return value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const notABackup = (file?: string) =>
  new BackupError('BACKUP_NOT_CMMM', `${file ? `文件 ${file} ` : '该文件'}不是 cmmm 数据库备份（cmmm db backup 生成的 gzip 文件）或已损坏，未做任何更改`);

/** Writes gzip'd lines to a temp file beside file, renamed over file once produce() succeeds. */
async function writeGzipLines<R>(file: string, produce: (write: (line: string) => Promise<void>) => Promise<R>): Promise<R> {
  const temp = `${file}.${process.pid}.partial`;
  const gzip = createGzip();
  const written = pipelineAsync(gzip, createWriteStream(temp));
  written.catch(() => {}); // awaited below; this only keeps an early failure from counting as unhandled
  try {
    const result = await produce(async (line) => {
      if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
    });
    gzip.end();
    await written;
    await rename(temp, file);
    return result;
  } catch (err) {
    gzip.destroy();
    await written.catch(() => {});
    await rm(temp, { force: true });
    if (isSystemError(err)) throw new BackupError('BACKUP_UNWRITABLE', `无法写入备份文件 ${file}：${err.code}`);
    throw err;
  }
}

/** The lines of a gzip'd file; read errors become BackupErrors. */
async function* readGzipLines(file: string): AsyncGenerator<string, void, undefined> {
  const text = pipeline(createReadStream(file), createGunzip(), () => {});
  text.setEncoding('utf8');
  let rest = '';
  let lines = 0;
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      for (const line of parts) {
        lines++;
        yield line;
      }
    }
  } catch (err) {
    if (isSystemError(err)) throw new BackupError('BACKUP_UNREADABLE', `无法读取备份文件 ${file}：${err.code}`);
    if (isZlibError(err)) {
      throw lines ? new BackupError('BACKUP_INCOMPLETE', `备份文件 ${file} 不完整或已损坏，未做任何更改`) : notABackup(file);
    }
    throw err;
  } finally {
    text.destroy();
  }
  if (rest) yield rest;
}

/** A failed system call (ENOENT, EACCES…), not a database error, which has a code too. */
const isSystemError = (err: unknown): err is Error & { code: string } =>
  err instanceof Error && typeof (err as { syscall?: unknown }).syscall === 'string' && typeof (err as { code?: unknown }).code === 'string';

const isZlibError = (err: unknown) => err instanceof Error && String((err as { code?: unknown }).code).startsWith('Z_');
