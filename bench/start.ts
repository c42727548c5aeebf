// First start and restart (issue 12 §5): `node packages/server/bin/cmmm-server.js` spawned on a fresh data
// dir, then again on the same dir; time from spawn to the first successful HTTP answer and the process's
// peak resident memory (VmHWM), min / median / max of 3 — beside a one-line node:http server measured the
// same way in the same run (what starting Node alone costs here).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROUNDS = 3;
const HELLO = "require('http').createServer((q,s)=>s.end('ok')).listen(+process.env.PORT,'127.0.0.1')";

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  server.close();
  await once(server, 'close');
  return port;
}

/** Peak resident set of a live process, in MiB (Linux). */
function peakRssMiB(pid: number): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

interface StartFigure {
  ms: number;
  peakMiB: number;
}

/** Spawns `args`, polls `path` until it answers 2xx; the process is stopped once measured. */
async function timeToFirstAnswer(args: string[], env: Record<string, string>, path: string): Promise<StartFigure> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`${args.join(' ')} exited before answering`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        await res.arrayBuffer();
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    const ms = performance.now() - started;
    if (process.env.BENCH_DEBUG) process.stderr.write(`${args.at(-1)}: ${Math.round(ms)} ms\n`);
    // Let the start's remaining work (scheduled tasks, caches) settle before reading the peak.
    await new Promise((r) => setTimeout(r, 1_000));
    return { ms, peakMiB: peakRssMiB(child.pid!) };
  } finally {
    if (!exited) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function row(label: string, figures: StartFigure[]): string {
  const ms = figures.map((f) => f.ms);
  const mib = figures.map((f) => f.peakMiB);
  const t = (x: number) => (x / 1000).toFixed(2).padStart(6);
  const m = (x: number) => Math.round(x).toString().padStart(5);
  return `  ${label.padEnd(28)} ${t(Math.min(...ms))} ${t(median(ms))} ${t(Math.max(...ms))} s   peak RSS ${m(Math.min(...mib))} ${m(median(mib))} ${m(Math.max(...mib))} MiB`;
}

export async function benchStart(): Promise<string[]> {
  const first: StartFigure[] = [];
  const again: StartFigure[] = [];
  const hello: StartFigure[] = [];
  const server = ['packages/server/bin/cmmm-server.js'];
  const quiet = { LOG_LEVEL: 'silent', DATABASE_URL: '', HOST: '127.0.0.1' };
  for (let round = 0; round < ROUNDS; round++) {
    hello.push(await timeToFirstAnswer(['-e', HELLO], {}, '/'));
    const dataDir = mkdtempSync(join(tmpdir(), 'cmmm-bench-start-'));
    try {
      first.push(await timeToFirstAnswer(server, { ...quiet, DATA_DIR: dataDir }, '/api/health/ready'));
      again.push(await timeToFirstAnswer(server, { ...quiet, DATA_DIR: dataDir }, '/api/health/ready'));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return [
    `start: spawn → first 2xx of /api/health/ready, embedded database, min / median / max of ${ROUNDS}   (aim: first < 5 s, restart < 3 s)`,
    row('first start (new data dir)', first),
    row('restart (same data dir)', again),
    row('baseline: one-line node:http', hello),
  ];
}
