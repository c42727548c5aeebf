// The server through its real HTTP stack: `npm start`'s entry prints its URL; pages and API answer.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Edition } from '@cmmm/model';
import type { Database } from '@cmmm/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvError, readEnv } from '../src/env.ts';
import { Client, registration, startPlatform, testDatabases, type TestPlatform } from './harness.ts';

type ErrorBody = { error: { code: string; message: string } };

let database: Database;
let p: TestPlatform;
let base = '';

beforeAll(async () => {
  database = await testDatabases[0]!.open();
  p = await startPlatform(database);
  base = p.base;
});
afterAll(async () => {
  await p.close();
  await database.close();
});

const answers = async () => {
  const model = (await (await fetch(`${base}/api/editions/db12-t1073-2021`)).json()) as Edition;
  const ids: string[] = [];
  for (const e of model.elements) for (const d of e.domains) for (const s of d.subdomains) for (const i of s.items) for (const r of i.requirements) ids.push(r.id);
  return ids;
};

describe('server', () => {
  it('shows the model page in Chinese: levels, elements, domains, subdomains and every requirement', async () => {
    const res = await fetch(`${base}/model`);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    for (const label of ['一级（规划级）', '五级（引领级）', '能力要素：治理', '能力域：两化融合', 'IT运维', '可裁剪', '必选']) expect(html).toContain(label);
    for (const id of await answers()) expect(html).toContain(`>${id}<`);
    expect(html).toContain('应通过培训、研讨、宣传等方式，确保相关人员充分意识到智能制造的重要性');
    expect(html).toContain('流程型 不评估'); // 产品设计 for 流程型
  });

  it('answers /api/health', async () => {
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ status: 'ok' });
  });

  it('scores through POST /api/score', async () => {
    const ids = await answers();
    const res = await fetch(`${base}/api/score`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enterpriseType: 'discrete', answers: Object.fromEntries(ids.map((id) => [id, 'LI'])) }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ level: 5, totalScore: 4.8, levelName: '五级（引领级）' });
  });

  it('turns bad input into { error: { code, message } } with a 4xx status, never a stack', async () => {
    const bad = await fetch(`${base}/api/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"enterpriseType":"discrete","answers":{"P1-1.1.L1":"NA"}}' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.code).toBe('NA_NOT_ALLOWED');
    const malformed = await fetch(`${base}/api/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"enterpriseType"' });
    expect(malformed.status).toBe(400);
    const body = await malformed.text();
    expect(JSON.parse(body).error.code).toBe('BAD_REQUEST');
    expect(body).not.toMatch(/\bat .*\.ts:\d+/);
    const unknown = await fetch(`${base}/api/editions/gbt-39116-2020`);
    expect([unknown.status, ((await unknown.json()) as ErrorBody).error.code]).toEqual([404, 'UNKNOWN_EDITION']);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });
});

describe('configuration', () => {
  it('defaults PORT to 3000 and DATA_DIR to ./data, and lists every problem', () => {
    expect(readEnv({}).port).toBe(3000);
    expect(readEnv({}).dataDir).toBe(join(process.cwd(), 'data'));
    expect(() => readEnv({ PORT: 'abc', HOST: ' ' })).toThrow(EnvError);
    try {
      readEnv({ PORT: 'abc', HOST: ' ' });
    } catch (err) {
      expect((err as EnvError).problems).toHaveLength(2);
    }
  });

  it('takes CLOCK_START only as an instant with its time zone', () => {
    expect(readEnv({}).clockStart).toBeUndefined();
    expect(readEnv({ CLOCK_START: '2027-01-05T09:00:00+08:00' }).clockStart?.toISOString()).toBe('2027-01-05T01:00:00.000Z');
    for (const wrong of ['2027-01-05', '2027-01-05T09:00:00', 'tomorrow', '2027-13-45T09:00:00Z']) {
      expect(() => readEnv({ CLOCK_START: wrong }), wrong).toThrow(/CLOCK_START/);
    }
  });

  it('takes MAP_DIR (the operator\'s region maps) as a path, none by default', () => {
    expect(readEnv({}).mapDir).toBeUndefined();
    expect(readEnv({ MAP_DIR: ' ' }).mapDir).toBeUndefined();
    expect(readEnv({ MAP_DIR: 'maps' }).mapDir).toBe(join(process.cwd(), 'maps'));
  });

  it('takes DATABASE_READ_URL only as a PostgreSQL replica beside DATABASE_URL', () => {
    const primary = 'postgres://cmmm@db-primary/cmmm';
    expect(readEnv({ DATABASE_URL: primary }).databaseReadUrl).toBeUndefined();
    expect(readEnv({ DATABASE_URL: primary, DATABASE_READ_URL: 'postgres://cmmm@db-replica/cmmm' }).databaseReadUrl).toBe('postgres://cmmm@db-replica/cmmm');
    expect(() => readEnv({ DATABASE_READ_URL: 'postgres://cmmm@db-replica/cmmm' })).toThrow(/须与 DATABASE_URL 一同设置/);
    expect(() => readEnv({ DATABASE_URL: primary, DATABASE_READ_URL: 'mysql://x' })).toThrow(/DATABASE_READ_URL 须以 postgres/);
  });
});

