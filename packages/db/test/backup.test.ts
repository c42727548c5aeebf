// Backups and restores on both databases, and across them (embedded → PostgreSQL and back).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, BackupError, restoreDatabase, sql, type Database, type DB, type Kysely } from '../src/index.ts';
import { migrateToLatest } from '../src/migrate.ts';
import { makeTempDataDir, testDatabases, type TestDatabase } from './databases.ts';

const temp = await makeTempDataDir();
afterAll(() => temp.rm());
let files = 0;
const backupFile = () => path.join(temp.dataDir, `backup-${++files}.cmmm.gz`);

/** Rows in every table that the migrations create, with values that lose precision easily. */
async function fill(d: Kysely<DB>): Promise<void> {
  const enterpriseId = randomUUID();
  const accountId = randomUUID();
  const assessmentId = randomUUID();
  await d.insertInto('sub_platform').values({ code: '320500', name: '苏州市', short_name: '苏州' }).execute();
  await d.insertInto('enterprise').values({
    id: enterpriseId, name: '示例制造有限公司', credit_code: '91320500MA1XXXXX0X', organisation_type: 'independent', industry_code: '351',
    region_code: '320505', enterprise_type: 'discrete', contact_name: '张三', contact_mobile: '13800000000', sub_platform_code: '320500',
  }).execute();
  await d.insertInto('account').values({
    id: accountId, username: 'zhang', password_hash: '$argon2id$v=19$x', display_name: '张三', mobile: null, role: 'enterprise_user',
    enterprise_id: enterpriseId, failed_logins: 2, locked_until: '2026-11-21T08:00:00.123456Z',
  }).execute();
  await d.insertInto('session').values({ token_hash: 'abc', account_id: accountId, csrf_token: 'c', expires_at: '2027-01-01T00:00:00Z' }).execute();
  await d.insertInto('assessment').values({
    id: assessmentId, enterprise_id: enterpriseId, kind: 'self_diagnosis', edition_id: 'db12-t1073-2021', enterprise_type: 'discrete',
    tailored: JSON.stringify(['D1']), status: 'completed', survey: 'null', total_score: 0.1 + 0.2, level: 3,
    // numbers a double cannot hold, quotes, backslashes, newlines
    result: '{"exact": 12345678901234567890.123456789, "text": "引号 \\" 和 \\\\ 反斜杠\\n换行", "nested": [null, true, {"a": []}]}',
    report_number: 'CMMM-2026-000001',
  }).execute();
  await d.insertInto('assessment_answer').values([
    { assessment_id: assessmentId, requirement_id: 'R1', grade: 'FI' },
    { assessment_id: assessmentId, requirement_id: 'R2', grade: 'NA' },
  ]).execute();
  await d.insertInto('assessment_level').values({ assessment_id: assessmentId, level: 1, score: 1 / 3, reached: true }).execute();
  await d.insertInto('sms_outbox').values({ id: randomUUID(), mobile: '13800000000', body: '验证码 123456' }).execute();
  for (let i = 0; i < 5; i++) {
    await sql`
      insert into audit_event (at, actor_id, action, subject_type, subject_id, summary, prev_hash, hash)
      values (now(), ${accountId}, 'account.created', 'account', ${accountId}, ${JSON.stringify({ i })}, ${`p${i}`}, ${`h${i}`})
    `.execute(d);
  }
  await sql`delete from audit_event where hash = 'h4'`.execute(d); // ids 1..4 remain; the sequence is at 5
  await d.insertInto('rate_limit_counter').values({ key: `login:${accountId}`, window_start: '2026-11-21T08:00:00.000001Z', hits: 3, expires_at: '2026-11-21T08:15:00Z' }).execute();
  await d.insertInto('known_device').values({ token_hash: 'dev', account_id: accountId }).execute();
}

