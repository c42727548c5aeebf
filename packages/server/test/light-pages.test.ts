// A light first page over real HTTP: the browser app's precompressed files (.br/.gz written by the
// build) chosen by Accept-Encoding, immutable hashed assets, a no-cache index.html, the server's own
// public JSON answers compressed on the fly, and the small answers the first pages need (levels, provinces).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { Database } from '@cmmm/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodingFor } from '../src/plugins/compression.ts';
import { startPlatform, testDatabases, type TestPlatform } from './harness.ts';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET whose body is left as it came (fetch would decode it). */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const decoded = (r: Raw) => (r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body);

const dist = mkdtempSync(join(tmpdir(), 'cmmm-dist-'));
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `智能制造-${i % 17}`))};\n`;
const html = '<!doctype html><html lang="zh-CN"><title>平台</title><div id="root"></div><script type="module" src="/assets/app-3f9a.js"></script></html>\n';

let database: Database;
let p: TestPlatform;

beforeAll(async () => {
  // What `npm run build -w @cmmm/web` leaves: hashed assets and index.html, each with .br and .gz beside it.
  mkdirSync(join(dist, 'assets'));
  for (const [file, text] of [['assets/app-3f9a.js', script], ['index.html', html]] as const) {
    writeFileSync(join(dist, file), text);
    writeFileSync(join(dist, `${file}.br`), brotliCompressSync(text));
    writeFileSync(join(dist, `${file}.gz`), gzipSync(text));
  }
  database = await testDatabases[0]!.open();
  p = await startPlatform(database, { webDist: `${dist}/` });
});
afterAll(async () => {
  await p?.close();
  await database?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the browser app', () => {
  it('sends a hashed asset as brotli, gzip or as it is, as the client accepts, cached for a year', async () => {
    const br = await get(p.base, '/assets/app-3f9a.js', { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await get(p.base, '/assets/app-3f9a.js', { 'accept-encoding': 'gzip' });
    const plain = await get(p.base, '/assets/app-3f9a.js');
    expect([br.headers['content-encoding'], gz.headers['content-encoding'], plain.headers['content-encoding']]).toEqual(['br', 'gzip', undefined]);
    for (const r of [br, gz, plain]) {
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/javascript/);
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(r.headers.vary).toMatch(/accept-encoding/i);
      expect(decoded(r).toString()).toBe(script);
    }
    expect(br.body.length).toBeLessThan(script.length / 4);
  });

  it('sends index.html and the client-side routes compressed and never cached without asking', async () => {
    for (const path of ['/', '/register', '/self-diagnoses/123/result']) {
      const r = await get(p.base, path, { accept: 'text/html', 'accept-encoding': 'br' });
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type'], path).toMatch(/text\/html/);
      expect(r.headers['content-encoding'], path).toBe('br');
      expect(r.headers['cache-control'], path).toBe('no-cache');
      expect(decoded(r).toString(), path).toBe(html);
    }
  });
});

describe('the server\'s own answers', () => {
  it('compresses a large JSON answer for a client that accepts it, and only then', async () => {
    const path = '/api/editions/db12-t1073-2021';
    const br = await get(p.base, path, { 'accept-encoding': 'br' });
    const gz = await get(p.base, path, { 'accept-encoding': 'gzip' });
    const plain = await get(p.base, path);
    expect([br.headers['content-encoding'], gz.headers['content-encoding'], plain.headers['content-encoding']]).toEqual(['br', 'gzip', undefined]);
    const edition = JSON.parse(plain.body.toString()) as { levels: unknown[] };
    for (const r of [br, gz]) {
      expect(JSON.parse(decoded(r).toString())).toEqual(edition);
      expect(r.headers.vary).toMatch(/accept-encoding/i);
      expect(Number(r.headers['content-length'] ?? r.body.length)).toBe(r.body.length);
    }
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
  });

  it('leaves small answers as they are', async () => {
    const r = await get(p.base, '/api/health', { 'accept-encoding': 'br, gzip' });
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(r.body.toString())).toEqual({ status: 'ok' });
  });

  it('never compresses an answer that is not public (BREACH): the OpenAPI document, large as it is', async () => {
    const r = await get(p.base, '/api/openapi.json', { 'accept-encoding': 'br, gzip' });
    expect(r.body.length).toBeGreaterThan(10_000);
    expect(r.headers['content-encoding']).toBeUndefined();
  });

  it('answers the five maturity levels alone for the home page, without the whole model', async () => {
    const whole = JSON.parse((await get(p.base, '/api/editions/db12-t1073-2021')).body.toString()) as { levels: unknown[] };
    const r = await get(p.base, '/api/editions/db12-t1073-2021/levels');
    expect(JSON.parse(r.body.toString())).toEqual({ levels: whole.levels });
    expect(whole.levels).toHaveLength(5);
  });
});

describe('region data by province', () => {
  it('lists the provinces without their children, and each province whole on its own, as in the region tree', async () => {
    const tree = JSON.parse((await get(p.base, '/api/reference/regions')).body.toString()) as { regions: { code: string; name: string; children: unknown[] }[] };
    const list = await get(p.base, '/api/reference/provinces', { 'accept-encoding': 'br' });
    const { provinces } = JSON.parse(decoded(list).toString()) as { provinces: { code: string; name: string; children: unknown[] }[] };
    expect(provinces.map((x) => [x.code, x.name])).toEqual(tree.regions.map((x) => [x.code, x.name]));
    expect(provinces.every((x) => x.children.length === 0)).toBe(true);
    expect(list.headers['cache-control']).toBe('public, max-age=86400');
    const beijing = JSON.parse((await get(p.base, '/api/reference/provinces/110000')).body.toString()) as { province: unknown };
    expect(beijing.province).toEqual(tree.regions.find((x) => x.code === '110000'));
    expect(JSON.stringify(beijing)).toContain('海淀区');
    const unknown = await get(p.base, '/api/reference/provinces/990000');
    expect([unknown.status, (JSON.parse(unknown.body.toString()) as { error: { code: string } }).error.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('encodingFor', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0, gzip;q=0', undefined],
    ['identity', undefined],
    [undefined, undefined],
  ] as const)('%s → %s', (header, expected) => {
    expect(encodingFor(header)).toBe(expected);
  });
});
