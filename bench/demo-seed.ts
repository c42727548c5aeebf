// `npm run bench -- demo-seed`: the set-based demo seed at N enterprises (BENCH_ENTERPRISES, default
// 100,000) on a scratch database (BENCH_DATABASE_URL: a PostgreSQL server; else the embedded one), its
// bytes per diagnosis, then the admins' enterprise lists on it: the first page and a page halfway down
// by keyset, with the capped count, beside the OFFSET + count(*) + LIKE queries they replaced and
// `select 1`, min / median / max of 3. BENCH_SEEDED_DATABASE_URL: measure an already seeded database
// as it is (nothing seeded, nothing dropped). Not a test.
import { connectDatabase, migrateToLatest, type Database } from '@cmmm/db';
import os from 'node:os';
import { sql } from 'kysely';
import { serviceContext } from '../packages/server/src/context.ts';
import type { Actor } from '../packages/server/src/policy.ts';
import { listEnterprises } from '../packages/server/src/services/enterprises/read-enterprises.ts';
import { peerStandingOf } from '../packages/server/src/services/statistics/peer-standing.ts';
import { readCalibration } from '../packages/server/src/services/statistics/calibration.ts';
import { readCertifiedEnterprises } from '../packages/server/src/services/statistics/certified-enterprises.ts';
import { readDashboard } from '../packages/server/src/services/statistics/read-dashboard.ts';
import { readSurveyIndicators } from '../packages/server/src/services/statistics/survey-indicators.ts';
import { fullScanStanding } from '../packages/server/test/peer-reference.ts';
import { seedDemoData } from '../packages/server/src/services/platform/demo-data.ts';
import { ms, open, spread } from './peers.ts';

const PAGE = 50;
const admins: [string, Actor][] = [
  ['platform admin (all)', { id: 'bench-admin', role: 'platform_admin', enterpriseId: null, regionCode: null }],
  ['region admin 江苏 (province)', { id: 'bench-js', role: 'region_admin', enterpriseId: null, regionCode: '320000' }],
  ['region admin 昆山 (county)', { id: 'bench-ks', role: 'region_admin', enterpriseId: null, regionCode: '320583' }],
];

async function openSeeded(): Promise<{ database: Database; kind: string; close(): Promise<void> } | undefined> {
  const url = process.env.BENCH_SEEDED_DATABASE_URL;
  if (!url) return undefined;
  const database = await connectDatabase({ dataDir: os.tmpdir(), databaseUrl: url });
  return { database, kind: 'PostgreSQL, seeded before', close: () => database.close() };
}

async function timed(f: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const t = process.hrtime.bigint();
    await f();
    times.push(ms(t));
  }
  return times;
}

/** The database to measure: BENCH_SEEDED_DATABASE_URL as it is, or a scratch one seeded here (the seed's time and bytes in `lines`). */
async function seededDatabase(enterprises: number, lines: string[]) {
  const seeded = await openSeeded();
  const opened = seeded ?? (await open());
  const db = opened.database.db;
  await migrateToLatest(db);
  const ctx = serviceContext(opened.database, { info: () => {}, warn: () => {} });
  if (!seeded) {
    const t0 = process.hrtime.bigint();
    await seedDemoData(ctx, { enterprises, bulk: true, onProgress: (done) => process.stderr.write(`  seeded ${done.toLocaleString('en')} / ${enterprises.toLocaleString('en')}\n`) });
    const seconds = ms(t0) / 1000;
    lines.push(`demo seed, ${enterprises.toLocaleString('en')} enterprises (${opened.kind}): ${seconds.toFixed(1)} s, ${Math.round(enterprises / seconds)} enterprises/s`);
    await sql`vacuum analyze`.execute(db);
  }
  return { ...opened, db, ctx };
}

