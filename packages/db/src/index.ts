// @cmmm/db: Kysely over embedded PGlite (default) or PostgreSQL (DATABASE_URL), and its migrations.
export { connectDatabase, DatabaseLockedError } from './connect.ts';
export type { ConnectOptions, Database } from './connect.ts';
export { migrateToLatest, MIGRATIONS_DIR } from './migrate.ts';
export { isUniqueViolation, sqlState } from './errors.ts';
export { PGliteDialect } from './pglite-dialect.ts';
export type { PGliteDialectConfig } from './pglite-dialect.ts';
export type * from './schema.ts';
export { sql } from 'kysely';
export type { Kysely, Transaction, Selectable, Insertable, Updateable } from 'kysely';
