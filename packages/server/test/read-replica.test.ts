// DATABASE_READ_URL (issue 11 §1): dashboards read a PostgreSQL streaming replica while writes go to the
// primary. CI (.ci/run) starts a real standby of its private server with pg_basebackup. The test pauses
// the standby's replay to show that the dashboard reads there (the primary already counts the new
// diagnoses, the dashboard does not), then resumes it and sees them arrive through the replica.
import { connectDatabase, type Database } from '@cmmm/db';
import type { Dashboard } from '@cmmm/contract';
import { assess, DEFAULT_EDITION_ID, editionIndex, requireEdition, type Grade } from '@cmmm/model';
import { sql } from 'kysely';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { maintenance } from '../../db/test/databases.ts';
import { adminClient, insertEnterpriseRow, startPlatform, storeCompletedDiagnosis, testDatabases, type TestPlatform } from './harness.ts';

const primaryUrl = process.env.TEST_DATABASE_URL;
const replicaUrl = process.env.TEST_DATABASE_READ_URL;
const REPLICATION_WAIT_MS = 90_000;

/** Polls `probe` until it returns a value (not undefined) or the deadline passes; no fixed sleeps beyond the poll step. */
async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + REPLICATION_WAIT_MS;
  for (;;) {
    const got = await probe().catch(() => undefined);
    if (got !== undefined) return got;
    if (Date.now() > deadline) throw new Error(`the replica did not show ${what} within ${REPLICATION_WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function levelTwoResult() {
  const edition = requireEdition(DEFAULT_EDITION_ID);
  const answers: Record<string, Grade> = {};
  for (const { requirement, level } of editionIndex(edition).requirements) answers[requirement.id] = level <= 2 ? 'FI' : 'NI';
  const scored = assess({ enterpriseType: 'discrete', tailored: [], answers });
  if (!scored.ok) throw new Error(scored.issues[0]!.message);
  return scored.value;
}

describe('a CI run has a replica', () => {
  // Elsewhere the suite needs no PostgreSQL; CI provides both servers, so a missing one is a broken CI.
  it.runIf(process.env.CI === 'true')('TEST_DATABASE_URL and TEST_DATABASE_READ_URL are set', () => {
    expect(primaryUrl, 'TEST_DATABASE_URL').toBeTruthy();
    expect(replicaUrl, 'TEST_DATABASE_READ_URL').toBeTruthy();
  });
});

describe.runIf(primaryUrl && replicaUrl)('dashboards through a streaming replica (DATABASE_READ_URL)', () => {
  it('reads what the replica has replayed, and the completed diagnoses once it has', async () => {
    const primary = await testDatabases.find((d) => d.name === 'postgres')!.openMigrated();
    let replica: Database | undefined;
    let platform: TestPlatform | undefined;
    let paused = false;
    try {
      const { name, migrations } = (await sql<{ name: string; migrations: string }>`select current_database() as name, (select count(*) from kysely_migration)::text as migrations`.execute(primary.db)).rows[0]!;
      const url = new URL(replicaUrl!);
      url.pathname = `/${name}`;
      // The new database and its migrations arrive on the standby by replication.
      replica = await until('the test database', async () => {
        const db = await connectDatabase({ dataDir: tmpdir(), databaseUrl: url.href, onError: () => {} });
        const row = await sql<{ standby: boolean; migrations: string }>`select pg_is_in_recovery() as standby, (select count(*) from kysely_migration)::text as migrations`.execute(db.db).then(
          (r) => r.rows[0],
          () => undefined,
        );
        if (row?.migrations === migrations) {
          expect(row.standby).toBe(true);
          return db;
        }
        await db.close();
        return undefined;
      });

      platform = await startPlatform(primary, {}, { reportingDatabase: replica });
      const p = platform;
      const admin = await adminClient(p);
      const dashboard = async () => (await admin.get<Dashboard>('/api/dashboard')).body;
      expect((await dashboard()).enterprises).toEqual({ value: null, suppressed: true });

      await maintenance(replicaUrl!, 'select pg_wal_replay_pause()');
      paused = true;
      const result = levelTwoResult();
      for (let i = 0; i < 5; i++) {
        const enterprise = await insertEnterpriseRow(p.ctx, { name: `读副本测试企业${i}`, regionCode: '320583', industryCode: '351' });
        await storeCompletedDiagnosis(p.ctx, enterprise, result, new Date('2026-11-20T08:00:00Z'));
      }
      // The primary counts them; the dashboard, read on the paused replica, does not yet.
      const onPrimary = await p.ctx.repos.diagnosisResults.sumAggregates('', 'level');
      expect(onPrimary.reduce((n, row) => n + Number(row.valid), 0)).toBe(5);
      expect((await dashboard()).enterprises).toEqual({ value: null, suppressed: true });

      await maintenance(replicaUrl!, 'select pg_wal_replay_resume()');
      paused = false;
      const seen = await until('the five diagnoses', async () => {
        const d = await dashboard();
        return d.enterprises.value === 5 ? d : undefined;
      });
      expect(seen.bands.find((b) => b.band === 'level2')?.enterprises).toEqual({ value: 5, suppressed: false });
    } finally {
      if (paused) await maintenance(replicaUrl!, 'select pg_wal_replay_resume()');
      await platform?.close();
      await replica?.close();
      await primary.close();
    }
  }, 4 * REPLICATION_WAIT_MS);
});
