// Issue 10 §6: 信息查询 (the public registry) over 100,000 platform certificates answers in < 100 ms on
// PostgreSQL. A throwaway database (cmmm_bench_<random>) on the server of BENCH_DATABASE_URL (else
// TEST_DATABASE_URL) gets every migration, the 304 published rows of 2022, and — set-based, INSERT …
// SELECT generate_series — 40 bodies, 80,000 enterprises with Chinese names spread over the country's
// counties (half in six manufacturing provinces) and 100,000 certificates of all levels issued over six
// years (20,000 enterprises hold two); then VACUUM ANALYZE, as autovacuum leaves a live database.
// Each query goes through the registry service in this process (the count and the page, or the
// distribution: what the route answers), beside two baselines through the same pool: `select 1` and a
// certificate by its primary key. The database is dropped at the end.
import { tmpdir } from 'node:os';
import { connectDatabase, migrateToLatest, sql, type Database } from '@cmmm/db';
import { industries, regionTree } from '@cmmm/reference';
import { serviceContext } from '../packages/server/src/context.ts';
import { listCertifiedEnterprises, lookUpCertificate, readCertifiedDistribution } from '../packages/server/src/services/registry/certified-enterprises.ts';
import { seedPublishedCertifications } from '../packages/server/src/services/registry/seed-published-certifications.ts';
import { benchServerUrl, throwawayDatabase } from './formal-setup.ts';
import { fmtMs, latency, ROUNDS, row, verdict, type Spread } from './formal-timing.ts';

const ENTERPRISES = 80_000;
const CERTIFICATES = 100_000;
const BODIES = 40;

const CITIES = ['无锡', '苏州', '常州', '南京', '宁波', '杭州', '温州', '青岛', '烟台', '潍坊', '佛山', '东莞', '深圳', '合肥', '芜湖', '武汉', '长沙', '成都', '重庆', '西安', '郑州', '洛阳', '天津', '沈阳', '大连', '长春', '哈尔滨', '厦门', '泉州', '福州', '南昌', '济南', '淄博', '石家庄', '唐山', '太原', '昆明', '贵阳', '南宁', '柳州', '兰州', '银川', '乌鲁木齐', '呼和浩特', '徐州', '南通', '扬州', '嘉兴', '绍兴', '台州', '金华', '湖州', '镇江', '泰州', '盐城', '淮安', '连云港', '宿迁', '珠海', '中山', '江门'];
const WORDS = ['精工', '智造', '精密', '重工', '华创', '新锐', '恒通', '瑞达', '宏远', '金鼎', '天工', '博远', '鑫源', '汇丰', '永达', '万邦', '东方', '中天', '正泰', '海天', '华阳', '科达', '力源', '远航', '长城', '国信', '德赛', '明阳', '卓越', '领航', '先锋', '安泰', '宝成', '诚信', '顺发', '兴业', '大通', '凯盛', '鼎盛', '华强', '新华'];
const TRADES = ['机械', '电子', '科技', '装备', '汽车零部件', '新材料', '化工', '纺织', '食品', '医药', '电气', '智能装备', '精密制造', '光电', '模具', '钢铁', '家具', '家电', '仪器仪表', '数控机床', '包装', '塑胶', '五金', '建材', '环保设备', '电机', '轴承', '阀门', '泵业', '铸造', '锻造', '印刷', '服装', '造纸', '陶瓷', '玻璃', '橡胶', '电缆', '半导体', '通信设备', '航空部件', '船舶配件', '轨道交通'];
const FORMS = ['有限公司', '股份有限公司', '集团有限公司', '制造有限公司', '有限责任公司'];
const SCOPES = ['精密数控机床零部件的设计、生产、销售', '汽车零部件的研发与制造', '电子元器件的生产', '化工产品的生产与销售', '家用电器的设计、生产、销售及服务'];
/** Where most certified enterprises are: 上海, 江苏, 浙江, 安徽, 山东, 广东. */
const BUSY_PROVINCES = ['31', '32', '33', '34', '37', '44'];

