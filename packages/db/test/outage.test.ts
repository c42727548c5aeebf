// Database outages: errors that mean "the database cannot be reached now" are recognised, and a
// PostgreSQL server dropping every connection (a restart) neither crashes the process nor leaves the
// pool broken.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { connectDatabase, isDatabaseUnavailable, sql } from '../src/index.ts';
import { testDatabases } from './databases.ts';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises refused, reset and terminated connections, timeouts and SQLSTATE 08 and 57P01–57P03', () => {
    for (const err of [
      Object.assign(coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), { syscall: 'connect' }),
      coded('ECONNRESET', 'read ECONNRESET'),
      coded('ETIMEDOUT'),
      Object.assign(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]), { code: 'ECONNREFUSED' }),
      new AggregateError([coded('ECONNREFUSED')]),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Client has encountered a connection error and is not queryable'),
      coded('08006', 'connection failure'),
      coded('08001'),
      coded('57P01', 'terminating connection due to administrator command'),
      coded('57P02'),
      coded('57P03', 'the database system is starting up'),
      new Error('migration failed', { cause: coded('57P01') }),
    ]) {
      expect([err.message, isDatabaseUnavailable(err)]).toEqual([err.message, true]);
    }
  });

  it('leaves other errors alone', () => {
    for (const err of [
      coded('23505', 'duplicate key value violates unique constraint'),
      coded('42P01', 'relation "x" does not exist'),
      coded('57014', 'canceling statement due to statement timeout'),
      coded('40001'),
      coded('ENOENT'),
      new Error('boom'),
      new AggregateError([new Error('boom')]),
      null,
      undefined,
      'ECONNREFUSED',
      { code: 5 },
    ]) {
      expect(isDatabaseUnavailable(err)).toBe(false);
    }
  });

  it('recognises a PostgreSQL server that is not there, quickly', async () => {
    const database = await connectDatabase({ dataDir: '/nonexistent', databaseUrl: 'postgres://postgres@127.0.0.1:1/none', onError: () => {} });
    try {
      const started = Date.now();
      const err: unknown = await sql`select 1`.execute(database.db).then(() => undefined, (e: unknown) => e);
      expect(isDatabaseUnavailable(err)).toBe(true);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await database.close();
    }
  });
});

const postgres = testDatabases.find((d) => d.name === 'postgres');

describe.runIf(postgres)('postgres: every connection terminated', () => {
  it('does not crash; the next query succeeds or fails as unavailable; then queries work again', async () => {
    const reported: Error[] = [];
    const database = await postgres!.open({ onError: (err) => reported.push(err) });
    const { db } = database;
    try {
      // Fill the pool with idle connections.
      await Promise.all(Array.from({ length: 5 }, () => sql`select pg_sleep(0.05)`.execute(db)));
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${rows[0]!.name}`;

      const terminate = async () => {
        const client = new pg.Client({ connectionString: url.href });
        await client.connect();
        try {
          await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
        } finally {
          await client.end();
        }
        await new Promise((resolve) => setTimeout(resolve, 200)); // let the sockets report
      };

      // A transaction holding a connection between two statements when it dies.
      const inTransaction = db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await terminate();
        await sql`select 1`.execute(trx);
      });
      const failed: unknown = await inTransaction.then(() => undefined, (e: unknown) => e);
      expect(isDatabaseUnavailable(failed)).toBe(true);
      expect(reported.length).toBeGreaterThan(0); // the idle connections, reported and dropped
      expect(reported.every((err) => isDatabaseUnavailable(err))).toBe(true);

      await terminate();
      const next = await sql<{ one: number }>`select 1 as one`.execute(db).then((r) => r.rows, (e: unknown) => e);
      if (!Array.isArray(next)) expect(isDatabaseUnavailable(next)).toBe(true);

      for (let i = 0; i < 5; i++) {
        expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
      }
      expect(await Promise.all(Array.from({ length: 10 }, () => sql<{ n: number }>`select 2 as n`.execute(db).then((r) => r.rows[0]!.n)))).toEqual(Array(10).fill(2));
    } finally {
      await database.close();
    }
  });
});
