import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, DatabaseLockedError, isUniqueViolation, migrateToLatest, migrationStatus, MIGRATIONS_DIR, sql, type Database } from '../src/index.ts';
import type { NewEnterprise } from '../src/index.ts';
import { makeTempDataDir, testDatabases } from './databases.ts';

const INITIAL = '20261121233000-initial-schema';
const AT = new Date('2026-03-04T05:06:07.890Z');

function enterprise(overrides: Partial<NewEnterprise> = {}): NewEnterprise {
  return {
    id: randomUUID(),
    name: '示例制造有限公司',
    credit_code: `91110000${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`,
    organisation_type: 'independent',
    industry_code: '351',
    region_code: '110105',
    enterprise_type: 'discrete',
    contact_name: '张三',
    contact_mobile: '13800000000',
    ...overrides,
  };
}

describe.each(testDatabases)('$name', ({ name, open, openMigrated }) => {
  it('applies the migrations to an empty database, then has nothing left to apply', async () => {
    const database = await open();
    try {
      expect(database.kind).toBe(name);
      const { applied } = await migrateToLatest(database.db);
      expect(applied[0]).toBe(INITIAL);
      expect(applied).toEqual([...applied].sort()); // in name order
      expect(applied.length).toBe(fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.ts')).length);
      expect(await migrateToLatest(database.db)).toEqual({ applied: [] });
      const tables = await database.db.introspection.getTables();
      expect(tables.map((t) => t.name).sort()).toEqual(
        [
          'account', 'assessment', 'assessment_answer', 'assessment_body', 'assessment_level', 'assessment_plan', 'assessor',
          'audit_event', 'certificate', 'enterprise', 'formal_assessment', 'known_device', 'pre_assessment', 'qualification',
          'rate_limit_counter', 'session', 'sms_code', 'sms_outbox', 'sub_platform', 'team_member', 'training_course',
          'training_participant',
          // 信息查询, 正式评估, 合规性审查 and 证书
          'published_certification', 'first_meeting', 'evidence', 'blob', 'evidence_file', 'rating', 'rating_submission',
          'consensus_rating', 'domain_summary', 'finding_response', 'last_meeting', 'formal_review', 'public_notice', 'objection',
          'certificate_reminder',
          // the read side of self-diagnoses (results and aggregates)
          'diagnosis_result', 'diagnosis_node_scores', 'diagnosis_aggregate', 'diagnosis_weak_aggregate', 'diagnosis_survey_aggregate',
          // the bulk demo seed's engine-scored templates
          'demo_diagnosis_template',
          // 推进活动
          'campaign',
          // 指数报告 generation jobs
          'index_report',
        ].sort(),
      );
      // A calendar date reads back as the same 'YYYY-MM-DD' on both drivers, whatever the time zone.
      const body = { id: '00000000-0000-4000-8000-000000000001', name: '机构', credit_code: '91110000MA00000000', region_code: '110101', contact_name: '张', contact_mobile: '13800000000' };
      await database.db.insertInto('assessment_body').values(body).execute();
      await database.db.insertInto('assessor').values({ id: '00000000-0000-4000-8000-000000000002', name: '李', mobile: '13800000001', body_id: body.id }).execute();
      await database.db
        .insertInto('training_course')
        .values({ id: '00000000-0000-4000-8000-000000000003', course_type: 'intro', title: '培训', place: '北京', starts_on: '2024-02-29', ends_on: '2024-03-01' })
        .execute();
      const course = await database.db.selectFrom('training_course').select(['starts_on', 'ends_on']).executeTakeFirstOrThrow();
      expect(course).toEqual({ starts_on: '2024-02-29', ends_on: '2024-03-01' });
    } finally {
      await database.close();
    }
  });

  it('reports applied and pending migrations, reading only', async () => {
    const database = await open();
    try {
      const all = fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
      expect(await migrationStatus(database.db)).toEqual({ applied: [], pending: all });
      expect(await database.db.introspection.getTables({ withInternalKyselyTables: true })).toEqual([]);
      await migrateToLatest(database.db);
      expect(await migrationStatus(database.db)).toEqual({ applied: all, pending: [] });
    } finally {
      await database.close();
    }
  });

  it('names the migration that failed, applies none of the run, and refuses misnamed files', async () => {
    const temp = await makeTempDataDir();
    const database = await open();
    try {
      const dir = path.join(temp.dataDir, 'migrations');
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, '20990101000000-good.ts'), 'export async function up() {}\n');
      fs.writeFileSync(path.join(dir, '20990102000000-broken.ts'), "export async function up() { throw new Error('nope'); }\n");
      await expect(migrateToLatest(database.db, dir)).rejects.toThrow('migration 20990102000000-broken failed: nope');
      const recorded = await sql<{ name: string }>`select name from kysely_migration`.execute(database.db);
      expect(recorded.rows).toEqual([]);

      fs.writeFileSync(path.join(dir, '2099-bad_name.ts'), 'export async function up() {}\n');
      await expect(migrateToLatest(database.db, dir)).rejects.toThrow('2099-bad_name.ts is not named YYYYMMDDHHMMSS-kebab-name.ts');
    } finally {
      await database.close();
      await temp.rm();
    }
  });

  describe('on a migrated database', () => {
    let database: Database;
    beforeAll(async () => {
      database = await openMigrated();
    });
    afterAll(async () => {
      await database?.close();
    });

    it('writes and reads back a row of every table, with Date timestamps and jsonb', async () => {
      const { db } = database;
      await db.insertInto('sub_platform').values({ code: '110000', name: '北京市', short_name: '北京' }).execute();
      const subPlatform = await db.selectFrom('sub_platform').selectAll().where('code', '=', '110000').executeTakeFirstOrThrow();
      expect(subPlatform).toMatchObject({ name: '北京市', theme_color: '#1d4ed8', logo_svg: null });
      expect(subPlatform.created_at).toBeInstanceOf(Date);

      const e = enterprise({ sub_platform_code: '110000', created_at: AT });
      await db.insertInto('enterprise').values(e).execute();
      expect(await db.selectFrom('enterprise').selectAll().where('id', '=', e.id).executeTakeFirstOrThrow()).toEqual({
        ...e, parent_name: null, is_demo: false, created_at: AT,
        // generated from region_code (indexed: lists filter on them by equality)
        province: e.region_code.slice(0, 2), city: e.region_code.slice(0, 4), county: e.region_code,
      });

      const accountId = randomUUID();
      await db.insertInto('account').values({
        id: accountId, username: 'zhangsan', password_hash: '$argon2id$x', display_name: '张三',
        role: 'enterprise_user', enterprise_id: e.id, locked_until: AT.toISOString(),
      }).execute();
      const account = await db.selectFrom('account').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
      expect(account).toMatchObject({ failed_logins: 0, must_change_password: false, mobile: null, locked_until: AT });

      await db.insertInto('session').values({ token_hash: 'h1', account_id: accountId, csrf_token: 'c1', expires_at: AT }).execute();
      expect(await db.selectFrom('session').select(['account_id', 'expires_at']).executeTakeFirstOrThrow())
        .toEqual({ account_id: accountId, expires_at: AT });

      const smsId = randomUUID();
      await db.insertInto('sms_code').values({ id: smsId, mobile: '13800000000', purpose: 'password_reset', code_hash: 'x', expires_at: AT }).execute();
      expect(await db.selectFrom('sms_code').select(['attempts', 'used_at', 'expires_at']).where('id', '=', smsId).executeTakeFirstOrThrow())
        .toEqual({ attempts: 0, used_at: null, expires_at: AT });

      await db.insertInto('sms_outbox').values({ id: randomUUID(), mobile: '13800000000', body: '验证码 123456' }).execute();
      expect(await db.selectFrom('sms_outbox').select('body').executeTakeFirstOrThrow()).toEqual({ body: '验证码 123456' });

      const assessmentId = randomUUID();
      const survey = { 员工人数: 120, lines: ['A', 'B'], nested: { ok: true, none: null } };
      await db.insertInto('assessment').values({
        id: assessmentId, enterprise_id: e.id, kind: 'self_diagnosis', edition_id: 'db12-t1073-2021',
        enterprise_type: 'discrete', status: 'draft', survey: JSON.stringify(survey),
      }).execute();
      const fresh = await db.selectFrom('assessment').selectAll().where('id', '=', assessmentId).executeTakeFirstOrThrow();
      expect(fresh).toMatchObject({ tailored: [], current_level: 1, survey, level: null, result: null, total_score: null, completed_at: null });

      const updated = await db.updateTable('assessment')
        .set({ tailored: JSON.stringify(['D1', 'D2']), level: 2, total_score: 2.75, status: 'completed', completed_at: AT, result: JSON.stringify([1, 'x']) })
        .where('id', '=', assessmentId).executeTakeFirstOrThrow();
      expect(updated.numUpdatedRows).toBe(1n);
      expect(await db.selectFrom('assessment').select(['tailored', 'level', 'total_score', 'result', 'completed_at']).where('id', '=', assessmentId).executeTakeFirstOrThrow())
        .toEqual({ tailored: ['D1', 'D2'], level: 2, total_score: 2.75, result: [1, 'x'], completed_at: AT });

      await db.insertInto('assessment_answer').values([
        { assessment_id: assessmentId, requirement_id: 'R1', grade: 'FI' },
        { assessment_id: assessmentId, requirement_id: 'R2', grade: 'NA', updated_at: AT },
      ]).execute();
      expect(await db.selectFrom('assessment_answer').select(['requirement_id', 'grade', 'updated_at']).orderBy('requirement_id').execute())
        .toEqual([
          { requirement_id: 'R1', grade: 'FI', updated_at: expect.any(Date) },
          { requirement_id: 'R2', grade: 'NA', updated_at: AT },
        ]);

      await db.insertInto('assessment_level').values({ assessment_id: assessmentId, level: 1, score: 0.8125, reached: true }).execute();
      expect(await db.selectFrom('assessment_level').select(['level', 'score', 'reached']).executeTakeFirstOrThrow())
        .toEqual({ level: 1, score: 0.8125, reached: true });

      // Both drivers give int8 (count) as a string, and the same affected-row counts.
      expect(await db.selectFrom('assessment_answer').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).toEqual({ n: '2' });
      const deleted = await db.deleteFrom('assessment_answer').where('assessment_id', '=', assessmentId).executeTakeFirstOrThrow();
      expect(deleted.numDeletedRows).toBe(2n);
    });

    it('writes nothing from a transaction that throws', async () => {
      const { db } = database;
      const e = enterprise();
      await expect(db.transaction().execute(async (trx) => {
        await trx.insertInto('enterprise').values(e).execute();
        expect(await trx.selectFrom('enterprise').select('id').where('id', '=', e.id).execute()).toHaveLength(1);
        throw new Error('boom');
      })).rejects.toThrow('boom');
      expect(await db.selectFrom('enterprise').select('id').where('id', '=', e.id).execute()).toEqual([]);
    });

    it('keeps concurrent transactions apart', async () => {
      const { db } = database;
      const kept = enterprise();
      const dropped = enterprise();
      const results = await Promise.allSettled([
        db.transaction().execute(async (trx) => {
          await trx.insertInto('enterprise').values(dropped).execute();
          await new Promise((resolve) => setTimeout(resolve, 20));
          throw new Error('boom');
        }),
        db.transaction().execute(async (trx) => {
          await trx.insertInto('enterprise').values(kept).execute();
        }),
        ...Array.from({ length: 10 }, () => sql`select 1 as one`.execute(db)),
      ]);
      expect(results.map((r) => r.status)).toEqual(['rejected', ...Array(11).fill('fulfilled')]);
      const ids = (await db.selectFrom('enterprise').select('id').where('id', 'in', [kept.id, dropped.id]).execute()).map((r) => r.id);
      expect(ids).toEqual([kept.id]);
    });

    it('reports a duplicate credit code as a unique violation', async () => {
      const { db } = database;
      const first = enterprise();
      await db.insertInto('enterprise').values(first).execute();
      const err: unknown = await db.insertInto('enterprise').values(enterprise({ credit_code: first.credit_code })).execute()
        .then(() => undefined, (e: unknown) => e);
      expect(isUniqueViolation(err)).toBe(true);
      expect(isUniqueViolation(err, 'enterprise_credit_code_key')).toBe(true);
      expect(isUniqueViolation(err, 'account_username_key')).toBe(false);
      const other: unknown = await db.insertInto('enterprise').values(enterprise({ organisation_type: 'shop' as 'plant' })).execute()
        .then(() => undefined, (e: unknown) => e);
      expect(other).toBeInstanceOf(Error);
      expect(isUniqueViolation(other)).toBe(false);
      expect(isUniqueViolation(new Error('23505'))).toBe(false);
    });
  });
});

