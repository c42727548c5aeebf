// Security at the edge: headers on every response, CSRF on the route the router matched, hostile
// text refused in one place, links from PUBLIC_URL only, own-property lookups, secure cookies.
import { migrateToLatest, type Database } from '@cmmm/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { serviceContext } from '../src/context.ts';
import { bootstrapPlatform } from '../src/services/platform/bootstrap-platform.ts';
import { registration, testDatabases } from './harness.ts';

const quiet = { info: () => {}, warn: () => {} };

describe.each(testDatabases)('security on the $name database', ({ open }) => {
  let database: Database;
  let http: FastifyInstance;
  let https: FastifyInstance;

  beforeAll(async () => {
    database = await open();
    await migrateToLatest(database.db);
    const ctx = serviceContext(database, quiet, { publicUrl: 'http://127.0.0.1:3000' });
    await bootstrapPlatform(ctx);
    http = await buildApp({ ctx });
    https = await buildApp({ ctx: serviceContext(database, quiet, { publicUrl: 'https://cmmm.example.cn' }) });
  });
  afterAll(async () => {
    await http?.close();
    await https?.close();
    await database?.close();
  });

  /** The CSRF cookie and token of a fresh browser. */
  async function csrf(app: FastifyInstance) {
    const res = await app.inject({ method: 'GET', url: '/api/session' });
    const cookie = res.cookies.find((c) => c.name === 'cmmm_csrf')!;
    return { cookie: `cmmm_csrf=${cookie.value}`, token: cookie.value, setCookie: res.cookies };
  }

  it('sends security headers on API answers and pages: a CSP without inline script, no framing, nosniff, a referrer policy', async () => {
    for (const url of ['/api/session', '/model', '/api/docs', '/api/nowhere']) {
      const res = await http.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toMatch(/script-src 'self'(;|$)/);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      expect(res.headers['strict-transport-security'], url).toBeUndefined(); // plain http: no HSTS
    }
  });

  it('sends HSTS and Secure cookies when PUBLIC_URL is https', async () => {
    const res = await https.inject({ method: 'GET', url: '/api/session' });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(res.cookies.find((c) => c.name === 'cmmm_csrf')?.secure).toBe(true);
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    const plain = await http.inject({ method: 'GET', url: '/api/session' });
    expect(plain.cookies.find((c) => c.name === 'cmmm_csrf')?.secure).toBeFalsy();
  });

  it('checks CSRF on the decoded route, whatever the spelling of the URL', async () => {
    for (const url of ['/api/auth/login', '/%61pi/auth/login', '/api/auth/%6Cogin', '//api/auth/login']) {
      const res = await http.inject({ method: 'POST', url, payload: { username: 'admin', password: 'x' } });
      if (res.statusCode === 404) continue; // a spelling the router does not match is not a way in either
      expect([url, res.statusCode, res.json().error.code]).toEqual([url, 403, 'CSRF']);
    }
    const encoded = await http.inject({ method: 'POST', url: '/%61pi/auth/login', payload: { username: 'admin', password: 'x' } });
    expect(encoded.statusCode).toBe(403);
  });

  it('refuses a NUL character or a lone surrogate in any string field with 400 VALIDATION naming the field', async () => {
    const { cookie, token } = await csrf(http);
    const post = (url: string, payload: unknown) => http.inject({ method: 'POST', url, payload: payload as object, headers: { cookie, 'x-csrf-token': token } });
    const cases: [string, unknown, string][] = [
      ['/api/auth/login', { username: 'ad\u0000min', password: 'Zhizao2026' }, 'username'],
      ['/api/auth/login', { username: 'admin', password: 'a\uD800b' }, 'password'],
      ['/api/auth/register', { ...registration(), enterprise: { ...registration().enterprise, name: '昆山\u0000精密' } }, 'enterprise.name'],
      ['/api/auth/register', { ...registration(), enterprise: { ...registration().enterprise, contactName: '\uDC00王工' } }, 'enterprise.contactName'],
      ['/api/auth/password-reset/request', { creditCode: '91320583\u0000MA1234567' }, 'creditCode'],
      ['/api/auth/login', { ['user\u0000name']: 'admin', password: 'x' }, 'user\u0000name'],
    ];
    for (const [url, payload, path] of cases) {
      const res = await post(url, payload);
      expect([url, res.statusCode, res.json().error.code, res.json().error.issues?.[0]?.path]).toEqual([url, 400, 'VALIDATION', path]);
    }
    const query = await http.inject({ method: 'GET', url: '/api/editions/%00' });
    expect(query.statusCode).toBe(400);
    const deep = await post('/api/score', JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`));
    expect([deep.statusCode, deep.json().error.code]).toEqual([400, 'VALIDATION']);
  });

  it('believes X-Forwarded-For only from a configured proxy (TRUST_PROXY): a direct client cannot spoof its address', async () => {
    // Addresses of their own: the counters are shared with the other tests of this database.
    const attempts = async (app: FastifyInstance, peer: string) => {
      const codes: number[] = [];
      for (let i = 1; i <= 3; i++) {
        const { cookie, token } = await csrf(app);
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: peer, headers: { cookie, 'x-csrf-token': token, 'x-forwarded-for': `198.51.100.${i}` }, payload: { username: 'nobody-here', password: 'Wrong12345' } });
        codes.push(res.statusCode);
      }
      return codes;
    };
    const ctx = serviceContext(database, quiet);
    const direct = await buildApp({ ctx, rateLimits: { login: 2 } });
    const proxied = await buildApp({ ctx, rateLimits: { login: 2 }, trustProxy: '192.0.2.88' });
    try {
      expect(await attempts(direct, '192.0.2.77')).toEqual([401, 401, 429]); // one address, whatever the header says
      expect(await attempts(proxied, '192.0.2.88')).toEqual([401, 401, 401]); // three clients behind the proxy
    } finally {
      await direct.close();
      await proxied.close();
    }
  });

  it('looks up own properties only: prototype names are unknown editions', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const res = await http.inject({ method: 'GET', url: `/api/editions/${name}` });
      expect([name, res.statusCode]).toEqual([name, 404]);
    }
  });

  it('lists every operation in the OpenAPI document with an operationId, a declared tag and the server on PUBLIC_URL', async () => {
    const doc = (await https.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      servers: { url: string }[];
      tags: { name: string }[];
      paths: Record<string, Record<string, { operationId?: string; tags?: string[]; description?: string }>>;
    };
    expect(doc.servers[0]?.url).toBe('https://cmmm.example.cn');
    const tags = new Set(doc.tags.map((t) => t.name));
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, ...op })));
    expect(operations.length).toBeGreaterThan(30);
    for (const op of operations) {
      expect(op.operationId, `${op.method} ${op.path}`).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.tags?.every((t) => tags.has(t)), `${op.method} ${op.path}`).toBe(true);
      expect(op.description, `${op.method} ${op.path}: say who may call it in ACCESS_NOTES`).not.toContain('权限见 policy.ts');
    }
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
  });
});
