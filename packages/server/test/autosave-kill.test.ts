// No acknowledged answer is lost when the server is killed (issue 12 §6): the real server process on an
// embedded database takes autosaves from several browsers at once (each answer acknowledged only once the
// group commit holding it has committed), gets SIGKILL right after an acknowledgement, and is started
// again on the same data dir: every acknowledged answer is there, or a newer one to the same requirement
// that was in flight when the process died.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_SURVEY } from './harness.ts';
import { Browser, levelOneRequirements, registerEnterprise, startServer, TAILORED, type ServerProcess } from './server-process.ts';

const GRADES = ['FI', 'LI', 'PI', 'NI'] as const;
const WRITERS = 12;
const KILL_AFTER = 300; // acknowledgements

describe('autosave on the embedded database, killed with SIGKILL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cmmm-kill-'));
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.allSettled(servers.map((s) => s.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged answer', async () => {
    const first = await startServer({ env: { DATA_DIR: dataDir } });
    servers.push(first);
    const browser = new Browser();
    await registerEnterprise(browser, first.url);
    const created = await browser.post<{ id: string }>(first.url, '/api/self-diagnoses', { enterpriseType: 'discrete', tailored: TAILORED });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await browser.put(first.url, `/api/self-diagnoses/${id}/survey`, SAMPLE_SURVEY)).status).toBe(200);

    // Each writer owns its requirements and saves them one after another, so the last acknowledged grade of
    // a requirement is known; `inFlight` is the one sent and not yet answered when the process died.
    const acknowledged = new Map<string, string>();
    const inFlight = new Map<string, string>();
    let acks = 0;
    let killed = false;
    const writer = async (w: number) => {
      const mine = levelOneRequirements.filter((_, i) => i % WRITERS === w);
      for (let n = w; !killed; n++) {
        const requirementId = mine[n % mine.length]!;
        const grade = GRADES[(n * 7 + w) % 4]!;
        inFlight.set(requirementId, grade);
        let status: number;
        try {
          status = (await browser.put(first.url, `/api/self-diagnoses/${id}/answers/${requirementId}`, { grade })).status;
        } catch {
          return; // the connection died with the process
        }
        if (killed) return; // answered after the kill was sent: not counted either way
        expect(status).toBe(200);
        acknowledged.set(requirementId, grade);
        inFlight.delete(requirementId);
        if (++acks >= KILL_AFTER && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    expect(acks).toBeGreaterThanOrEqual(KILL_AFTER);
    await new Promise<void>((resolve) => (first.child.exitCode !== null || first.child.signalCode !== null ? resolve() : first.child.once('exit', () => resolve())));
    expect(first.child.signalCode).toBe('SIGKILL');

    // Same data dir: the dead process's lock is taken over, the session is still valid.
    const again = await startServer({ env: { DATA_DIR: dataDir } });
    servers.push(again);
    const read = await browser.get<{ answers: Record<string, string> }>(again.url, `/api/self-diagnoses/${id}`);
    expect(read.status).toBe(200);
    const lost = [...acknowledged].filter(([requirementId, grade]) => {
      const stored = read.body.answers[requirementId];
      return stored !== grade && stored !== inFlight.get(requirementId);
    });
    expect(lost).toEqual([]);
    expect(Object.keys(read.body.answers).length).toBeGreaterThanOrEqual(acknowledged.size);
  }, 240_000);
});