/** Every application table's rows, as exact text (UTC), in a stable order. */
async function snapshot(db: Kysely<DB>): Promise<Record<string, string[]>> {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    const tables = (await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely%' order by 1
    `.execute(trx)).rows.map((r) => r.name);
    const result: Record<string, string[]> = {};
    for (const table of tables) {
      result[table] = (await sql<{ r: string }>`select ${sql.table(table)}::text as r from ${sql.table(table)} order by 1`.execute(trx)).rows.map((r) => r.r);
    }
    return result;
  });
}

async function withDatabases(a: () => Promise<Database>, b: () => Promise<Database>, body: (source: Database, target: Database) => Promise<void>) {
  const source = await a();
  try {
    const target = await b();
    try {
      await body(source, target);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as BackupError);

async function roundTrip(source: Database, target: Database) {
  await fill(source.db);
  const before = await snapshot(source.db);
  expect(before.audit_event).toHaveLength(4);
  const file = backupFile();
  const backup = await backupDatabase(source.db, file);
  expect(backup.tables.map((t) => t.table).indexOf('enterprise')).toBeLessThan(backup.tables.map((t) => t.table).indexOf('account'));
  expect(backup.tables.find((t) => t.table === 'audit_event')?.rows).toBe(4);

  const restored = await restoreDatabase(target.db, file);
  expect(restored.migrations).toEqual(backup.migrations);
  expect(restored.tables).toEqual(backup.tables);
  expect(await snapshot(target.db)).toEqual(before);
  // The identity sequence continues after the restored ids, and the restored database migrates cleanly.
  expect(await migrateToLatest(target.db)).toEqual({ applied: [] });
  const { rows } = await sql<{ id: string }>`
    insert into audit_event (at, action, subject_type, subject_id, prev_hash, hash) values (now(), 'x', 'x', 'x', 'x', 'x') returning id
  `.execute(target.db);
  expect(rows[0]!.id).toBe('5');
}

describe.each(testDatabases)('$name', ({ open, openMigrated }) => {
  // Each migrates a new database the slow way (no image): minutes on a loaded 2-core machine.
  it('restores a backup exactly into an empty database, migrating it first', async () => {
    await withDatabases(openMigrated, open, roundTrip);
  }, 180_000);

  it('replaces the rows of a database that has data', async () => {
    await withDatabases(openMigrated, openMigrated, async (source, target) => {
      await fill(target.db);
      await roundTrip(source, target);
    });
  }, 180_000);

  it('refuses a file that is not a backup, a newer one and a cut one, and changes nothing', async () => {
    const database = await openMigrated();
    try {
      const { db } = database;
      await fill(db);
      const before = await snapshot(db);
      const good = backupFile();
      await backupDatabase(database.db, good);
      const lines = gunzipSync(fs.readFileSync(good)).toString('utf8').split('\n');
      const write = (content: string | Buffer) => {
        const file = backupFile();
        fs.writeFileSync(file, content);
        return file;
      };
      const header = JSON.parse(lines[0]!);

      expect((await refusal(restoreDatabase(database.db, write('not gzip'))))?.code).toBe('BACKUP_NOT_CMMM');
      expect((await refusal(restoreDatabase(database.db, write(gzipSync('{"hello":1}\n')))))?.code).toBe('BACKUP_NOT_CMMM');
      expect((await refusal(restoreDatabase(database.db, path.join(temp.dataDir, 'missing.gz'))))?.code).toBe('BACKUP_UNREADABLE');
      const newer = { ...header, migrations: [...header.migrations, '20991231000000-from-the-future'] };
      const refusedNewer = await refusal(restoreDatabase(database.db, write(gzipSync([JSON.stringify(newer), ...lines.slice(1)].join('\n')))));
      expect(refusedNewer).toBeInstanceOf(BackupError);
      expect([refusedNewer?.code, refusedNewer?.message]).toEqual(['BACKUP_NEWER_SCHEMA', expect.stringContaining('20991231000000-from-the-future')]);
      expect((await refusal(restoreDatabase(database.db, write(gzipSync(JSON.stringify({ ...header, version: 2 }) + '\n')))))?.code).toBe('BACKUP_NEWER_SCHEMA');

      // Cut before the end line (the tables were already emptied and partly refilled inside the transaction).
      const cut = lines.filter((l) => l && !l.startsWith('{"end"')).join('\n') + '\n';
      expect((await refusal(restoreDatabase(database.db, write(gzipSync(cut)))))?.code).toBe('BACKUP_INCOMPLETE');
      const gz = fs.readFileSync(good);
      expect((await refusal(restoreDatabase(database.db, write(gz.subarray(0, gz.length - 20)))))?.code).toBe('BACKUP_INCOMPLETE');
      const tampered = lines.map((l) => (l.startsWith('{"table":"session"') ? l.replace('"csrf_token"', '"csrf"') : l)).join('\n');
      expect((await refusal(restoreDatabase(database.db, write(gzipSync(tampered)))))?.code).toBe('BACKUP_SCHEMA_MISMATCH');
      expect(await snapshot(db)).toEqual(before);
    } finally {
      await database.close();
    }
  });
});

const [embedded, postgres] = testDatabases as [TestDatabase, TestDatabase | undefined];
describe.runIf(postgres)('across databases', () => {
  it('restores a backup of the embedded database into PostgreSQL', async () => {
    await withDatabases(embedded.openMigrated, postgres!.open, roundTrip);
  });

  it('restores a backup of PostgreSQL into the embedded database', async () => {
    await withDatabases(postgres!.openMigrated, embedded.open, roundTrip);
  });
});
