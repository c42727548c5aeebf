// Runs the migrations of packages/db/migrations/ (YYYYMMDDHHMMSS-kebab-name.ts, applied in name order).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

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

/** Applies every pending migration, all in one transaction (none apply if one fails); returns their names. */
export async function migrateToLatest<T>(db: Kysely<T>, migrationsDir: string = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const migrator = new Migrator({ db, provider: new MigrationFolderProvider(migrationsDir) });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(failed ? `migration ${failed} failed: ${reason}` : `migrations failed: ${reason}`, { cause: error });
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
