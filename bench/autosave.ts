// Autosave throughput: the real server (embedded database) driven over loopback by autocannon at
// 50 connections, beside two baselines measured in the same run: the same answer upsert issued
// straight to the database, and a hello-world route of the same server. Bounded in time.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase, migrateToLatest } from '@cmmm/db';
import { creditCodeCheckCharacter } from '@cmmm/reference';
import autocannon from 'autocannon';
import { cookieClient } from './cookie-client.ts';

const CONNECTIONS = 50;
const requirementIds = ['P1-1.1.L1', 'P1-1.2.L1', 'P1-1.3.L1', 'T1-1.1.L1', 'T1-1.2.L1', 'R1-1.1.L1', 'M2-1.1.L1', 'M2-3.2.L1', 'G1-1.1.L1', 'G1-2.3.L1'];
const grades = ['FI', 'LI', 'PI', 'NI'];

/**
 * The autosave statement, straight to the database: the most an HTTP layer can approach. One database,
 * warmed up for a second first (page cache, plan, JIT), then measured in rounds: `round(seconds)` gives
 * upserts per second.
 */
async function directUpserts(): Promise<{ round(seconds: number): Promise<number>; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'cmmm-bench-db-'));
  const database = await connectDatabase({ dataDir: dir });
  await migrateToLatest(database.db);
  const { db } = database;
  // A plain upsert of one answer: what one autosave would cost written on its own, without any check.
  const { upsertAnswers } = await import('../packages/server/src/repositories/self-diagnoses.ts');
  await db.insertInto('enterprise').values({ id: '00000000-0000-4000-8000-000000000001', name: 'bench', credit_code: 'X', organisation_type: 'independent', industry_code: '351', region_code: '320583', enterprise_type: 'discrete', contact_name: 'b', contact_mobile: '13900000000', parent_name: null, sub_platform_code: null }).execute();
  await db.insertInto('assessment').values({ id: '00000000-0000-4000-8000-000000000002', enterprise_id: '00000000-0000-4000-8000-000000000001', kind: 'self_diagnosis', edition_id: 'db12-t1073-2021', enterprise_type: 'discrete', tailored: '[]', status: 'answering', current_level: 1 }).execute();
  const round = async (seconds: number) => {
    let done = 0;
    const started = performance.now();
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, worker) => {
        for (let i = worker; Date.now() < until; i += CONNECTIONS) {
          await upsertAnswers(db, '00000000-0000-4000-8000-000000000002', [{ requirementId: requirementIds[i % requirementIds.length]!, grade: grades[i % 4]! as 'FI' }], new Date());
          done++;
        }
      }),
    );
    return done / ((performance.now() - started) / 1000);
  };
  await round(1); // warm-up, not counted
  return {
    round,
    async close() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startServer(dataDir: string) {
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []), 'packages/server/bin/cmmm-server.js'], { env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /http:\/\/[^\s]+\//.exec(out);
      if (m) resolve(m[0].replace(/\/$/, ''));
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { child, url };
}

/** Registers an enterprise, starts a self-diagnosis and saves its survey; returns the cookies. */
async function prepare(url: string): Promise<{ headers: Record<string, string>; id: string }> {
  const client = cookieClient(url);
  const call = client.call;
  await call('GET', '/api/session');
  const first17 = '91320583BENCH0001'.replace(/[IOSVZ]/g, 'X');
  await call('POST', '/api/auth/register', {
    account: { username: 'bench-user', password: 'Bench12345', mobile: '13900000001' },
    enterprise: { name: '基准测试企业', creditCode: first17 + creditCodeCheckCharacter(first17), organisationType: 'independent', industryCode: '351', regionCode: '320583', enterpriseType: 'discrete', contactName: '测试', contactMobile: '13900000001' },
  });
  const created = await call('POST', '/api/self-diagnoses', { enterpriseType: 'discrete', tailored: [] });
  const id = created.id as string;
  await call('PUT', `/api/self-diagnoses/${id}/survey`, { employees: 100, revenueBand: 'lt300', mainProducts: '零件', productionMode: 'mass', informationSystems: [], networkedEquipmentShare: 10, ncEquipmentShare: 10 });
  return { headers: { ...client.headers(), 'content-type': 'application/json' }, id };
}

function load(url: string, seconds: number, request: autocannon.Request): Promise<autocannon.Result> {
  let n = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    maxOverallRequests: 100_000, // a bound on the count as well as the time
    requests: [{ ...request, setupRequest: (req) => ({ ...req, ...(request.method === 'PUT' ? { path: `${request.path}/${requirementIds[n % requirementIds.length]}`, body: JSON.stringify({ grade: grades[n++ % 4] }) } : {}) }) }],
  });
}

const ROUNDS = 3;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
const spread = (xs: number[], width = 7) => [Math.min(...xs), median(xs), Math.max(...xs)].map((x) => fmt(x).padStart(width)).join(' ');

export async function benchAutosave(seconds = 5): Promise<string[]> {
  const debug = (m: string) => process.env.BENCH_DEBUG && console.error(m);
  const loadBefore = loadavg()[0]!;
  const direct = await directUpserts();
  const dataDir = mkdtempSync(join(tmpdir(), 'cmmm-bench-server-'));
  const { child, url } = await startServer(dataDir);
  const rounds = { direct: [] as number[], hello: [] as number[], helloP99: [] as number[], autosave: [] as number[], p99: [] as number[], ratio: [] as number[], failed: 0 };
  try {
    debug(`server ${url}`);
    const { headers, id } = await prepare(url);
    debug(`prepared ${id}`);
    await load(url, 1, { method: 'PUT', path: `/api/self-diagnoses/${id}/answers`, headers }); // warm-up, not counted
    // Rounds interleave the three, so that each autosave round has a baseline from the same minute.
    for (let r = 0; r < ROUNDS; r++) {
      const upserts = await direct.round(Math.max(2, seconds / 2));
      const hello = await load(url, seconds, { method: 'GET', path: '/api/ping' });
      const autosave = await load(url, seconds, { method: 'PUT', path: `/api/self-diagnoses/${id}/answers`, headers });
      debug(`round ${r}: direct ${upserts} hello ${hello.requests.average} autosave ${autosave.requests.average} p99 ${autosave.latency.p99}`);
      rounds.direct.push(upserts);
      rounds.hello.push(hello.requests.average);
      rounds.helloP99.push(hello.latency.p99);
      rounds.autosave.push(autosave.requests.average);
      rounds.p99.push(autosave.latency.p99);
      rounds.ratio.push((autosave.requests.average / upserts) * 100);
      rounds.failed += autosave.non2xx + autosave.errors;
    }
    return [
      `autosave: PUT /api/self-diagnoses/:id/answers/:requirementId, embedded database, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${seconds} s, loopback; min / median / max; load ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
      `  autosave over HTTP             ${spread(rounds.autosave)} req/s      p99 ${spread(rounds.p99, 4)} ms   (${rounds.failed} non-2xx)`,
      `  baseline: direct DB upsert     ${spread(rounds.direct)} upserts/s  (warmed up, same rounds)`,
      `  baseline: hello-world route    ${spread(rounds.hello)} req/s      p99 ${spread(rounds.helloP99, 4)} ms`,
      `  autosave / direct, per round   ${spread(rounds.ratio, 4)} %   (aim: ≥ 1,000 req/s, p99 < 50 ms, ≥ 60% of direct)`,
    ];
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    rmSync(dataDir, { recursive: true, force: true });
    await direct.close();
  }
}
