// The result page's peer percentile at N enterprises (BENCH_ENTERPRISES, default 100,000): from the
// read side's indexed counts, beside the full scan it replaced (every peer's latest score loaded into
// Node), both on the same data in the same run. On a PostgreSQL server when BENCH_DATABASE_URL is set
// (a scratch database is created there and dropped), else on the embedded database. Also prints the
// read side's bytes per diagnosis. Data is written set-based (generate_series) with seed 002's level
// distribution over every manufacturing middle class and county. Not a test.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connectDatabase, migrateToLatest, type Database } from '@cmmm/db';
import { industries, regionTree, type RegionNode } from '@cmmm/reference';
import { sql } from 'kysely';
import pg from 'pg';
import { serviceContext } from '../packages/server/src/context.ts';
import { peerStandingOf } from '../packages/server/src/services/statistics/peer-standing.ts';
import { fullScanStanding } from '../packages/server/test/peer-reference.ts';

export const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
export const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
export const spread = (xs: number[]) => `${sorted(xs).map((x) => x.toFixed(1)).join(' / ')} ms`;

export async function open(): Promise<{ database: Database; kind: string; close(): Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cmmm-bench-peers-'));
    const database = await connectDatabase({ dataDir: dir });
    return { database, kind: 'embedded', close: async () => { await database.close(); await rm(dir, { recursive: true, force: true }); } };
  }
  const name = `cmmm_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try { await client.query(statement); } finally { await client.end(); }
  };
  await admin(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await connectDatabase({ dataDir: os.tmpdir(), databaseUrl: target.href });
  return { database, kind: 'PostgreSQL', close: async () => { await database.close(); await admin(`drop database if exists ${name} with (force)`); } };
}

const counties = (nodes: readonly RegionNode[]): string[] => nodes.flatMap((n) => (n.children.length ? counties(n.children) : n.level === 'province' ? [] : [n.code]));

/** N enterprises, 1–3 completed self-diagnoses each (about 1.3), and their read side, all set-based. */
async function seed(db: Database['db'], n: number): Promise<void> {
  const middle = industries.flatMap((m) => m.middles.map((x) => x.code));
  const county = counties(regionTree);
  // a few industries and regions hold most enterprises, as on the real platform: index = floor(len × u²)
  await sql`
    insert into enterprise (id, name, credit_code, organisation_type, industry_code, region_code, enterprise_type, contact_name, contact_mobile, is_demo, created_at)
    select gen_random_uuid(), '基准企业' || g, 'BENCH' || lpad(g::text, 13, '0'), 'independent',
           (${middle}::text[])[1 + floor(${middle.length} * random() ^ 2)::int],
           (${county}::text[])[1 + floor(${county.length} * random() ^ 2)::int],
           case when random() < 0.3 then 'process' else 'discrete' end, '基准', '13800000000', true,
           timestamptz '2024-01-01' + random() * interval '700 days'
      from generate_series(1, ${n}) as g`.execute(db);
  // seed 002: 一级及以下 69% (24% below 一级), 二级 15%, 三级 7%, 四级 6%, 五级 3%; S on a grid of 1/600, so scores tie
  await sql`
    insert into assessment (id, enterprise_id, kind, edition_id, enterprise_type, status, current_level, level, total_score, is_demo, created_at, completed_at)
    select gen_random_uuid(), e.id, 'self_diagnosis', 'db12-t1073-2021', e.enterprise_type, 'completed', greatest(1, least(5, x.level + 1)), x.level,
           x.s::float8, true, e.created_at + k * interval '40 days', e.created_at + k * interval '40 days' + interval '2 hours'
      from enterprise e
      cross join lateral generate_series(0, case when random() + 0 * length(e.name) < 0.75 then 0 when random() < 0.8 then 1 else 2 end) as k
      cross join lateral (select case when u < 0.24 then 0 when u < 0.69 then 1 when u < 0.84 then 2 when u < 0.91 then 3 when u < 0.97 then 4 else 5 end as level, v
                            from (select random() + 0 * k as u, random() as v) r) l
      cross join lateral (select l.level,
                                 round((case when l.level = 0 then 0.8 * l.v when l.level = 5 then 4.8 + 0.2 * l.v else l.level - 0.2 + l.v * 0.999 end)::numeric * 600) / 600 as s) x`.execute(db);
  await sql`
    insert into diagnosis_result (assessment_id, enterprise_id, completed_at, month, level, score, score_e9, province, city, county, industry_major, industry_code, enterprise_type, valid)
    select a.id, a.enterprise_id, a.completed_at, to_char(a.completed_at at time zone 'Asia/Shanghai', 'YYYYMM')::int, a.level, a.total_score,
           round(a.total_score::numeric * 1000000000), left(e.region_code, 2), left(e.region_code, 4), e.region_code, left(e.industry_code, 2), e.industry_code,
           a.enterprise_type, row_number() over (partition by a.enterprise_id order by a.completed_at desc) = 1
      from assessment a join enterprise e on e.id = a.enterprise_id`.execute(db);
  await sql`
    insert into diagnosis_node_scores (assessment_id, scores)
    select d.assessment_id, array(select (random() * 10000)::smallint from generate_series(1, 41 * least(5, d.level + 1)) where d.level >= 0)
      from diagnosis_result d`.execute(db);
  await sql`vacuum analyze`.execute(db); // as autovacuum would after a bulk load: the visibility map lets counts read the index alone
}

export async function benchPeers(enterprises = Number(process.env.BENCH_ENTERPRISES ?? 100_000)): Promise<string[]> {
  const { database, kind, close } = await open();
  try {
    const db = database.db;
    await migrateToLatest(db);
    const t0 = process.hrtime.bigint();
    await seed(db, enterprises);
    const seedMs = ms(t0);
    const ctx = serviceContext(database, { info: () => {}, warn: () => {} });
    await ctx.transaction((tx) => tx.repos.diagnosisResults.rebuildAggregates());
    const { rows } = await sql<{ assessment_id: string; enterprise_id: string; score: number; industry_major: string; province: string }>`
      select assessment_id, enterprise_id, score, industry_major, province from diagnosis_result order by md5(assessment_id::text) limit 20`.execute(db);
    const sample = rows.map((r) => r.assessment_id);
    const pages = new Map(rows.map((r) => [r.assessment_id, r]));
    const newStanding = async (id: string) => {
      const row = pages.get(id)!;
      const d = { enterpriseId: row.enterprise_id, score: row.score };
      return { industry: await peerStandingOf(ctx, d, 'industry_major', row.industry_major), region: await peerStandingOf(ctx, d, 'province', row.province) };
    };
    const oldStanding = async (id: string) => {
      const { industry, region } = await fullScanStanding(db, id);
      return { industry, region };
    };
    for (const id of sample) {
      const [a, b] = [await newStanding(id), await oldStanding(id)];
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`the two computations disagree: ${JSON.stringify({ a, b })}`);
    }
    const runs = { next: [] as number[], old: [] as number[] };
    for (let run = 0; run < 3; run++) {
      for (const [name, f] of [['next', newStanding], ['old', oldStanding]] as const) {
        const times: number[] = [];
        for (const id of sample) {
          const t = process.hrtime.bigint();
          await f(id);
          times.push(ms(t));
        }
        runs[name].push(median(times));
      }
    }
    const { rows: counts } = await sql<{ results: string; aggregates: string }>`select (select count(*) from diagnosis_result) as results, (select count(*) from diagnosis_aggregate) as aggregates`.execute(db);
    const { rows: sizes } = await sql<{ relation: string; bytes: string }>`
      select relname as relation, pg_total_relation_size(oid) as bytes from pg_class
       where relname in ('diagnosis_result', 'diagnosis_node_scores', 'diagnosis_aggregate', 'assessment', 'assessment_answer') and relkind = 'r'`.execute(db);
    const results = Number(counts[0]!.results);
    const bytes = Object.fromEntries(sizes.map((s) => [s.relation, Number(s.bytes)]));
    const per = (r: string) => `${(bytes[r]! / results).toFixed(0)} B`;
    return [
      `peer percentile, ${enterprises.toLocaleString('en')} enterprises, ${results.toLocaleString('en')} completed self-diagnoses (${kind}; seeded set-based in ${(seedMs / 1000).toFixed(1)} s)`,
      `  indexed counts (read side), median of 20 pages, min / median / max of 3 runs: ${spread(runs.next)}`,
      `  baseline full scan into Node (before),            same data, same runs:          ${spread(runs.old)}`,
      `  read side per completed diagnosis: diagnosis_result ${per('diagnosis_result')}, diagnosis_node_scores ${per('diagnosis_node_scores')}, diagnosis_aggregate ${per('diagnosis_aggregate')} (${counts[0]!.aggregates} cells), with indexes`,
    ];
  } finally {
    await close();
  }
}