export async function loadRegistry(database: Database): Promise<void> {
  const counties = regionTree.flatMap((p) => p.children.flatMap((c) => (c.children.length ? c.children.map((k) => k.code) : [c.code])));
  const busy = counties.filter((c) => BUSY_PROVINCES.includes(c.slice(0, 2)));
  const trades = industries.flatMap((m) => m.middles.map((i) => i.code));
  const { db } = database;
  await sql`
    insert into assessment_body (id, name, credit_code, region_code, contact_name, contact_mobile)
    select md5('body' || b)::uuid, '智能制造评估中心' || b || '号', '91110108BENCH' || lpad(b::text, 5, '0'), '110108', '赵经理', '13800000000'
    from generate_series(1, ${BODIES}) b
  `.execute(db);
  await sql`
    insert into enterprise (id, name, credit_code, organisation_type, industry_code, region_code, enterprise_type, contact_name, contact_mobile)
    select md5('ent' || i)::uuid,
           (${CITIES}::text[])[1 + i % ${CITIES.length}] || (${WORDS}::text[])[1 + (i / ${CITIES.length}) % ${WORDS.length}]
             || (${TRADES}::text[])[1 + (i / ${CITIES.length * WORDS.length}) % ${TRADES.length}] || (${FORMS}::text[])[1 + i % ${FORMS.length}],
           '91' || r.code || lpad(i::text, 9, '0') || 'X', 'independent',
           (${trades}::text[])[1 + (i * 11) % ${trades.length}], r.code,
           case when i % 3 = 0 then 'process' else 'discrete' end, '王工', '13912345678'
    from generate_series(1, ${ENTERPRISES}) i
    cross join lateral (
      select case when i % 2 = 0 then (${busy}::text[])[1 + (i * 7) % ${busy.length}] else (${counties}::text[])[1 + (i * 13) % ${counties.length}] end as code
    ) r
  `.execute(db);
  await sql`
    insert into certificate (id, enterprise_id, region_code, level, certificate_number, scope, issued_on, valid_until, status, body_id)
    select md5('cert' || i)::uuid, md5('ent' || (1 + (i - 1) % ${ENTERPRISES}))::uuid,
           (select region_code from enterprise where id = md5('ent' || (1 + (i - 1) % ${ENTERPRISES}))::uuid), l.level,
           'CMMM-' || l.level || '-' || to_char(d.issued, 'YYYYMMDD') || '-' || upper(substr(md5('no' || i), 1, 10)),
           (${SCOPES}::text[])[1 + i % ${SCOPES.length}], d.issued, d.until,
           case when d.until >= current_date then 'valid' else 'expired' end,
           md5('body' || (1 + i % ${BODIES}))::uuid
    from generate_series(1, ${CERTIFICATES}) i
    cross join lateral (select case when i % 100 < 8 then 1 when i % 100 < 58 then 2 when i % 100 < 88 then 3 when i % 100 < 97 then 4 else 5 end as level) l
    cross join lateral (select (current_date - (i * 37) % 2190)::date as issued) d0
    cross join lateral (select d0.issued, (d0.issued + interval '3 years' - interval '1 day')::date as until) d
  `.execute(db);
  await sql`vacuum analyze`.execute(db); // what autovacuum does after a bulk insert: statistics and the visibility map
}

interface Figure {
  label: string;
  spread: Spread;
  matches: number;
}

export async function benchRegistry(): Promise<string[]> {
  const title = `registry (信息查询) over ${CERTIFICATES.toLocaleString('en-US')} platform certificates + the 304 published rows, PostgreSQL`;
  const url = benchServerUrl();
  if (!url) return [title, '  skipped: no PostgreSQL server — set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to one where a database may be created'];
  const throwaway = await throwawayDatabase(url);
  let database: Database | undefined;
  try {
    database = await connectDatabase({ dataDir: tmpdir(), databaseUrl: throwaway.url });
    await migrateToLatest(database.db);
    const ctx = serviceContext(database, { info: () => {}, warn: () => {} });
    await seedPublishedCertifications(ctx);
    const t0 = Date.now();
    await loadRegistry(database);
    const loadSeconds = (Date.now() - t0) / 1000;
    const { db } = database;
    const sample = await db.selectFrom('certificate as c').innerJoin('enterprise as e', 'e.id', 'c.enterprise_id').select(['c.id', 'c.certificate_number', 'e.credit_code']).where('c.id', '=', sql<string>`md5('cert' || 4242)::uuid`).executeTakeFirstOrThrow();
    const indexes = await sql<{ n: string }>`select count(*) as n from pg_indexes where tablename in ('certificate', 'enterprise')`.execute(db);

    const figures: Figure[] = [];
    const page = async (label: string, query: Record<string, unknown>) => {
      const input = { page: 1, pageSize: 20, ...query };
      const first = await listCertifiedEnterprises(ctx, null, input as never);
      figures.push({ label, spread: await latency(5, () => listCertifiedEnterprises(ctx, null, input as never)), matches: first.total });
    };
    await page('first page, no filter', {});
    await page('name contains 精密 (common)', { q: '精密' });
    await page('name contains 无锡精工 (rare)', { q: '无锡精工' });
    await page('whole credit code', { q: sample.credit_code });
    await page('province 江苏 + level 三级', { province: '320000', level: 3 });
    await page('year 2024', { year: 2024 });
    await page('city 苏州 + industry 34 + level 2', { city: '320500', industry: '34', level: 2 });
    await page('deep page: page 4,000 of 20, no filter', { page: 4000 });
    await page('deep page: page 100 of 精密', { q: '精密', page: 100 });
    const distribution = async (label: string, filter: Record<string, unknown>) => {
      const first = await readCertifiedDistribution(ctx, null, filter);
      figures.push({ label, spread: await latency(5, () => readCertifiedDistribution(ctx, null, filter)), matches: first.total });
    };
    await distribution('distribution, no filter', {});
    await distribution('distribution, name contains 精密', { q: '精密' });
    await distribution('distribution, level 三级', { level: 3 });
    figures.push({ label: 'certificate by number', spread: await latency(5, () => lookUpCertificate(ctx, null, { number: sample.certificate_number })), matches: 1 });
    const selectOne = await latency(20, () => sql`select 1`.execute(db));
    const byKey = await latency(20, () => ctx.repos.certificates.findCertificate(sample.id));

    const worst = Math.max(...figures.map((f) => f.spread.median));
    return [
      `${title} (database loaded in ${loadSeconds.toFixed(1)} s; ${indexes.rows[0]!.n} indexes on certificate and enterprise)`,
      `  through the registry service in process (count + page of 20, or the distribution), median of 5 per round, ${ROUNDS} rounds: min / median / max`,
      ...figures.map((f) => row(f.label, fmtMs(f.spread), `${f.matches.toLocaleString('en-US')} matches`)),
      row('baseline: select 1, same pool', fmtMs(selectOne)),
      row('baseline: certificate by primary key', fmtMs(byKey)),
      `  slowest median ${worst.toFixed(1)} ms: ${verdict(worst < 100, '< 100 ms')}`,
    ];
  } finally {
    await database?.close();
    await throwaway.drop();
  }
}
