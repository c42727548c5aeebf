// Real server processes (`npm start`'s entry) for tests that run several on one PostgreSQL or watch
// one outlive its database; and a browser-like client with one cookie jar whose requests go to any of
// them, from a chosen loopback address (rate limits and lock-outs count per client address).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireEdition } from '@cmmm/model';
import { registration, type Reply } from './harness.ts';

const serverBin = new URL('../bin/cmmm-server.js', import.meta.url).pathname;

export interface ServerProcess {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  child: ChildProcessWithoutNullStreams;
  /** The platform admin's one-time password, when this server created the admin. */
  adminPassword: string | undefined;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then its exit code once it has drained (null if it died of a signal). */
  stop(): Promise<number | null>;
}

/**
 * Starts bin/cmmm-server.js on databaseUrl, or on an embedded database (PORT=0, its own DATA_DIR, warnings
 * logged, `env` added). With expectAdmin it also waits for the one-time password printed on an empty database.
 */
export async function startServer(options: { databaseUrl?: string; expectAdmin?: boolean; timeoutMs?: number; env?: Record<string, string> }): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cmmm-server-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', REPORT_THREADS: '1', ...options.env };
  // Without a URL the server opens the embedded database in its own DATA_DIR.
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;
  delete env.NODE_ENV; // NODE_ENV=test (set by vitest) would silence the logs a failure needs
  const child = spawn(process.execPath, [serverBin], { env });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => {
    rmSync(dataDir, { recursive: true, force: true });
    return code as number | null;
  });
  const started = await until(() => {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) while starting:\n${out}`);
    const url = /Platform ready: (http:\/\/\S+?)\/?\s/.exec(out)?.[1];
    const adminPassword = /one-time password: (\S+)\n/.exec(out)?.[1];
    return url && (adminPassword || !options.expectAdmin) ? { url, adminPassword } : undefined;
  }, options.timeoutMs ?? 120_000, () => `the server did not start in time:\n${out}`).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
  return {
    ...started,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(resolve, 60_000, 'hung').unref())]);
      if (code !== 'hung') return code;
      child.kill('SIGKILL');
      throw new Error(`the server did not exit within 60 s of SIGTERM:\n${out}`);
    },
  };
}

/** Polls check (every 25–200 ms) until it returns a value; throws when the deadline passes. */
export async function until<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string | (() => string)): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 25; ; pause = Math.min(200, pause * 2)) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

let nextAddress = 1;
/** A loopback address of its own (127.0.1.x…): a client address no other client of this file shares. */
export function freshAddress(): string {
  nextAddress += 1;
  return `127.0.${1 + Math.floor(nextAddress / 250)}.${1 + (nextAddress % 250)}`;
}

/**
 * A browser: one cookie jar, the CSRF token echoed on writes, requests to whichever server `base`
 * names, all from one client address.
 */
export class Browser {
  private cookies = new Map<string, string>();
  constructor(readonly address: string = freshAddress()) {}

  /** Another browser holding this one's cookies now (a copy, e.g. of a session about to be ended). */
  copy(): Browser {
    const other = new Browser(this.address);
    other.cookies = new Map(this.cookies);
    return other;
  }

  async request<T = Record<string, unknown>>(base: string, method: string, path: string, body?: unknown): Promise<Reply<T>> {
    if (method !== 'GET' && !this.cookies.has('cmmm_csrf')) await this.request(base, 'GET', '/api/session');
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET') headers['x-csrf-token'] = this.cookies.get('cmmm_csrf')!;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const { status, headers: received, text } = await new Promise<{ status: number; headers: Headers; text: string }>((resolve, reject) => {
      const req = httpRequest(`${base}${path}`, { method, headers, localAddress: this.address, agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const all = new Headers();
          for (const [name, value] of Object.entries(res.headers)) for (const v of [value ?? []].flat()) all.append(name, v);
          resolve({ status: res.statusCode!, headers: all, text });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
    for (const set of received.getSetCookie()) {
      const [pair] = set.split(';');
      const eq = pair!.indexOf('=');
      const value = pair!.slice(eq + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(set)) this.cookies.delete(pair!.slice(0, eq));
      else this.cookies.set(pair!.slice(0, eq), value);
    }
    return { status, body: (text ? JSON.parse(text) : null) as T, headers: received };
  }

  get = <T = Record<string, unknown>>(base: string, path: string) => this.request<T>(base, 'GET', path);
  post = <T = Record<string, unknown>>(base: string, path: string, body?: unknown) => this.request<T>(base, 'POST', path, body ?? {});
  put = <T = Record<string, unknown>>(base: string, path: string, body?: unknown) => this.request<T>(base, 'PUT', path, body ?? {});
  patch = <T = Record<string, unknown>>(base: string, path: string, body?: unknown) => this.request<T>(base, 'PATCH', path, body ?? {});
}

/** Registers a new enterprise through base; the browser is then logged in as its first account. */
export async function registerEnterprise(browser: Browser, base: string) {
  const form = registration();
  const res = await browser.post<{ account: { id: string }; enterprise: { id: string } }>(base, '/api/auth/register', form);
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { form, accountId: res.body.account.id, enterpriseId: res.body.enterprise.id };
}

/** The 一级 requirements of a discrete enterprise's diagnosis with 物流 (M3) tailored. */
export const TAILORED = ['M3'];
export const levelOneRequirements = requireEdition('db12-t1073-2021').elements.flatMap((e) =>
  e.domains.flatMap((d) => d.subdomains.filter((s) => !TAILORED.some((t) => s.id.startsWith(t))).flatMap((s) => s.items.flatMap((i) => i.requirements.filter((r) => r.level === 1).map((r) => r.id)))),
);

