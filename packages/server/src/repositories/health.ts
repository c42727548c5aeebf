// Whether the database answers, and whether it is migrated (readiness).
import { migrationStatus } from '@cmmm/db';
import { sql } from 'kysely';
import type { Db } from './db-types.ts';

export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

export const readMigrationStatus = (db: Db) => migrationStatus(db);
