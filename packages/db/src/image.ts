// The pre-initialised embedded database (issue 12 §5): a PGlite data dir with every migration applied, made
// once at `npm install` (root `prepare` → scripts/build-image.ts) and copied into a new data dir at its first
// start instead of running initdb and the migrations there (≈ 4 s and ≈ 500 MB of extra memory saved).
// The image is keyed by the PGlite version and the names and bytes of every migration file: after any change
// its key no longer matches, the image is not used (never a stale schema) and the first start takes the
// slow path (initdb, then migrate) until `npm install` or `npm run build:image -w @cmmm/db` makes a new one.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { MIGRATIONS_DIR, migrateToLatest } from './migrate.ts';
import { PGliteDialect } from './pglite-dialect.ts';

/** Where images live (ignored by git; one `pgdata-<key>` directory, the current one). */
export const IMAGE_DIR = fileURLToPath(new URL('../image/', import.meta.url));

function pgliteVersion(): string {
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  let dir = path.dirname(entry);
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The image's key: PGlite's version (its on-disk format) and every migration file's name and bytes. */
export function imageKey(migrationsDir: string = MIGRATIONS_DIR): string {
  const hash = createHash('sha256').update(`pglite ${pgliteVersion()}\n`);
  for (const file of fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.ts')).sort()) {
    hash.update(`${file}\n`).update(fs.readFileSync(path.join(migrationsDir, file))).update('\n');
  }
  return hash.digest('hex').slice(0, 16);
}

const imagePath = (imageDir: string, key: string) => path.join(imageDir, `pgdata-${key}`);

/**
 * Makes the image of the current migrations in imageDir (unless it is there already) and removes older
 * ones. Built beside its final place and renamed, so a half-made image is never used.
 */
export async function buildImage(imageDir: string = IMAGE_DIR, migrationsDir: string = MIGRATIONS_DIR): Promise<{ path: string; built: boolean }> {
  const key = imageKey(migrationsDir);
  const target = imagePath(imageDir, key);
  fs.mkdirSync(imageDir, { recursive: true });
  for (const old of fs.readdirSync(imageDir)) {
    if (old !== path.basename(target)) fs.rmSync(path.join(imageDir, old), { recursive: true, force: true });
  }
  if (fs.existsSync(target)) return { path: target, built: false };
  const building = `${target}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  const pglite = await PGlite.create({ dataDir: building });
  const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
  try {
    await migrateToLatest(db, migrationsDir);
  } finally {
    await db.destroy();
    if (!pglite.closed) await pglite.close();
  }
  fs.renameSync(building, target);
  return { path: target, built: true };
}

/**
 * Fills the data dir's pgdata from the current image, if there is one; false when there is none (or only
 * a stale one). Copied beside pgdata and renamed, so an interrupted copy leaves no pgdata (the next start
 * copies again). Not fsynced, like every write PGlite makes to its data dir: a killed process loses
 * nothing, a power cut may.
 */
export function copyImageInto(pgdata: string, imageDir: string = IMAGE_DIR, migrationsDir: string = MIGRATIONS_DIR): boolean {
  const source = imagePath(imageDir, imageKey(migrationsDir));
  if (!fs.existsSync(path.join(source, 'PG_VERSION'))) return false;
  const copying = `${pgdata}.copying`;
  fs.rmSync(copying, { recursive: true, force: true });
  // A copy-on-write clone where the file system can (btrfs, XFS), else a plain copy (≈ 40 MB).
  fs.cpSync(source, copying, { recursive: true, mode: fs.constants.COPYFILE_FICLONE });
  fs.renameSync(copying, pgdata);
  return true;
}
