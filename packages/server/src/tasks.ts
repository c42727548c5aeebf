// Administrative tasks over the platform's database, for the `cmmm` CLI: the server's public face
// for `cmmm db migrate` and `cmmm demo seed|clear` (same configuration as `npm start`).
import { connectDatabase, migrateToLatest, type Database } from '@cmmm/db';
import { readEnv } from './env.ts';
import { clearDemoData, seedDemoData } from './services/demo-data.ts';
import { serviceContext } from './context.ts';

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

const quiet = { info: () => {}, warn: () => {} };
const contextFor = (database: Database) => serviceContext(database, quiet);

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
