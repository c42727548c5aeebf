// Starts the real server (embedded database, fresh temp DATA_DIR, free port), waits for the URL it
// prints, and captures the platform admin's one-time password. Tests read both from the environment.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const READY = /Platform ready: (http:\/\/\S+?)\/?\s/;
const ONE_TIME_PASSWORD = /one-time password:\s*(\S+)/;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cmmm-e2e-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['packages/server/bin/cmmm-server.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dataDir, 'data'), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const { baseURL, adminPassword } = await new Promise<{ baseURL: string; adminPassword: string }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = READY.exec(output)?.[1];
      const password = ONE_TIME_PASSWORD.exec(output)?.[1];
      if (url && password) {
        clearTimeout(timer);
        done({ baseURL: url, adminPassword: password });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  child.stdout.removeAllListeners('data');
  child.stderr.removeAllListeners('data');
  child.stdout.resume();
  child.stderr.resume();
  child.removeAllListeners('exit');

  process.env.E2E_BASE_URL = baseURL;
  process.env.E2E_ADMIN_PASSWORD = adminPassword;
  process.env.E2E_SERVER_PID = String(child.pid);
  process.env.E2E_DATA_DIR = dataDir;
  writeFileSync(join(dataDir, 'server.json'), JSON.stringify({ baseURL, adminPassword, pid: child.pid }, null, 2));
}