describe('embedded data dir', () => {
  it('keeps data across close and reopen', async () => {
    const temp = await makeTempDataDir();
    try {
      const dataDir = path.join(temp.dataDir, 'nested', 'data');
      const first = await connectDatabase({ dataDir });
      await migrateToLatest(first.db);
      const e = enterprise();
      await first.db.insertInto('enterprise').values(e).execute();
      await first.close();
      expect(fs.existsSync(path.join(dataDir, 'cmmm.lock'))).toBe(false);

      const second = await connectDatabase({ dataDir });
      try {
        expect(await migrateToLatest(second.db)).toEqual({ applied: [] });
        expect(await second.db.selectFrom('enterprise').select('name').where('id', '=', e.id).execute()).toEqual([{ name: e.name }]);
      } finally {
        await second.close();
      }
    } finally {
      await temp.rm();
    }
  });

  it('refuses a data dir in use, and opens it once the holder closes', async () => {
    const temp = await makeTempDataDir();
    try {
      const first = await connectDatabase({ dataDir: temp.dataDir });
      expect(fs.readFileSync(path.join(temp.dataDir, 'cmmm.lock'), 'utf8').trim()).toBe(String(process.pid));
      const refused: unknown = await connectDatabase({ dataDir: temp.dataDir }).then(() => undefined, (e: unknown) => e);
      expect(refused).toBeInstanceOf(DatabaseLockedError);
      expect((refused as DatabaseLockedError).message).toContain(`pid ${process.pid}`);
      expect((refused as DatabaseLockedError).message).toContain('已被另一个服务器进程');
      expect((refused as DatabaseLockedError).message).toContain(temp.dataDir);
      // The refused attempt must not have touched the holder's lock.
      expect(fs.existsSync(path.join(temp.dataDir, 'cmmm.lock'))).toBe(true);
      await first.close();
      await first.close();

      const second = await connectDatabase({ dataDir: temp.dataDir });
      expect((await sql<{ one: number }>`select 1 as one`.execute(second.db)).rows).toEqual([{ one: 1 }]);
      await second.close();
    } finally {
      await temp.rm();
    }
  });

  it('takes over a stale lock left by a dead process', async () => {
    const temp = await makeTempDataDir();
    try {
      const lockPath = path.join(temp.dataDir, 'cmmm.lock');
      fs.writeFileSync(lockPath, `${deadPid()}\n`);
      const database = await connectDatabase({ dataDir: temp.dataDir });
      expect(fs.readFileSync(lockPath, 'utf8').trim()).toBe(String(process.pid));
      await database.close();
      expect(fs.existsSync(lockPath)).toBe(false);
    } finally {
      await temp.rm();
    }
  });

  it('takes over a lock naming this pid that this process does not hold (a pid reused after a crash)', async () => {
    const temp = await makeTempDataDir();
    try {
      const lockPath = path.join(temp.dataDir, 'cmmm.lock');
      fs.writeFileSync(lockPath, `${process.pid}\n`);
      const database = await connectDatabase({ dataDir: temp.dataDir });
      await expect(connectDatabase({ dataDir: temp.dataDir })).rejects.toBeInstanceOf(DatabaseLockedError);
      await database.close();
      expect(fs.existsSync(lockPath)).toBe(false);
    } finally {
      await temp.rm();
    }
  });
});

/** A pid with no process behind it. */
function deadPid(): number {
  for (let pid = 4_000_000; pid > 3_000_000; pid -= 7919) {
    try {
      process.kill(pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
  throw new Error('no free pid found');
}
