// A PostgreSQL restart or outage never kills the server: requests meanwhile answer 503
// DATABASE_UNAVAILABLE, liveness stays up, readiness says the database is gone, service resumes by
// itself, and no answer the server acknowledged is lost. Runs its own PostgreSQL (it restarts it).
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Grade } from '@cmmm/model';
import { describe, expect, it } from 'vitest';
import { SAMPLE_SURVEY, type Reply } from './harness.ts';
import { Browser, levelOneRequirements, registerEnterprise, startServer, TAILORED, until, type ServerProcess } from './server-process.ts';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const run = promisify(execFile);

/** A free TCP port on 127.0.0.1 (asked of the system, then released). */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A throwaway PostgreSQL 15 server, as .ci/run starts one: trust auth, a private port, the socket
 * and data in a temp dir, run as `postgres` when we are root. fsync is off (the machine does not
 * crash here), but synchronous_commit stays on: a commit PostgreSQL acknowledged must survive an
 * immediate stop, or the test would measure the settings instead of the server.
 */
async function privatePostgres() {
  if (!existsSync(join(PG_BIN, 'pg_ctl'))) throw new Error(`PostgreSQL 15 binaries are needed in ${PG_BIN} (apt-get install postgresql-15)`);
  const dir = mkdtempSync('/tmp/cmmm-pg-restart-'); // under /tmp: the postgres user must reach it
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
  const data = join(dir, 'data');
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c full_page_writes=off`;
  const pg = async (tool: string, ...args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, tool), ...args]] : [join(PG_BIN, tool), args];
    try {
      await run(file, argv, { cwd: dir, timeout: 120_000 });
    } catch (err) {
      throw new Error(`${tool} ${args.join(' ')} failed: ${(err as Error).message}`);
    }
  };
  const ctl = (action: 'start' | 'restart' | 'stop', mode: 'fast' | 'immediate' = 'fast') =>
    pg('pg_ctl', '-D', data, '-w', '-s', ...(action === 'start' ? [] : ['-m', mode]), ...(action === 'stop' ? [] : ['-l', join(dir, 'server.log'), '-o', options]), action);
  try {
    await pg('initdb', '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale');
    await ctl('start');
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => ctl('start'),
    restart: () => ctl('restart', 'fast'),
    stop: (mode: 'fast' | 'immediate') => ctl('stop', mode),
    async remove() {
      if (existsSync(join(data, 'postmaster.pid'))) await ctl('stop', 'immediate').catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const GRADES: Grade[] = ['NI', 'PI', 'LI', 'FI'];
type ErrorBody = { error?: { code?: string; message?: string } };
/** During an outage a request may succeed, or answer exactly this. */
const isOutageAnswer = (res: Reply) => res.status === 503 && (res.body as ErrorBody)?.error?.code === 'DATABASE_UNAVAILABLE' && /[\u4e00-\u9fff]/.test((res.body as ErrorBody).error!.message ?? '');

describe.runIf(process.env.TEST_DATABASE_URL)('a PostgreSQL restart and an outage under autosaves', () => {
  it('keep the server up, answer 503 meanwhile, resume by themselves, and lose no acknowledged answer', { timeout: 240_000 }, async () => {
    const postgres = await privatePostgres();
    let server: ServerProcess | undefined;
    try {
      server = await startServer({ databaseUrl: postgres.url });
      const S = server.url;

      const enterprise = new Browser();
      await registerEnterprise(enterprise, S);
      const created = await enterprise.post<{ id: string }>(S, '/api/self-diagnoses', { enterpriseType: 'discrete', tailored: TAILORED });
      expect(created.status).toBe(201);
      const id = created.body.id;
      expect((await enterprise.put(S, `/api/self-diagnoses/${id}/survey`, SAMPLE_SURVEY)).status).toBe(200);

      // Autosaves: two writers over disjoint requirements, each request waiting for the last, so
      // "the last acknowledged grade" of a requirement is well defined. A write that was not
      // acknowledged may or may not have happened: it is remembered until the next acknowledgement.
      const acknowledged = new Map<string, Grade>();
      const unacknowledged = new Map<string, Set<Grade>>();
      const unexpected: string[] = [];
      let acks = 0;
      let outageAnswers = 0;
      const written = [0, 0]; // per writer: its requirements in turn, then the next grade
      const writer = async (k: number, writing: () => boolean) => {
        const requirements = levelOneRequirements.filter((_, i) => i % 2 === k);
        while (writing()) {
          const n = written[k]!++;
          const requirementId = requirements[n % requirements.length]!;
          const grade = GRADES[Math.floor(n / requirements.length) % GRADES.length]!;
          const res = await enterprise.put(S, `/api/self-diagnoses/${id}/answers/${requirementId}`, { grade }).catch((err: Error) => err);
          if (!(res instanceof Error) && res.status === 200) {
            acknowledged.set(requirementId, grade);
            unacknowledged.delete(requirementId);
            acks += 1;
            continue;
          }
          unacknowledged.set(requirementId, (unacknowledged.get(requirementId) ?? new Set()).add(grade));
          if (!(res instanceof Error) && isOutageAnswer(res)) outageAnswers += 1;
          else unexpected.push(`PUT ${requirementId} ${grade}: ${res instanceof Error ? res.message : `${res.status} ${JSON.stringify(res.body)}`}`);
          await new Promise((resolve) => setTimeout(resolve, 20)); // back off a little, as the browser app does
        }
      };
      /** Starts both writers; the returned function stops them and waits for their last requests. */
      const startWriting = () => {
        let writing = true;
        const running = [0, 1].map((k) => writer(k, () => writing));
        return async () => {
          writing = false;
          await Promise.all(running);
        };
      };
      /** Every acknowledged grade is stored (or a grade sent after it whose answer never came). */
      const expectNothingLost = async (after: string) => {
        const stored = await until(async () => {
          const res = await enterprise.get<{ answers: Record<string, Grade> }>(S, `/api/self-diagnoses/${id}`);
          return res.status === 200 ? res.body.answers : undefined;
        }, 60_000, `reading the answers back after ${after}`);
        const lost = [...acknowledged].filter(([r, grade]) => stored[r] !== grade && !unacknowledged.get(r)?.has(stored[r]!));
        expect(lost.map(([r, grade]) => `after ${after}: ${r} acknowledged ${grade}, stored ${stored[r]}`)).toEqual([]);
      };

      // Liveness never asks the database: 200 all along.
      const monitor = new Browser();
      const liveFailures: string[] = [];
      let watching = true;
      const liveness = (async () => {
        while (watching) {
          const res = await monitor.get(S, '/api/health/live').catch((err: Error) => err);
          if (res instanceof Error || res.status !== 200) liveFailures.push(res instanceof Error ? res.message : `${res.status}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();

      const ready = () => monitor.get<{ status: string; database: string }>(S, '/api/health/ready');
      const recent = () => `${unexpected.slice(-3).join('; ')}\n${server!.output().slice(-4_000)}`;
      /** Waits for more acknowledged autosaves than now: the server serves again. */
      const servingAgain = async (what: string) => {
        const before = acks;
        await until(() => acks >= before + 10 || undefined, 90_000, () => `autosaves acknowledged again after ${what}: ${recent()}`);
      };

      let stopWriting = startWriting();
      try {
        await until(() => acknowledged.size === levelOneRequirements.length || undefined, 90_000, () => `every requirement autosaved once: ${recent()}`);

        // A restart while the autosaves go on.
        await postgres.restart();
        await servingAgain('pg_ctl restart -m fast');
        expect((await ready()).status).toBe(200);
        await stopWriting();
        await expectNothingLost('pg_ctl restart -m fast');

        // A crash (immediate stop) while the autosaves go on; about 2 s without a database.
        stopWriting = startWriting();
        await servingAgain('resuming the autosaves');
        await postgres.stop('immediate');
        const down = Date.now();
        const notReady = await until(async () => {
          const res = await ready();
          return res.status === 503 ? res : undefined;
        }, 30_000, 'readiness 503 with the database stopped');
        expect(notReady.body).toMatchObject({ status: 'not_ready', database: 'unavailable' });
        const answersBefore = outageAnswers;
        await until(() => outageAnswers > answersBefore || undefined, 30_000, () => `autosaves answering 503 during the outage: ${recent()}`);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, 2_000 - (Date.now() - down)))); // the outage's length, not a wait for a condition
        await stopWriting();
        expect((await ready()).status).toBe(503);
        await postgres.start();
        await until(async () => ((await ready()).status === 200) || undefined, 60_000, 'readiness 200 once the database is back');
        await expectNothingLost('pg_ctl stop -m immediate'); // before any new write could cover a loss

        // Service resumes by itself: every requirement's last write acknowledged, and stored.
        stopWriting = startWriting();
        await servingAgain('the outage');
        await until(() => unacknowledged.size === 0 || undefined, 90_000, () => `every requirement's last autosave acknowledged: ${recent()}`);
        await stopWriting();
        await expectNothingLost('the outage, with every last write acknowledged');
        expect(unacknowledged.size).toBe(0);
      } finally {
        watching = false;
        await Promise.all([stopWriting(), liveness]);
      }

      expect(server.child.exitCode, server.output()).toBeNull();
      expect(unexpected, server.output()).toEqual([]);
      expect(liveFailures).toEqual([]);
      expect(outageAnswers).toBeGreaterThan(0);
      expect(await server.stop(), server.output()).toBe(0);
    } finally {
      await server?.stop().catch(() => {});
      await postgres.remove();
    }
  });
});
