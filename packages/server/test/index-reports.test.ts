// 指数报告 (issue 11 §3): 全国, 区域 and 行业 reports generated as jobs kept in the database — status and
// progress from the row, the PDF once done — with the dashboard's figures (k ≥ 5) and its rule on who
// reads which region: a region admin its own region and below, never the nation or a neighbour.
import type { IndexReportJob } from '@cmmm/contract';
import { assess, DEFAULT_EDITION_ID, editionIndex, requireEdition, type Grade, type ScoreResult } from '@cmmm/model';
import { writeFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import * as leaseMigration from '../../db/migrations/20261203103000-index-report-lease.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './harness.ts';
import { readDashboard } from '../src/services/statistics/read-dashboard.ts';
import { readIndexSums, readIndexWeakSubdomains } from '../src/services/statistics/read-index-figures.ts';
import type { Database } from '@cmmm/db';
import { serviceContext, type ServiceContext } from '../src/context.ts';
import { LEASE_MS, leaseOf } from '../src/services/index-reports/generate-index-report.ts';
import { handOverIndexReports, INDEX_REPORT_ATTEMPTS, takeOverIndexReports } from '../src/services/index-reports/take-over-index-reports.ts';
import { INDEX_REPORT_DAYS, removeExpiredState } from '../src/services/platform/remove-expired-state.ts';
import type { Actor } from '../src/policy.ts';
import { adminClient, insertEnterpriseRow, staffClient, storeCompletedDiagnosis, testDatabases, usePlatform } from './harness.ts';
import { until } from './server-process.ts';

const edition = requireEdition(DEFAULT_EDITION_ID);
const PLATFORM_ADMIN: Actor = { id: 'platform-admin', role: 'platform_admin', enterpriseId: null, regionCode: null };

function resultFor(target: number): ScoreResult {
  const answers: Record<string, Grade> = {};
  editionIndex(edition).requirements.forEach(({ requirement: r, level }, i) => {
    answers[r.id] = level <= target ? (i % 3 ? 'FI' : 'LI') : i % 3 ? 'PI' : 'NI';
  });
  const scored = assess({ enterpriseType: 'discrete', tailored: [], answers });
  if (!scored.ok) throw new Error(scored.issues[0]!.message);
  return scored.value;
}

const POOL = [resultFor(0), resultFor(1), resultFor(1), resultFor(2), resultFor(3)];
/** 昆山 8 (汽车 6), 吴中 6 (汽车 3), 海淀 3: 汽车制造业 (36) has 9 enterprises, 6 of them in 昆山. */
const ENTERPRISES = [
  ...Array.from({ length: 8 }, (_, i) => ({ regionCode: '320583', industryCode: i < 6 ? '361' : '391' })),
  ...Array.from({ length: 6 }, (_, i) => ({ regionCode: '320506', industryCode: i < 3 ? '367' : '391' })),
  ...Array.from({ length: 3 }, () => ({ regionCode: '110108', industryCode: '391' })),
];
const START = Date.parse('2026-01-05T00:00:00Z');
const quiet = { info: () => {}, warn: () => {} };

describe.each(testDatabases)('指数报告 on the $name database', ({ open }) => {
  const p = usePlatform(open);
  let admin: Client;

  beforeAll(async () => {
    await sql`delete from enterprise`.execute(p.db);
    await sql`delete from diagnosis_aggregate`.execute(p.db);
    for (const [i, e] of ENTERPRISES.entries()) {
      const id = await insertEnterpriseRow(p.ctx, { name: `指数报告测试企业${i}`, ...e });
      // January to March
      await storeCompletedDiagnosis(p.ctx, id, POOL[i % POOL.length]!, new Date(START + (i % 3) * 31 * 86_400_000));
    }
    admin = await adminClient(p);
  });

  async function generated(client: Client, body: object): Promise<IndexReportJob> {
    const started = await client.post<IndexReportJob>('/api/index-reports', body);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', done: 0, steps: 4 });
    const seen = new Set<number>();
    const job = await until(
      async () => {
        const { body: j } = await client.get<IndexReportJob>(`/api/index-reports/${started.body.id}`);
        seen.add(j.done);
        return j.status === 'running' ? undefined : j;
      },
      120_000,
      'the index report generated',
    );
    expect(job).toMatchObject({ status: 'done', done: 4, step: null, error: null });
    expect([...seen].every((d) => d >= 0 && d <= 4)).toBe(true);
    return job;
  }

  async function pdfOf(client: Client, id: string): Promise<Uint8Array> {
    const res = await client.get<Uint8Array>(`/api/index-reports/${id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(res.body.subarray(0, 5)).toString()).toBe('%PDF-');
    return res.body;
  }

  it('generates the national report: running, then done with its four steps, and the PDF', async () => {
    const job = await generated(admin, { kind: 'national' });
    expect(job).toMatchObject({ kind: 'national', scope: '全国', region: null, industry: null, fileName: 'ZS-national-CN' });
    const pdf = await pdfOf(admin, job.id);
    if (process.env.INDEX_REPORT_PDF) writeFileSync(process.env.INDEX_REPORT_PDF, pdf);
    // an audit event for the report made
    const trail = await admin.get<{ events: { action: string; subjectId: string }[] }>('/api/admin/audit-events?subjectType=index_report&limit=5');
    expect(trail.body.events.map((e) => [e.action, e.subjectId])).toContainEqual(['index_report.generated', job.id]);
  }, 180_000);

  it('generates a region report and an industry report, with the dashboard\'s figures', async () => {
    const region = await generated(admin, { kind: 'region', region: '320500' });
    expect(region).toMatchObject({ scope: '苏州市', region: '320500' });
    await pdfOf(admin, region.id);
    const sums = await readIndexSums(p.ctx, { prefix: '3205', industry: null });
    const dashboard = await readDashboard(p.ctx, PLATFORM_ADMIN, { region: '320500' });
    // the report leaves out the dashboard's survey, certified and calibration sections, and its map
    expect({ ...sums.figures, weakSubdomains: dashboard.weakSubdomains, path: dashboard.path, survey: dashboard.survey, certified: dashboard.certified, calibration: dashboard.calibration, regionMap: dashboard.regionMap }).toEqual(dashboard);
    expect(sums.period).toEqual({ first: 202601, last: 202603 });

    const industry = await generated(admin, { kind: 'industry', industry: '36' });
    expect(industry).toMatchObject({ scope: '全国 · 汽车制造业', industry: '36', region: null });
    await pdfOf(admin, industry.id);
  }, 300_000);

  it('sums one major class from the aggregates, and from the results where no cells are kept, alike', async () => {
    // 汽车制造业: 9 enterprises, all in 苏州 (江苏): nation, province (cells) and city (results) agree
    const nation = await readIndexSums(p.ctx, { prefix: '', industry: '36' });
    const province = await readIndexSums(p.ctx, { prefix: '32', industry: '36' });
    const city = await readIndexSums(p.ctx, { prefix: '3205', industry: '36' });
    for (const s of [nation, province, city]) {
      expect(s.figures.enterprises).toEqual({ value: 9, suppressed: false });
      expect(s.figures.levels.map((l) => l.enterprises.value)).toEqual(nation.figures.levels.map((l) => l.enterprises.value));
      expect(s.meanIndex).toBe(nation.meanIndex);
    }
    expect(nation.figures.regions.rows.map((r) => [r.code, r.enterprises.value])).toEqual([['320000', 9]]);
    // 昆山 6 and 吴中 3: one child below 5 hides the smallest shown one too
    expect(city.figures.regions.rows.map((r) => [r.code, r.enterprises.value])).toEqual([['320506', null], ['320583', null]]);
    // middle classes 361 (6) and 367 (3): the 3 are suppressed, and the 6 with them (9 − 6 would give the 3 away)
    expect(nation.figures.industries.top).toEqual([]);
    expect(nation.figures.industries.suppressed).toBe(2);
    expect(nation.figures.months).toEqual([]);
    // the valid results' months
    expect(nation.period).toEqual({ first: 202601, last: 202603 });
    // 问题短板 of the class alone: its group among the nation's
    const weak = await readIndexWeakSubdomains(p.ctx, { prefix: '', industry: '36' });
    const group = (await readDashboard(p.ctx, PLATFORM_ADMIN, {})).weakSubdomains.byIndustry.find((g) => g.code === '36')!;
    expect(weak.enterprises).toEqual({ value: group.enterprises, suppressed: false });
    expect(weak.top[0]).toEqual(group.weakest);
    expect(weak.byIndustry).toEqual([]);
    // a county's levels from its results: 昆山 has 6 of them
    const kunshan = await readIndexSums(p.ctx, { prefix: '320583', industry: '36' });
    expect(kunshan.figures.enterprises).toEqual({ value: 6, suppressed: false });
    // 北京 has 3 enterprises: nothing published, no period, no index
    const beijing = await readIndexSums(p.ctx, { prefix: '11', industry: null });
    expect(beijing.figures.enterprises).toEqual({ value: null, suppressed: true });
    expect(beijing.meanIndex).toBeNull();
    expect(beijing.period).toBeNull();
  });

  it('lets a region admin make reports of its own region only, and read no other report', async () => {
    const national = await generated(admin, { kind: 'national' });
    const { client: kunshan } = await staffClient(p, 'region_admin', '320583');
    expect((await kunshan.post('/api/index-reports', { kind: 'national' })).body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await kunshan.post('/api/index-reports', { kind: 'region', region: '320500' })).status).toBe(403);
    expect((await kunshan.post('/api/index-reports', { kind: 'industry', industry: '36', region: '110000' })).status).toBe(403);
    // 行业 without a region: its own region
    const own = await generated(kunshan, { kind: 'industry', industry: '36' });
    expect(own).toMatchObject({ region: '320583', scope: '昆山市 · 汽车制造业' });
    await pdfOf(kunshan, own.id);
    for (const path of [`/api/index-reports/${national.id}`, `/api/index-reports/${national.id}/pdf`]) {
      expect((await kunshan.get(path)).body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  }, 300_000);

  /** A job as a server that died left it: held by that server, its lease running out at `leaseUntil`. */
  async function leftByDeadServer(leaseUntil: Date, attempts = 1): Promise<string> {
    const session = await admin.get<{ account: { id: string } }>('/api/session');
    const id = crypto.randomUUID();
    const at = new Date(p.clock.now.getTime() - 60_000);
    await p.db
      .insertInto('index_report')
      .values({ id, kind: 'national', region: '', industry: null, scope: '全国', requested_by: session.body.account.id, status: 'running', done_steps: 0, step: 'figures', created_at: at, updated_at: at, claimed_by: `dead-server-${id}`, lease_until: leaseUntil, attempts })
      .execute();
    return id;
  }

  /** Another server on the same database, counting the PDFs it renders. */
  function anotherServer(): { ctx: ServiceContext; rendered: () => number } {
    let rendered = 0;
    const database: Database = { db: p.db, kind: p.ctx.concurrentDb ? 'postgres' : 'embedded', close: async () => {} };
    const reports = { render: (view: Parameters<ServiceContext['reports']['render']>[0]) => ((rendered += 1), p.ctx.reports.render(view)) };
    return { ctx: serviceContext(database, quiet, { now: () => p.clock.now, reports }), rendered: () => rendered };
  }

  const attemptsOf = async (id: string) => (await p.db.selectFrom('index_report').select('attempts').where('id', '=', id).executeTakeFirstOrThrow()).attempts;

  it('keeps a job running while its server holds it, one running job per account; housekeeping removes old reports', async () => {
    const id = await leftByDeadServer(new Date(p.clock.now.getTime() + LEASE_MS));
    expect((await admin.get<IndexReportJob>(`/api/index-reports/${id}`)).body).toMatchObject({ status: 'running', done: 0, step: 'figures' });
    expect((await admin.get(`/api/index-reports/${id}/pdf`)).body).toMatchObject({ error: { code: 'INDEX_REPORT_NOT_READY' } });
    // one at a time per account
    expect((await admin.post('/api/index-reports', { kind: 'national' })).body).toMatchObject({ error: { code: 'INDEX_REPORT_RUNNING' } });
    // no server takes a job whose lease still runs, and time alone does not fail it (it waits to be taken over)
    expect((await takeOverIndexReports(anotherServer().ctx)).taken).toEqual([]);
    p.clock.advance(86_400_000);
    expect((await admin.get<IndexReportJob>(`/api/index-reports/${id}`)).body).toMatchObject({ status: 'running', step: 'figures' });
    p.clock.advance(INDEX_REPORT_DAYS * 86_400_000);
    await removeExpiredState(p.ctx);
    expect(await p.ctx.repos.indexReports.findIndexReport(id)).toBeUndefined();
    admin = await adminClient(p); // the session ran out with the month
  });

  it('takes over a job whose server died once its lease has run out, and generates it from the first step', async () => {
    const id = await leftByDeadServer(new Date(p.clock.now.getTime() + 60_000));
    const other = anotherServer();
    expect((await takeOverIndexReports(other.ctx)).taken).toEqual([]);
    p.clock.advance(60_001);
    const run = takeOverIndexReports(other.ctx);
    const job = await until(
      async () => {
        const { body: j } = await admin.get<IndexReportJob>(`/api/index-reports/${id}`);
        return j.status === 'running' ? undefined : j;
      },
      120_000,
      'the job taken over and generated',
    );
    expect(job).toMatchObject({ status: 'done', done: 4, step: null, error: null, fileName: 'ZS-national-CN' });
    await pdfOf(admin, id);
    expect(await run).toEqual({ taken: [id], abandoned: [] });
    expect(other.rendered()).toBe(1);
    expect(await attemptsOf(id)).toBe(2);
    const trail = await admin.get<{ events: { action: string; subjectId: string; actorRole: string | null }[] }>('/api/admin/audit-events?subjectType=index_report&limit=5');
    expect(trail.body.events.find((e) => e.subjectId === id)).toMatchObject({ action: 'index_report.generated', actorRole: 'platform_admin' });
  }, 180_000);

  it('generates each job once when several servers look for jobs at the same moment', async () => {
    // the claim itself: eight servers race for one job, one gets it
    const raced = await leftByDeadServer(new Date(p.clock.now.getTime() - 1000));
    const racers = Array.from({ length: 8 }, () => anotherServer().ctx);
    const claims = await Promise.all(racers.map((c) => c.repos.indexReports.claimIndexReport(leaseOf(c), INDEX_REPORT_ATTEMPTS, c.now())));
    expect(claims.filter((c) => c !== undefined).map((c) => c!.id)).toEqual([raced]);
    expect((await p.db.selectFrom('index_report').select('claimed_by').where('id', '=', raced).executeTakeFirstOrThrow()).claimed_by).toBe(racers[claims.findIndex((c) => c)]!.serverId);
    // the whole task: three servers, that job (its lease run out too) and three more
    p.clock.advance(LEASE_MS + 1000);
    const ids = [raced, ...(await Promise.all([1, 2, 3].map(() => leftByDeadServer(new Date(p.clock.now.getTime() - 1000)))))];
    const servers = [anotherServer(), anotherServer(), anotherServer()];
    const runs = await Promise.all(servers.map((s) => takeOverIndexReports(s.ctx)));
    expect(runs.flatMap((r) => r.taken).sort()).toEqual([...ids].sort());
    expect(servers.reduce((n, s) => n + s.rendered(), 0)).toBe(ids.length);
    for (const id of ids) expect((await p.ctx.repos.indexReports.findIndexReport(id))?.status).toBe('done');
  }, 300_000);

  it('fails a job taken over too often with INDEX_REPORT_ABANDONED, rendering nothing', async () => {
    const id = await leftByDeadServer(new Date(p.clock.now.getTime() - 1000));
    // two more servers take it and die in turn
    for (const attempt of [2, 3]) {
      const dying = anotherServer().ctx;
      expect((await dying.repos.indexReports.claimIndexReport(leaseOf(dying), INDEX_REPORT_ATTEMPTS, dying.now()))?.id).toBe(id);
      expect(await attemptsOf(id)).toBe(attempt);
      p.clock.advance(LEASE_MS + 1000);
    }
    const other = anotherServer();
    expect(await takeOverIndexReports(other.ctx)).toEqual({ taken: [], abandoned: [id] });
    expect(other.rendered()).toBe(0);
    expect((await admin.get<IndexReportJob>(`/api/index-reports/${id}`)).body).toMatchObject({ status: 'failed', step: null, error: 'INDEX_REPORT_ABANDONED' });
    expect(INDEX_REPORT_ATTEMPTS).toBe(3);
  });

  it('hands a shutting-down server\'s jobs over at once, without counting an attempt', async () => {
    const leaving = anotherServer().ctx;
    const session = await admin.get<{ account: { id: string } }>('/api/session');
    const id = crypto.randomUUID();
    await leaving.repos.indexReports.insertIndexReport({ id, kind: 'national', region: '', industry: null, scope: '全国', requestedBy: session.body.account.id, at: leaving.now() }, leaseOf(leaving));
    expect(await handOverIndexReports(leaving)).toBe(1);
    // what the leaving server would still write changes nothing
    expect(await leaving.repos.indexReports.recordIndexReportStep(id, leaseOf(leaving), 'text', 2, leaving.now())).toBe(false);
    const other = anotherServer();
    expect((await takeOverIndexReports(other.ctx)).taken).toEqual([id]);
    expect(await attemptsOf(id)).toBe(1);
    expect((await admin.get<IndexReportJob>(`/api/index-reports/${id}`)).body).toMatchObject({ status: 'done', done: 4 });
  }, 180_000);

  it('the lease migration keeps what the old rule showed as failed, and leaves the younger running jobs to be taken over', async () => {
    const session = await admin.get<{ account: { id: string } }>('/api/session');
    const db = p.db as unknown as Kysely<unknown>;
    await leaseMigration.down(db);
    const row = (id: string, minutesAgo: number) => {
      const at = new Date(Date.now() - minutesAgo * 60_000); // the migration reads the database's clock
      return { id, kind: 'national', region: '', industry: null, scope: '全国', requested_by: session.body.account.id, status: 'running', done_steps: 1, step: 'weakSubdomains', created_at: at, updated_at: at } as const;
    };
    const [old, young] = [crypto.randomUUID(), crypto.randomUUID()];
    await p.db.insertInto('index_report').values([row(old, 11), row(young, 1)]).execute();
    await leaseMigration.up(db);
    const rows = await p.db.selectFrom('index_report').select(['id', 'status', 'error', 'step', 'claimed_by', 'lease_until', 'attempts']).where('id', 'in', [old, young]).execute();
    expect(rows.find((r) => r.id === old)).toMatchObject({ status: 'failed', error: 'INDEX_REPORT_FAILED', step: null });
    expect(rows.find((r) => r.id === young)).toMatchObject({ status: 'running', claimed_by: null, lease_until: null, attempts: 0 });
    expect(await takeOverIndexReports(p.ctx)).toEqual({ taken: [young], abandoned: [] });
    expect((await admin.get<IndexReportJob>(`/api/index-reports/${young}`)).body).toMatchObject({ status: 'done', done: 4 });
  }, 180_000);

  it('refuses an incomplete or unknown scope with a stable code and a Chinese message', async () => {
    const cases: [object, string, string][] = [
      [{ kind: 'region' }, 'INDEX_REPORT_SCOPE', 'region'],
      [{ kind: 'industry' }, 'INDEX_REPORT_SCOPE', 'industry'],
      [{ kind: 'national', industry: '36' }, 'INDEX_REPORT_SCOPE', 'industry'],
      [{ kind: 'industry', industry: '99' }, 'UNKNOWN_INDUSTRY_MAJOR', 'industry'],
      [{ kind: 'region', region: '329999' }, 'UNKNOWN_REGION', 'region'],
      [{ kind: 'industry', industry: '3' }, 'VALIDATION', 'industry'],
    ];
    for (const [body, code, path] of cases) {
      const res = await admin.post<{ error: { code: string; message: string; issues: { path: string; message: string }[] } }>('/api/index-reports', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.issues.map((i) => i.path)).toContain(path);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
