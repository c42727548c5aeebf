// @cmmm/db: Kysely over embedded PGlite (default) or PostgreSQL (DATABASE_URL), and its migrations.
export { connectDatabase, DatabaseLockedError } from './connect.ts';
export type { ConnectOptions, Database } from './connect.ts';
export { buildImage, imageKey, IMAGE_DIR } from './image.ts';
export { migrateToLatest, migrationStatus, MIGRATIONS_DIR } from './migrate.ts';
export { isDatabaseUnavailable, isUniqueViolation, sqlState } from './errors.ts';
export { escapeLike, likePrefix } from './like.ts';
export { backupDatabase, restoreDatabase, BackupError } from './backup.ts';
export type { BackupErrorCode, BackupSummary, RestoreSummary, TableCount } from './backup.ts';
export { PGliteDialect } from './pglite-dialect.ts';
export type { PGliteDialectConfig } from './pglite-dialect.ts';
export type * from './schema.ts';
export { sql } from 'kysely';
export type { Kysely, Transaction, Selectable, Insertable, Updateable } from 'kysely';
