// The server through its real HTTP stack: `npm start`'s entry prints its URL; pages and API answer.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Edition } from '@cmmm/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { EnvError, readEnv } from '../src/env.ts';

type ErrorBody = { error: { code: string; message: string } };

const app = buildApp();
let base = '';

beforeAll(async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(() => app.close());

const answers = async () => {
  const model = (await (await fetch(`${base}/api/editions/db12-t1073-2021`)).json()) as Edition;
  const ids: string[] = [];
  for (const e of model.elements) for (const d of e.domains) for (const s of d.subdomains) for (const i of s.items) for (const r of i.requirements) ids.push(r.id);
  return ids;
};

describe('server', () => {
  it('shows the model page in Chinese: levels, elements, domains, subdomains and every requirement', async () => {
    const res = await fetch(`${base}/`);
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
  it('defaults PORT to 3000 and lists every problem', () => {
    expect(readEnv({}).port).toBe(3000);
    expect(() => readEnv({ PORT: 'abc', HOST: ' ' })).toThrow(EnvError);
    try {
      readEnv({ PORT: 'abc', HOST: ' ' });
    } catch (err) {
      expect((err as EnvError).problems).toHaveLength(2);
    }
  });
});

describe('npm start entry', () => {
  it('listens on PORT and prints its URL', async () => {
    const child = spawn(process.execPath, [new URL('../bin/cmmm-server.js', import.meta.url).pathname], {
      env: { ...process.env, PORT: '0', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /http:\/\/[^\s]+\//.exec(out);
          if (m) resolve(m[0]);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      expect(out).toContain('已启动');
      expect((await fetch(`${url}api/health`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('refuses a bad PORT with a clear message and no stack', async () => {
    const child = spawn(process.execPath, [new URL('../bin/cmmm-server.js', import.meta.url).pathname], {
      env: { ...process.env, PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(err).toContain('PORT');
    expect(err).not.toMatch(/\n\s+at /);
  });
});
