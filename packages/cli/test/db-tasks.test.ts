// `cmmm db migrate|backup|restore`, `cmmm demo seed|clear`, `cmmm audit verify` and `cmmm admin unlock`,
// spawned for real on a fresh embedded database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase } from '@cmmm/db';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, cmmm as run, expectRefused } from './cli-harness.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'cmmm-cli-db-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const cmmm = (...args: string[]) => run(args, undefined, { DATA_DIR: dataDir, DATABASE_URL: '' });

describe('cmmm db and demo commands', { timeout: 120_000 }, () => {
  it('migrates, then says the database is up to date', () => {
    const first = cmmm('db', 'migrate');
    expect([first.code, first.err]).toEqual([0, '']);
    expect(first.out).toContain('initial-schema');
    expect(cmmm('db', 'migrate').out).toContain('up to date');
  });

  it('seeds labelled demo data and clears exactly it', () => {
    const seeded = cmmm('demo', 'seed', '--enterprises', '12');
    expect(seeded.code).toBe(0);
    expect(seeded.out).toContain('12 家企业');
    const cleared = cmmm('demo', 'clear');
    // 12 enterprise users and the agency admins of the 3 demo assessment bodies
    expect(cleared.out).toContain('12 家企业，15 个账户，3 个评估机构，12 名评估人员，3 期培训');
  });

  it('refuses a bad count and a bad configuration, without a stack', () => {
    const bad = cmmm('demo', 'seed', '--enterprises', '0');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--enterprises');
    const r = spawnSync(bin, ['db', 'migrate'], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: 'mysql://nope' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('DATABASE_URL');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

// Each command starts the embedded database (seconds on a busy machine), and these run several.
describe('cmmm db backup|restore, audit verify, admin unlock', { timeout: 240_000 }, () => {
  const file = join(dataDir, 'backup.cmmm.gz');

  it('backs up, restores what was removed since, and says what it restored', () => {
    expect(cmmm('demo', 'seed', '--enterprises', '5').code).toBe(0);
    const backup = cmmm('db', 'backup', file);
    expect([backup.code, backup.err]).toEqual([0, '']);
    expect(backup.out).toMatch(/enterprise\s+5\n/);
    expect(cmmm('demo', 'clear').out).toContain('5 家企业');

    const restored = cmmm('db', 'restore', file);
    expect([restored.code, restored.err]).toEqual([0, '']);
    expect(restored.out).toContain(`已从 ${file} 恢复`);
    expect(restored.out).toMatch(/enterprise\s+5\n/);
    expect(restored.out).toMatch(/account\s+8\n/); // 5 enterprise users, 3 agency admins
    expect(restored.out).toMatch(/共 \d+ 张数据表，\d+ 行/);
    expect(cmmm('demo', 'clear').out).toContain('5 家企业，8 个账户，3 个评估机构'); // they were back
  });

  it('refuses a file that is not a backup, and a missing one', () => {
    expectRefused(cmmm('db', 'restore', join(dataDir, 'cmmm.lock-not-there')), 'BACKUP_UNREADABLE', /无法读取/);
    expectRefused(cmmm('db', 'restore', join(import.meta.dirname, 'db-tasks.test.ts')), 'BACKUP_NOT_CMMM', /不是 cmmm 数据库备份/);
    expectRefused(cmmm('db', 'backup'), 'USAGE', /cmmm db backup FILE/);
  });

  it('verifies a clean audit trail', () => {
    const r = cmmm('audit', 'verify');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/^已检查 \d+ 条审计事件 .*完整 intact\n$/);
  });

  it('unlocks a locked account: its lock, failures and login counters, and records it; refuses an unknown username', async () => {
    expect(cmmm('demo', 'seed', '--enterprises', '1').code).toBe(0);
    // Lock a demo account the way failed logins do (no cmmm process is running now).
    const database = await connectDatabase({ dataDir });
    const account = await database.db.selectFrom('account').select(['id', 'username']).executeTakeFirstOrThrow();
    try {
      await database.db.updateTable('account').set({ failed_logins: 5, locked_until: '2099-01-01T00:00:00Z' }).where('id', '=', account.id).execute();
      const counter = (key: string) => ({ key, window_start: new Date(), hits: 5, expires_at: '2099-01-01T00:00:00Z' });
      await database.db.insertInto('rate_limit_counter')
        .values([counter(`login:${account.id}`), counter(`login:${account.id}:10.0.0.7`), counter(`login:${account.id}#slow`), counter('login:someone-else')])
        .execute();
    } finally {
      await database.close();
    }

    const r = cmmm('admin', 'unlock', account.username.toUpperCase());
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain(`已解除账户 ${account.username} 的登录锁定`);
    expect(r.out).toContain('locked_until 2099-01-01T00:00:00.000Z → 无，failed_logins 5 → 0');
    expect(r.out).toContain('login counters cleared: 3');

    const after = await connectDatabase({ dataDir });
    try {
      expect(await after.db.selectFrom('account').select(['failed_logins', 'locked_until']).where('id', '=', account.id).executeTakeFirst())
        .toEqual({ failed_logins: 0, locked_until: null });
      expect((await after.db.selectFrom('rate_limit_counter').select('key').execute()).map((c) => c.key)).toEqual(['login:someone-else']);
      expect(await after.db.selectFrom('audit_event').select(['action', 'subject_id']).where('action', '=', 'account.unlocked').execute())
        .toEqual([{ action: 'account.unlocked', subject_id: account.id }]);
    } finally {
      await after.close();
    }
    expect(cmmm('audit', 'verify').out).toContain('完整');

    expectRefused(cmmm('admin', 'unlock', 'nobody-here'), 'ACCOUNT_NOT_FOUND', /nobody-here/);
    expectRefused(cmmm('admin', 'unlock'), 'USAGE', /cmmm admin unlock USERNAME/);
  });
});
