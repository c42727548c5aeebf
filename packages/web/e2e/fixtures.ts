// Every spec file runs against its own server on its own fresh embedded database, so that any spec
// runs alone, in any order and beside others. The `platform` fixture starts the real server
// (bin/cmmm-server.js, a temp DATA_DIR, a port of its own) for the first test of a file, captures
// the platform admin's one-time password, and stops it (removing the data) when the worker moves on
// to another file or ends. `baseURL` — and with it page.goto('/…') and the `request` fixture — points
// at that server.
import { test as base, type TestInfo } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const READY = /Platform ready: (http:\/\/\S+?)\/?\s/;
const ONE_TIME_PASSWORD = /one-time password:\s*(\S+)/;
/** Starting the server opens and migrates a database: generous, for a loaded machine. */
const START_TIMEOUT = 120_000;
const LOG_TAIL = 20_000;

export interface Platform {
  baseURL: string;
  /** The platform admin's current password: the one-time one until a test (or adminApi) changes it. */
  admin: { username: 'admin'; password: string };
  /** The last part of the server's output, for a failed test's report. */
  log(): string;
  /**
   * Stops the server and starts it again on the same data and port with `env` added (e.g. CLOCK_START,
   * to reach the end of a 公示 period); what was stored stays, sessions included.
   */
  restart(env: Record<string, string>): Promise<void>;
}

interface Server extends Platform {
  file: string;
  stop(): Promise<void>;
}

interface Process {
  baseURL: string;
  /** The one-time password: printed on the first start only. */
  password: string | undefined;
  log(): string;
  stop(): Promise<void>;
}

async function startServer(file: string): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cmmm-e2e-'));
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  let current: Process;
  try {
    current = await startProcess(dataDir, { PORT: '0' });
  } catch (error) {
    removeData();
    throw error;
  }
  if (!current.password) throw new Error(`the first start printed no one-time password:\n${current.log()}`);
  const server: Server = {
    file,
    baseURL: current.baseURL,
    admin: { username: 'admin', password: current.password },
    log: () => current.log(),
    async restart(env) {
      await current.stop();
      current = await startProcess(dataDir, { PORT: new URL(server.baseURL).port, ...env });
    },
    async stop() {
      await current.stop();
      removeData();
    },
  };
  return server;
}

/** One server process on `dataDir`: resolves once it printed its ready line (and, first, the one-time password). */
async function startProcess(dataDir: string, env: Record<string, string>): Promise<Process> {
  const child = spawn(process.execPath, ['packages/server/bin/cmmm-server.js'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', DATA_DIR: join(dataDir, 'data'), DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A worker that exits without its teardown (a crash) still takes its server with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-LOG_TAIL);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await stopChild(child);
  };
  try {
    const { baseURL, password } = await new Promise<{ baseURL: string; password: string | undefined }>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`the server did not start within ${START_TIMEOUT / 1000} s:\n${output}`)), START_TIMEOUT);
      // The ready line comes after the credentials: once it is there, so is the password (if any).
      const check = () => {
        const url = READY.exec(output)?.[1];
        if (url) {
          clearTimeout(timer);
          child.removeListener('exit', exited);
          done({ baseURL: url, password: ONE_TIME_PASSWORD.exec(output)?.[1] });
        }
      };
      const exited = (code: number | null) => {
        clearTimeout(timer);
        fail(new Error(`the server exited with ${code}:\n${output}`));
      };
      child.stdout.on('data', check);
      child.stderr.on('data', check);
      child.once('exit', exited);
    });
    child.stdout.removeAllListeners('data').on('data', collect);
    child.stderr.removeAllListeners('data').on('data', collect);
    return { baseURL, password, log: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** SIGTERM (the server closes its database), SIGKILL if it is still there after 10 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

interface Servers {
  /** The server of the spec file, started on its first test; the previous file's one is stopped. */
  forFile(file: string): Promise<Server>;
}

export const test = base.extend<{ platform: Platform }, { servers: Servers }>({
  servers: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture uses from this pattern
    async ({}, use) => {
      let current: Promise<Server> | undefined;
      let file = '';
      await use({
        async forFile(wanted) {
          if (current && file === wanted) return current;
          const previous = current;
          file = wanted;
          current = (async () => {
            await (await previous?.catch(() => undefined))?.stop();
            return startServer(wanted);
          })();
          return current;
        },
      });
      await (await current?.catch(() => undefined))?.stop();
    },
    { scope: 'worker', timeout: START_TIMEOUT + 30_000 },
  ],
  platform: [
    async ({ servers }, use, testInfo: TestInfo) => {
      const server = await servers.forFile(testInfo.file);
      await use(server);
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('server-output.txt', { body: server.log(), contentType: 'text/plain' });
    },
    { timeout: START_TIMEOUT + 30_000 },
  ],
  baseURL: async ({ platform }, use) => use(platform.baseURL),
});

export { expect } from '@playwright/test';