export async function benchDemoSeed(enterprises = Number(process.env.BENCH_ENTERPRISES ?? 100_000)): Promise<string[]> {
  const lines: string[] = [];
  const { db, ctx, close } = await seededDatabase(enterprises, lines);
  try {
    const { rows: sizes } = await sql<{ diagnoses: string; database: string; relation: string; bytes: string }>`
      select (select count(*) from assessment) as diagnoses, pg_database_size(current_database()) as database, relname as relation, pg_total_relation_size(c.oid) as bytes
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = current_schema() and c.relkind = 'r' order by pg_total_relation_size(c.oid) desc limit 8`.execute(db);
    const diagnoses = Number(sizes[0]!.diagnoses);
    const per = (bytes: string) => `${Math.round(Number(bytes) / diagnoses).toLocaleString('en')} B`;
    lines.push(`  ${diagnoses.toLocaleString('en')} diagnoses; per diagnosis: database ${per(sizes[0]!.database)}; ${sizes.map((s) => `${s.relation} ${per(s.bytes)}`).join(', ')} (tables with their indexes)`);

    lines.push(`  select 1: ${spread(await timed(() => sql`select 1`.execute(db)))}`);
    for (const [name, actor] of admins) {
      const prefix = actor.regionCode?.replace(/(00)+$/, '');
      const scope = prefix ? sql`where region_code like ${`${prefix}%`} or sub_platform_code = ${actor.regionCode}` : sql``;
      const region = prefix ? sql`where (${sql.ref(prefix.length === 2 ? 'province' : prefix.length === 4 ? 'city' : 'county')} = ${prefix} or sub_platform_code = ${actor.regionCode})` : sql``;
      // the cursor of the row halfway down this admin's list
      const { rows: counted } = await sql<{ n: string }>`select count(*) as n from enterprise ${region}`.execute(db);
      const offset = Math.floor(Number(counted[0]!.n) / 2);
      const { rows: middle } = await sql<{ key: string; id: string }>`
        select created_at::text as key, id from enterprise ${region} order by created_at desc, id desc offset ${offset} limit 1`.execute(db);
      const after = Buffer.from(`${middle[0]!.key}|${middle[0]!.id}`).toString('base64url');
      const first = await timed(() => listEnterprises(ctx, actor, { pageSize: PAGE }));
      const deepPage = await timed(() => listEnterprises(ctx, actor, { after, pageSize: PAGE }));
      const oldFirst = await timed(() => Promise.all([sql`select * from enterprise ${scope} order by created_at desc limit ${PAGE}`.execute(db), sql`select count(*) from enterprise ${scope}`.execute(db)]));
      const oldDeep = await timed(() => Promise.all([sql`select * from enterprise ${scope} order by created_at desc limit ${PAGE} offset ${offset}`.execute(db), sql`select count(*) from enterprise ${scope}`.execute(db)]));
      lines.push(
        `  ${name}, ${PAGE} a page: first page ${spread(first)} (before: OFFSET + count(*)${prefix ? ' + LIKE' : ''} ${spread(oldFirst)}); ` +
          `row ${offset.toLocaleString('en')} on: ${spread(deepPage)} (before ${spread(oldDeep)})`,
      );
    }
    return lines;
  } finally {
    await close();
  }
}

const DASHBOARD_REGIONS: [string, string | undefined][] = [['nation', undefined], ['江苏 (province)', '320000'], ['苏州 (city)', '320500'], ['昆山 (county)', '320583']];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;

/**
 * `npm run bench -- dashboard`: each region's dashboard (GET /api/dashboard: from the aggregates) beside the
 * same figures grouped from the raw rows (latest completed diagnosis per enterprise, assessment ⋈ enterprise),
 * and the result page's peer percentile (indexed counts) p95 of 20 beside the full scan it replaced, checked
 * equal; on the database of benchDemoSeed (BENCH_ENTERPRISES or BENCH_SEEDED_DATABASE_URL).
 */