const serverBin = new URL('../bin/cmmm-server.js', import.meta.url).pathname;

/** Starts `npm start`'s entry on a data dir; resolves with its URL and everything it printed. */
async function startServer(dataDir: string): Promise<{ child: ChildProcessWithoutNullStreams; url: string; out: string }> {
  const child = spawn(process.execPath, [serverBin], { env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' } });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/[^\s]+\//.exec(out);
      if (m && (out.includes('已创建平台管理员') ? out.includes('one-time password:') && out.trimEnd().split('\n').length >= 5 : true)) resolve(m[0]);
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return { child, url, out };
}

async function stop(child: ChildProcessWithoutNullStreams) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

describe('npm start entry', () => {
  it('migrates an empty embedded database, prints its URL and the admin\'s one-time credentials; a restart keeps every row', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cmmm-start-'));
    try {
      const first = await startServer(dataDir);
      expect(first.out).toContain('已启动');
      const password = /one-time password: (\S+)/.exec(first.out)?.[1];
      expect(password).toBeTruthy();
      const client = new Client(first.url.replace(/\/$/, ''));
      const form = registration();
      expect((await client.post('/api/auth/register', form)).status).toBe(201);
      // a second server on the same data dir refuses to start, clearly
      const second = spawn(process.execPath, [serverBin], { env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '' } });
      let err = '';
      second.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const [code] = await once(second, 'exit');
      expect(code).toBe(1);
      expect(err).toContain(dataDir);
      expect(err).not.toMatch(/\n\s+at /);
      await stop(first.child);

      const again = await startServer(dataDir);
      expect(again.out).not.toContain('one-time password'); // the admin exists already
      const relogin = new Client(again.url.replace(/\/$/, ''));
      expect((await relogin.post('/api/auth/login', { username: form.account.username, password: form.account.password })).status).toBe(200);
      expect((await relogin.post('/api/auth/login', { username: 'admin', password: password! })).status).toBe(200);
      await stop(again.child);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a bad configuration with every problem listed and no stack', async () => {
    const child = spawn(process.execPath, [serverBin], { env: { ...process.env, PORT: 'eighty', DATABASE_URL: 'mysql://x' } });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(err).toContain('PORT');
    expect(err).toContain('DATABASE_URL');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('refuses a MAP_DIR that is not a directory, before opening any database', async () => {
    const child = spawn(process.execPath, [serverBin], { env: { ...process.env, PORT: '0', DATABASE_URL: '', DATA_DIR: join(tmpdir(), `cmmm-never-${Date.now()}`), MAP_DIR: serverBin } });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(err).toContain('MAP_DIR 须为存放地区地图（GeoJSON 文件）的目录');
    expect(err).not.toMatch(/\n\s+at /);
  });
});

describe('API documentation and request ids', () => {
  it('serves the OpenAPI document and browsable docs', async () => {
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/auth/register', '/api/auth/login', '/api/session', '/api/admin/accounts', '/api/score', '/api/enterprises/{id}']) expect(Object.keys(doc.paths)).toContain(path);
    const docs = await fetch(`${base}/api/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toMatch(/swagger/i);
  });

  it('answers every request with an x-request-id', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
