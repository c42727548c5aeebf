// `cmmm db migrate` and `cmmm demo seed|clear`, spawned for real on a fresh embedded database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const bin = join(root, 'node_modules', '.bin', 'cmmm');
const dataDir = mkdtempSync(join(tmpdir(), 'cmmm-cli-db-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const cmmm = (...args: string[]) => {
  const r = spawnSync(bin, args, { encoding: 'utf8', cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('cmmm db and demo commands', () => {
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
    expect(cleared.out).toContain('12 家企业，12 个账户');
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