export async function benchDashboard(enterprises = Number(process.env.BENCH_ENTERPRISES ?? 100_000)): Promise<string[]> {
  const lines: string[] = [];
  const { db, ctx, close } = await seededDatabase(enterprises, lines);
  try {
    const admin = admins[0]![1];
    const { rows: counted } = await sql<{ n: string }>`select count(*) as n from diagnosis_result where valid`.execute(db);
    lines.push(`dashboards, ${Number(counted[0]!.n).toLocaleString('en')} valid results; select 1: ${spread(await timed(() => sql`select 1`.execute(db)))}`);
    for (const [name, region] of DASHBOARD_REGIONS) {
      const prefix = region?.replace(/(00)+$/, '') ?? '';
      const child = Math.min(prefix.length + 2, 6);
      const raw = () =>
        sql`
          with latest as (
            select distinct on (a.enterprise_id) a.enterprise_id, a.level, a.total_score, e.region_code, e.industry_code
              from assessment a join enterprise e on e.id = a.enterprise_id
             where a.kind = 'self_diagnosis' and a.status = 'completed' and e.region_code like ${`${prefix}%`}
             order by a.enterprise_id, a.completed_at desc)
          select level, child, industry, count(*), sum(total_score)
            from (select level, total_score, left(region_code, ${child}) as child, left(industry_code, 2) as industry from latest) l
           group by grouping sets ((level), (child), (industry))`.execute(db);
      const rawMonths = () =>
        sql`select to_char(a.completed_at at time zone 'Asia/Shanghai', 'YYYYMM') as month, count(*) from assessment a join enterprise e on e.id = a.enterprise_id
             where a.kind = 'self_diagnosis' and a.status = 'completed' and e.region_code like ${`${prefix}%`} group by 1`.execute(db);
      const read = await timed(() => readDashboard(ctx, admin, { region }));
      const before = await timed(() => Promise.all([raw(), rawMonths()]));
      lines.push(`  ${name}: dashboard ${spread(read)} (from raw rows: ${spread(before)})`);
      // its indicators, each read alone: 调查问卷 (diagnosis_result_survey_idx), certified enterprises, calibration
      const indicators = [['survey', readSurveyIndicators], ['certified', readCertifiedEnterprises], ['calibration', readCalibration]] as const;
      const parts: string[] = [];
      for (const [what, read] of indicators) parts.push(`${what} ${spread(await timed(() => read(ctx, prefix)))}`);
      lines.push(`    indicators: ${parts.join(', ')}`);
    }
    const { rows } = await sql<{ assessment_id: string; enterprise_id: string; score: number; industry_major: string; province: string }>`
      select assessment_id, enterprise_id, score, industry_major, province from diagnosis_result where valid order by md5(assessment_id::text) limit 20`.execute(db);
    const indexed: number[] = [];
    const full: number[] = [];
    for (const row of rows) {
      let t = process.hrtime.bigint();
      const d = { enterpriseId: row.enterprise_id, score: row.score };
      const next = { industry: await peerStandingOf(ctx, d, 'industry_major', row.industry_major), region: await peerStandingOf(ctx, d, 'province', row.province) };
      indexed.push(ms(t));
      t = process.hrtime.bigint();
      const old = await fullScanStanding(db, row.assessment_id);
      full.push(ms(t));
      if (JSON.stringify(next) !== JSON.stringify({ industry: old.industry, region: old.region })) throw new Error(`the two computations disagree: ${JSON.stringify({ next, old })}`);
    }
    lines.push(`  peer percentile (industry and province), p95 of 20 result pages: ${p95(indexed).toFixed(1)} ms (full scan into Node: ${p95(full).toFixed(1)} ms), equal figures`);
    return lines;
  } finally {
    await close();
  }
}

/** `-- index-reports`: a 指数报告's steps on the seeded results — figures, 问题短板, text and PDF — for the nation, a province and a 行业. */
export async function benchIndexReports(enterprises = Number(process.env.BENCH_ENTERPRISES ?? 100_000)): Promise<string[]> {
  const { readIndexSums, readIndexWeakSubdomains } = await import('../packages/server/src/services/statistics/read-index-figures.ts');
  const { buildIndexReportView, renderPdf } = await import('@cmmm/report');
  const lines: string[] = [];
  const { db, ctx, close } = await seededDatabase(enterprises, lines);
  try {
    const { rows: counted } = await sql<{ n: string }>`select count(*) as n from diagnosis_result where valid`.execute(db);
    lines.push(`指数报告, ${Number(counted[0]!.n).toLocaleString('en')} valid results (min / median / max of 3 ms):`);
    const scopes: [string, { prefix: string; industry: string | null }, string][] = [
      ['全国', { prefix: '', industry: null }, '全国'],
      ['江苏 (province)', { prefix: '32', industry: null }, '江苏省'],
      ['全国 · 汽车制造业 (行业)', { prefix: '', industry: '36' }, '全国'],
      ['江苏 · 汽车制造业 (行业 in a province)', { prefix: '32', industry: '36' }, '江苏省'],
    ];
    for (const [name, scope, regionName] of scopes) {
      const figures = await timed(() => readIndexSums(ctx, scope));
      const weak = await timed(() => readIndexWeakSubdomains(ctx, scope));
      const sums = await readIndexSums(ctx, scope);
      const view = buildIndexReportView({
        kind: scope.industry ? 'industry' : scope.prefix ? 'region' : 'national',
        regionName,
        industry: scope.industry ? { code: scope.industry, name: '汽车制造业' } : null,
        figures: { ...sums.figures, weakSubdomains: await readIndexWeakSubdomains(ctx, scope) },
        meanIndex: sums.meanIndex,
        period: sums.period,
        asOf: new Date(),
      });
      const pdf = await timed(() => renderPdf(view));
      lines.push(`  ${name}: figures ${spread(figures)}, 问题短板 ${spread(weak)}, PDF ${spread(pdf)}`);
    }
    return lines;
  } finally {
    await close();
  }
}
