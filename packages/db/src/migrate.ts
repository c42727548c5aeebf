// Runs the migrations of packages/db/migrations/ (YYYYMMDDHHMMSS-kebab-name.ts, applied in name order).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
/** Kysely's bookkeeping tables (not application data). */
export const MIGRATION_TABLES: readonly string[] = ['kysely_migration', 'kysely_migration_lock'];

const MIGRATION_FILE = /^\d{14}-[a-z0-9]+(?:-[a-z0-9]+)*\.ts$/;

/** Like Kysely's FileMigrationProvider, but refuses misnamed files instead of skipping them. */
class MigrationFolderProvider implements MigrationProvider {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.#dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      if (!MIGRATION_FILE.test(file)) {
        throw new Error(`migration file ${file} is not named YYYYMMDDHHMMSS-kebab-name.ts`);
      }
      const module: unknown = await import(pathToFileURL(path.join(this.#dir, file)).href);
      if (!isMigration(module)) throw new Error(`migration ${file} does not export an up() function`);
      migrations[file.slice(0, -'.ts'.length)] = module;
    }
    return migrations;
  }
}

function isMigration(value: unknown): value is Migration {
  return typeof value === 'object' && value !== null && 'up' in value && typeof value.up === 'function';
}

/** The migrations of a folder by file name only (nothing imported), in name order. */
async function migrationNames(migrationsDir: string): Promise<string[]> {
  return (await readdir(migrationsDir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort().map((f) => f.slice(0, -'.ts'.length));
}

/**
 * Applies every pending migration, all in one transaction (none apply if one fails); returns their names.
 * When the database already records exactly the folder's migrations (every restart), that is all it does:
 * one look at the bookkeeping table, no migration module loaded, no migration lock taken.
 */
export async function migrateToLatest<T>(db: Kysely<T>, migrationsDir: string = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const [names, recorded] = await Promise.all([migrationNames(migrationsDir), appliedMigrations(db)]);
  if (names.length === recorded.length && names.every((name, i) => name === recorded[i])) return { applied: [] };
  const migrator = new Migrator({ db, provider: new MigrationFolderProvider(migrationsDir) });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(failed ? `migration ${failed} failed: ${reason}` : `migrations failed: ${reason}`, { cause: error });
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** The migrations of a folder, by name, in name order. */
export async function knownMigrations(migrationsDir: string = MIGRATIONS_DIR): Promise<Record<string, Migration>> {
  return new MigrationFolderProvider(migrationsDir).getMigrations();
}

/** Names of the migrations recorded as applied (none when the bookkeeping table does not exist yet). */
export async function appliedMigrations<T>(db: Kysely<T>): Promise<string[]> {
  const { rows } = await sql<{ present: boolean }>`
    select exists (
      select 1 from information_schema.tables where table_schema = current_schema() and table_name = 'kysely_migration'
    ) as present
  `.execute(db);
  if (!rows[0]?.present) return [];
  return (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name);
}

/** What is applied and what is still to apply (for a readiness check). Reads only. */
export async function migrationStatus<T>(db: Kysely<T>, migrationsDir: string = MIGRATIONS_DIR): Promise<{ applied: string[]; pending: string[] }> {
  const [known, applied] = await Promise.all([migrationNames(migrationsDir), appliedMigrations(db)]);
  const done = new Set(applied);
  return { applied, pending: known.filter((name) => !done.has(name)) };
}

/**
 * Applies the named migrations (in name order) on a transaction that the caller owns, and records them
 * as Kysely's Migrator would, so the Migrator sees them as applied afterwards.
 */
export async function applyMigrationsWithin<T>(trx: Kysely<T>, names: readonly string[], migrationsDir: string = MIGRATIONS_DIR): Promise<void> {
  if (!names.length) return;
  const known = await knownMigrations(migrationsDir);
  await sql`
    create table if not exists kysely_migration (name varchar(255) not null primary key, timestamp varchar(255) not null)
  `.execute(trx);
  for (const name of [...names].sort()) {
    const migration = known[name];
    if (!migration) throw new Error(`unknown migration ${name}`);
    try {
      await migration.up(trx as Kysely<unknown>);
    } catch (err) {
      throw new Error(`migration ${name} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    await sql`insert into kysely_migration (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(trx);
  }
}
