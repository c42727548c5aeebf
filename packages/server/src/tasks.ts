// Administrative tasks over the platform's database, for the `cmmm` CLI: the server's public face
// for `cmmm db migrate` and `cmmm demo seed|clear` (same configuration as `npm start`).
import { connectDatabase, migrateToLatest, type Database } from '@cmmm/db';
import type { ServiceContext } from './context.ts';
import { readEnv } from './env.ts';
import { clearDemoData, seedDemoData } from './services/demo-data.ts';
import { outboxSmsSender } from './sms.ts';

export { EnvError } from './env.ts';
export { DatabaseLockedError } from '@cmmm/db';

/** Opens the configured database (migrated), runs the task, closes it. */
async function withDatabase<T>(task: (database: Database) => Promise<T>): Promise<T> {
  const env = readEnv();
  const database = await connectDatabase({ dataDir: env.dataDir, databaseUrl: env.databaseUrl });
  try {
    return await task(database);
  } finally {
    await database.close();
  }
}

function contextFor(database: Database): ServiceContext {
  const log = { info: () => {}, warn: () => {} };
  return { db: database.db, concurrentDb: database.kind === 'postgres', now: () => new Date(), sms: outboxSmsSender(log), log };
}

export const migratePlatform = () => withDatabase((d) => migrateToLatest(d.db));

export const seedDemo = (enterprises: number) =>
  withDatabase(async (d) => {
    await migrateToLatest(d.db);
    return seedDemoData(contextFor(d), { enterprises });
  });

export const clearDemo = () =>
  withDatabase(async (d) => {
    await migrateToLatest(d.db);
    return clearDemoData(contextFor(d));
  });
