// TRUST_PROXY through the real server process (env.ts → main.ts → fastify's trustProxy): rate limits
// key on request.ip, which is the TCP peer unless that peer is a configured proxy. Each loopback
// address below is a host of its own (127.0.0.0/8), so "the proxy" and "a client" really differ.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from './server-process.ts';

const PROXY = '127.0.0.2';
const CLIENT = '127.0.0.3';
/** Log-in requests per minute and client address (DEFAULT_RATE_LIMITS.login). */
const LOGIN_LIMIT = 10;

/**
 * POST /api/auth/login with an empty body from `from`, claiming `forwardedFor`: 400 while under the
 * limit (the count comes before the body is read), 429 once over it.
 */
function attempt(server: ServerProcess, from: string, forwardedFor: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}/api/auth/login`, { method: 'POST', localAddress: from, agent: false, headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

async function attempts(server: ServerProcess, count: number, from: string, forwardedFor: (i: number) => string): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < count; i++) codes.push(await attempt(server, from, forwardedFor(i)));
  return codes;
}

const underLimit = (n: number) => Array<number>(n).fill(403);

describe('TRUST_PROXY, through a real server process', { timeout: 180_000 }, () => {
  let direct: ServerProcess;
  let proxied: ServerProcess;

  beforeAll(async () => {
    [direct, proxied] = await Promise.all([startServer({}), startServer({ env: { TRUST_PROXY: PROXY } })]);
    // Whatever an unsafe request without a CSRF token answers under the limit, it is the same for both.
    expect(await attempt(direct, '127.0.0.9', '198.51.100.250')).toBe(403);
  });
  afterAll(async () => {
    await Promise.allSettled([direct?.stop(), proxied?.stop()]);
  });

  it('off (the default): a client forging X-Forwarded-For is still counted on its own address', async () => {
    const codes = await attempts(direct, LOGIN_LIMIT + 1, PROXY, (i) => `198.51.100.${i + 1}`);
    expect(codes).toEqual([...underLimit(LOGIN_LIMIT), 429]);
  });

  it('on: requests from the configured proxy are counted per real client it names', async () => {
    // Eleven clients behind the proxy, one request each: none is limited.
    expect(await attempts(proxied, LOGIN_LIMIT + 1, PROXY, (i) => `203.0.113.${i + 1}`)).toEqual(underLimit(LOGIN_LIMIT + 1));
    // One client behind the proxy, eleven requests: limited, and only that client.
    expect(await attempts(proxied, LOGIN_LIMIT + 1, PROXY, () => '203.0.113.200')).toEqual([...underLimit(LOGIN_LIMIT), 429]);
    expect(await attempt(proxied, PROXY, '203.0.113.201')).toBe(403);
    // nginx appends the peer it saw: a forged first entry is the client's own claim, the last one counts.
    expect(await attempt(proxied, PROXY, '203.0.113.201, 203.0.113.200')).toBe(429);
  });

  it('on: a client that is not the proxy cannot spoof its address by sending X-Forwarded-For itself', async () => {
    expect(await attempts(proxied, LOGIN_LIMIT + 1, CLIENT, (i) => `192.0.2.${i + 1}`)).toEqual([...underLimit(LOGIN_LIMIT), 429]);
  });
});
