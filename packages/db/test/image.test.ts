// The pre-initialised embedded database (image.ts): a data dir started from the image has exactly the
// schema and rows of one migrated the slow way; a stale image is never used; an existing database is kept.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, migrateToLatest, sql, type Database, type DB, type Kysely } from '../src/index.ts';
import { buildImage, imageKey } from '../src/image.ts';
import { makeTempDataDir } from './databases.ts';

/** Everything a migration can make: columns, constraints, indexes, sequences, functions, triggers, views, rows. */
async function schemaOf(db: Kysely<DB>): Promise<Record<string, unknown>> {
  const rows = async (query: ReturnType<typeof sql>) => (await query.execute(db)).rows;
  const tables = (await rows(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)) as { name: string }[];
  const counts: Record<string, string> = {};
  for (const { name } of tables) counts[name] = String(((await rows(sql`select count(*) as n from ${sql.table(name)}`)) as { n: string }[])[0]!.n);
  return {
    columns: await rows(sql`
      select table_name, column_name, ordinal_position, data_type, udt_name, column_default, is_nullable, character_maximum_length, numeric_precision, is_identity
      from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`),
    constraints: await rows(sql`
      select c.conrelid::regclass::text as tbl, c.conname, pg_get_constraintdef(c.oid) as def
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public' order by 1, 2`),
    indexes: await rows(sql`select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by 1, 2`),
    sequences: await rows(sql`select sequence_name, data_type, start_value, increment from information_schema.sequences where sequence_schema = 'public' order by 1`),
    functions: await rows(sql`select p.proname, pg_get_functiondef(p.oid) as def from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' order by 1, 2`),
    triggers: await rows(sql`select tgrelid::regclass::text as tbl, tgname, pg_get_triggerdef(oid) as def from pg_trigger where not tgisinternal order by 1, 2`),
    views: await rows(sql`select table_name, view_definition from information_schema.views where table_schema = 'public' order by 1`),
    types: await rows(sql`select t.typname, array_agg(e.enumlabel order by e.enumsortorder) as labels from pg_type t join pg_enum e on e.enumtypid = t.oid group by 1 order by 1`),
    extensions: await rows(sql`select extname from pg_extension order by 1`),
    migrations: await rows(sql`select name from kysely_migration order by name`),
    counts,
  };
}

describe('the pre-initialised embedded database', () => {
  const imageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmmm-image-test-'));
  const opened: Database[] = [];
  const temps: { rm(): Promise<void> }[] = [];
  const openAt = async (dataDir: string, dir = imageDir) => {
    const database = await connectDatabase({ dataDir, fromImage: true, imageDir: dir });
    opened.push(database);
    return database;
  };
  const tempDir = async () => {
    const temp = await makeTempDataDir();
    temps.push(temp);
    return temp.dataDir;
  };

  beforeAll(async () => {
    const { path: built } = await buildImage(imageDir);
    expect(path.basename(built)).toBe(`pgdata-${imageKey()}`);
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(opened.map((d) => d.close()));
    await Promise.all(temps.map((t) => t.rm()));
    fs.rmSync(imageDir, { recursive: true, force: true });
  });

  it('starts a new data dir with exactly the schema and rows of one migrated the slow way', async () => {
    const fromImage = await openAt(await tempDir());
    expect(fromImage.fromImage).toBe(true);
    expect(await migrateToLatest(fromImage.db)).toEqual({ applied: [] });

    const slow = await connectDatabase({ dataDir: await tempDir() });
    opened.push(slow);
    expect(slow.fromImage).toBe(false);
    expect((await migrateToLatest(slow.db)).applied.length).toBeGreaterThan(0);

    const [image, migrated] = [await schemaOf(fromImage.db), await schemaOf(slow.db)];
    expect((image.migrations as unknown[]).length).toBe(fs.readdirSync(new URL('../migrations/', import.meta.url)).filter((f) => f.endsWith('.ts')).length);
    expect(image).toEqual(migrated);
  }, 120_000);

  it('does not use an image made for other migrations (or another PGlite): the slow path instead', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'cmmm-image-stale-'));
    try {
      // The current image under another key is what a stale one looks like.
      fs.cpSync(path.join(imageDir, `pgdata-${imageKey()}`), path.join(other, 'pgdata-0000000000000000'), { recursive: true });
      const database = await openAt(await tempDir(), other);
      expect(database.fromImage).toBe(false);
      expect((await migrateToLatest(database.db)).applied.length).toBeGreaterThan(0);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  }, 120_000);

  it('keeps an existing database: the image only ever fills a new data dir', async () => {
    const dataDir = await tempDir();
    const first = await openAt(dataDir);
    await sql`create table kept (x int)`.execute(first.db);
    await first.close();
    const again = await openAt(dataDir);
    expect(again.fromImage).toBe(false);
    expect((await sql<{ present: boolean }>`select to_regclass('kept') is not null as present`.execute(again.db)).rows[0]!.present).toBe(true);
  }, 120_000);
});
