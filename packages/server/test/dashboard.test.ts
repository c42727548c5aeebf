// 数据看板 (issue 11 §2): every figure (问题短板 too) equals the one recomputed from the raw rows (assessment ⋈ enterprise,
// written here independently of the aggregates), nothing rests on fewer than 5 enterprises, and a
// region admin sees its own region and below only.
import { MIN_GROUP_SIZE, type Dashboard } from '@cmmm/contract';
import { assess, DEFAULT_EDITION_ID, editionIndex, requireEdition, type Grade, type ScoreResult } from '@cmmm/model';
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/policy.ts';
import { countOf, displayIndexOf, readDashboard } from '../src/services/statistics/read-dashboard.ts';
import { monthOf } from '../src/services/statistics/diagnosis-facts.ts';
import { adminClient, insertEnterpriseRow, staffClient, storeCompletedDiagnosis, testDatabases, usePlatform } from './harness.ts';
import { recomputedWeakSubdomains, weakAsCompared, weakCellsFromRawRows, weakCellsInTable } from './weak-subdomain-reference.ts';

const edition = requireEdition(DEFAULT_EDITION_ID);

function resultFor(target: number, every: number): ScoreResult {
  const answers: Record<string, Grade> = {};
  editionIndex(edition).requirements.forEach(({ requirement: r, level }, i) => {
    answers[r.id] = level <= target ? (i % every ? 'FI' : 'LI') : i % every ? 'PI' : 'NI';
  });
  const scored = assess({ enterpriseType: 'discrete', tailored: [], answers });
  if (!scored.ok) throw new Error(scored.issues[0]!.message);
  return scored.value;
}

const POOL: ScoreResult[] = [resultFor(0, 2), resultFor(1, 3), resultFor(2, 2), resultFor(2, 5), resultFor(3, 4), resultFor(4, 6), resultFor(5, 7)];
// 昆山 and 吴中 (苏州), 新吴 (无锡), 海淀 (北京): drill-downs with several children at each level
const REGIONS = ['320583', '320583', '320506', '320214', '110108'];
const INDUSTRIES = ['351', '352', '131', '261'];
const START = Date.parse('2026-01-01T00:00:00Z');
const PLATFORM_ADMIN: Actor = { id: 'platform-admin', role: 'platform_admin', enterpriseId: null, regionCode: null };

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Every count shown rests on at least k enterprises; every hidden one is null. */
function expectKAnonymous(d: Dashboard) {
  const counts = [d.enterprises, ...d.levels.map((l) => l.enterprises), ...d.bands.map((b) => b.enterprises), ...d.regions.rows.map((r) => r.enterprises)];
  for (const c of counts) expect(c.suppressed ? c.value === null : c.value! >= MIN_GROUP_SIZE).toBe(true);
  for (const r of d.regions.rows) expect(r.index === null).toBe(r.enterprises.suppressed);
  for (const l of [...d.levels, ...d.bands]) if (l.enterprises.suppressed) expect(l.share).toBeNull();
  for (const i of d.industries.top) expect(i.enterprises).toBeGreaterThanOrEqual(MIN_GROUP_SIZE);
}

describe('the figures of a dashboard', () => {
  it('mean display index 20 × S to two decimals, half up', () => {
    // five results of S = 2.5 → 50; S = 1/3 and 2/3 → 20 × 0.5 = 10
    expect(displayIndexOf(5n * 2_500_000_000n, 5)).toBe(50);
    expect(displayIndexOf(333_333_333n + 666_666_667n, 2)).toBe(10);
    // 20 × 0.0001125 = 0.00225 → 0.00 ; 20 × 0.00025 = 0.005 → 0.01 (half up)
    expect(displayIndexOf(112_500n, 1)).toBe(0);
    expect(displayIndexOf(250_000n, 1)).toBe(0.01);
  });

  it('hides every count below 5 enterprises, 0 included', () => {
    expect(countOf(4)).toEqual({ value: null, suppressed: true });
    expect(countOf(0)).toEqual({ value: null, suppressed: true });
    expect(countOf(5)).toEqual({ value: 5, suppressed: false });
  });
});

describe.each(testDatabases)('数据看板 on the $name database', ({ open }) => {
  const p = usePlatform(open);

  async function insertEnterprises(regions: readonly string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, regionCode] of regions.entries()) ids.push(await insertEnterpriseRow(p.ctx, { name: `看板测试企业${i}`, regionCode, industryCode: INDUSTRIES[i % INDUSTRIES.length]! }));
    return ids;
  }

  const complete = storeCompletedDiagnosis;

  async function reset() {
    await sql`delete from enterprise`.execute(p.db);
    await sql`delete from diagnosis_aggregate`.execute(p.db);
    await sql`delete from diagnosis_weak_aggregate`.execute(p.db);
    await sql`delete from diagnosis_survey_aggregate`.execute(p.db);
  }

  /** The dashboard of a region (6 digits, or null for the nation) recomputed from assessment ⋈ enterprise. */
  async function recomputed(region: string | null) {
    const { rows } = await sql<{ enterprise_id: string; completed_at: Date; level: number; exact: string; region_code: string; industry_code: string }>`
      select a.enterprise_id, a.completed_at, a.level, a.result->>'totalScoreExact' as exact, e.region_code, e.industry_code
        from assessment a join enterprise e on e.id = a.enterprise_id
       where a.kind = 'self_diagnosis' and a.status = 'completed'`.execute(p.db);
    const prefix = region === null ? '' : region.replace(/(00)+$/, '');
    const mine = rows.filter((r) => r.region_code.startsWith(prefix));
    const latest = new Map<string, (typeof rows)[number]>();
    for (const r of mine) if (!latest.has(r.enterprise_id) || latest.get(r.enterprise_id)!.completed_at < r.completed_at) latest.set(r.enterprise_id, r);
    const valid = [...latest.values()];
    const e9 = (exact: string) => {
      const [n, d = '1'] = exact.split('/');
      return (2n * BigInt(n!) * 1_000_000_000n + BigInt(d)) / (2n * BigInt(d));
    };
    const index = (group: typeof valid) => {
      const sum = group.reduce((a, r) => a + e9(r.exact), 0n);
      const den = BigInt(group.length) * 1_000_000_000n;
      return Number((4000n * sum + den) / (2n * den)) / 100;
    };
    const shown = (n: number) => (n >= 5 ? n : null);
    /** The children's rows: below 5 hidden, and with a single hidden child, the smallest shown one too (else total − rest gives it away). */
    // groups partitioning a total: those below 5 hidden, and with a single one, the smallest shown one too
    const hiddenOf = (byGroup: Map<string, typeof valid>, total: number) => {
      const groups = [...byGroup.entries()].map(([code, g]) => ({ code, g }));
      const hidden = new Set(groups.filter((x) => x.g.length < 5).map((x) => x.code));
      if (hidden.size === 1 && total >= 5) {
        const rest = groups.filter((x) => !hidden.has(x.code)).sort((a, b) => a.g.length - b.g.length || a.code.localeCompare(b.code));
        if (rest[0]) hidden.add(rest[0].code);
      }
      return hidden;
    };
    const childRows = (byChild: Map<string, typeof valid>, total: number) => {
      const hidden = hiddenOf(byChild, total);
      return [...byChild.entries()].map(([code, g]) => ({ code: code.padEnd(6, '0'), enterprises: hidden.has(code) ? null : g.length, index: hidden.has(code) ? null : index(g) }));
    };
    const cstMonth = (at: Date) => {
      const cst = new Date(at.getTime() + 8 * 3_600_000);
      return cst.getUTCFullYear() * 100 + cst.getUTCMonth() + 1;
    };
    const months = new Map<number, typeof mine>();
    for (const r of mine) months.set(cstMonth(r.completed_at), [...(months.get(cstMonth(r.completed_at)) ?? []), r]);
    const byIndustry = groupBy(valid, (r) => r.industry_code.slice(0, 2));
    const childLength = prefix.length + 2;
    const byChild = groupBy(valid, (r) => r.region_code.slice(0, childLength));
    return {
      enterprises: shown(valid.length),
      diagnoses: valid.length >= 5 ? mine.length : null,
      // shown when the server can prove ≥ 5 enterprises from its cells: valid results of the month, or diagnoses over the monthly limit of 3
      months: [...months.entries()].sort(([a], [b]) => a - b).map(([month, rs]) => {
        const proven = Math.max(rs.filter((r) => latest.get(r.enterprise_id) === r).length, Math.ceil(rs.length / 3));
        if (proven >= 5) expect(new Set(rs.map((r) => r.enterprise_id)).size).toBeGreaterThanOrEqual(5); // k-anonymous indeed
        return { month, diagnoses: proven >= 5 ? rs.length : null };
      }),
      levels: [0, 1, 2, 3, 4, 5].map((l) => shown(valid.filter((r) => r.level === l).length)),
      bands: [[0, 1], [2], [3], [4, 5]].map((ls) => shown(valid.filter((r) => ls.includes(r.level)).length)),
      industries: [...byIndustry.entries()].filter(([code]) => !hiddenOf(byIndustry, valid.length).has(code)).map(([code, g]) => ({ code, enterprises: g.length, index: index(g) })).sort((a, b) => b.index - a.index || a.code.localeCompare(b.code)).slice(0, 10),
      regions: prefix.length === 6 ? [] : childRows(byChild, valid.length).sort((a, b) => (b.index ?? -1) - (a.index ?? -1) || a.code.localeCompare(b.code)),
    };
  }

  const asCompared = (d: Dashboard) => ({
    enterprises: d.enterprises.value,
    diagnoses: d.diagnoses.value,
    months: d.months.map((m) => ({ month: m.month, diagnoses: m.diagnoses.value })),
    levels: d.levels.map((l) => l.enterprises.value),
    bands: d.bands.map((b) => b.enterprises.value),
    industries: d.industries.top.map(({ code, enterprises, index }) => ({ code, enterprises, index })),
    regions: d.regions.rows.map((r) => ({ code: r.code, enterprises: r.enterprises.value, index: r.index })),
  });

  it('equals the figures recomputed from the raw rows, at every level of the drill-down, after any sequence of completions', async () => {
    await reset();
    const enterprises = await insertEnterprises(Array.from({ length: 24 }, (_, i) => REGIONS[i % REGIONS.length]!));
    const step = fc.record({ enterprise: fc.nat(23), result: fc.nat(POOL.length - 1), minute: fc.integer({ min: 0, max: 90 * 24 * 60 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 40 }), async (steps) => {
        await sql`delete from assessment`.execute(p.db); // results cascade
        await sql`delete from diagnosis_aggregate`.execute(p.db);
        await sql`delete from diagnosis_weak_aggregate`.execute(p.db);
        await sql`delete from diagnosis_survey_aggregate`.execute(p.db);
        const perMonth = new Map<string, number>(); // the platform's monthly limit of 3, which the month cells rely on
        const instants = new Set<string>(); // no two completions of one enterprise at the same instant: a tie goes to the one recorded later, which the rows do not tell
        for (const s of steps) {
          const at = new Date(START + s.minute * 60_000);
          const key = `${s.enterprise}|${monthOf(at)}`;
          if ((perMonth.get(key) ?? 0) === 3 || instants.has(`${s.enterprise}|${s.minute}`)) continue;
          instants.add(`${s.enterprise}|${s.minute}`);
          perMonth.set(key, (perMonth.get(key) ?? 0) + 1);
          await complete(p.ctx, enterprises[s.enterprise]!, POOL[s.result]!, at);
        }
        for (const region of [null, '320000', '320500', '320583', '110000']) {
          const dashboard = await readDashboard(p.ctx, PLATFORM_ADMIN, region === null ? {} : { region });
          expectKAnonymous(dashboard);
          expect(asCompared(dashboard)).toEqual(await recomputed(region));
          // 问题短板, read from its cells, as the read-time scan of every valid result's node scores gave it
          expect(weakAsCompared(dashboard.weakSubdomains)).toEqual(await recomputedWeakSubdomains(p.db, region === null ? '' : region.replace(/(00)+$/, '')));
        }
        expect(await weakCellsInTable(p.db)).toEqual(await weakCellsFromRawRows(p.db));
      }),
      { numRuns: 6 },
    );
  });

  it('suppresses a region, a level and an industry of 4 enterprises and shows them at 5', async () => {
    await reset();
    const four = await insertEnterprises(['320583', '320583', '320583', '320583', '320506', '320506', '320506', '320506', '320506']);
    for (const [i, id] of four.entries()) await complete(p.ctx, id, POOL[2]!, new Date(START + i * 60_000));
    const suzhou = await readDashboard(p.ctx, PLATFORM_ADMIN, { region: '320500' });
    expect(suzhou.enterprises).toEqual({ value: 9, suppressed: false });
    // 昆山 alone hidden would be 9 − 5: 吴中 is hidden with it
    expect(suzhou.regions.rows.map((r) => [r.code, r.enterprises.value, r.index])).toEqual([['320506', null, null], ['320583', null, null]]);
    // industries cycle 351, 352, 131, 261: major class 35 has 3 + 2 = 5 enterprises, 13 and 26 two each
    expect(suzhou.industries.top.map((i) => [i.code, i.enterprises])).toEqual([['35', 5]]);
    expect(suzhou.industries.suppressed).toBe(2);
    // one enterprise in 太仓 makes two hidden counties (4 + 1): 吴中's 5 can be shown
    const [taicang] = await insertEnterprises(['320585']);
    await complete(p.ctx, taicang!, POOL[2]!, new Date(START));
    const withTaicang = await readDashboard(p.ctx, PLATFORM_ADMIN, { region: '320500' });
    expect(withTaicang.regions.rows.map((r) => [r.code, r.enterprises.value])).toEqual([['320506', 5], ['320583', null], ['320585', null]]);
    expect(withTaicang.regions.rows[0]!.index).toBeCloseTo(20 * POOL[2]!.totalScore, 2);
    const kunshan = await readDashboard(p.ctx, PLATFORM_ADMIN, { region: '320583' });
    expect(kunshan.enterprises).toEqual({ value: null, suppressed: true });
    expect(kunshan.diagnoses).toEqual({ value: null, suppressed: true });
    expect(kunshan.levels.every((l) => l.enterprises.value === null && l.share === null)).toBe(true);
    expect(kunshan.industries.top).toEqual([]);
    expect(kunshan.regions).toEqual({ level: null, rows: [] });
  });

  it('lets a region admin read its own region and below, never the nation or a neighbour', async () => {
    const wuxi = await staffClient(p, 'region_admin', '320200');
    const own = await wuxi.client.get<Dashboard>('/api/dashboard');
    expect(own.status).toBe(200);
    expect(own.body.region).toEqual({ code: '320200', name: '无锡市', level: 'city' });
    expect(own.body.path.map((r) => r.code)).toEqual(['320200']); // neither 全国 nor 江苏省
    expect(own.body.regions.level).toBe('county');
    const county = await wuxi.client.get<Dashboard>('/api/dashboard?region=320214');
    expect(county.status).toBe(200);
    expect(county.body.path.map((r) => r.name)).toEqual(['无锡市', '新吴区']);
    for (const other of ['320000', '320500', '110000', '110108']) {
      const r = await wuxi.client.get<{ error: { code: string } }>(`/api/dashboard?region=${other}`);
      expect([r.status, r.body.error.code]).toEqual([403, 'FORBIDDEN']);
    }
    const kunshan = await staffClient(p, 'region_admin', '320583');
    const up = await kunshan.client.get<{ error: { code: string } }>('/api/dashboard?region=320500');
    expect([up.status, up.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('answers a bad or unknown region code in Chinese', async () => {
    const admin = await adminClient(p);
    const bad = await admin.get<{ error: { code: string; message: string } }>('/api/dashboard?region=32');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/6 位数字/);
    const unknown = await admin.get<{ error: { code: string; message: string } }>('/api/dashboard?region=999999');
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'UNKNOWN_REGION']);
    expect(unknown.body.error.message).toContain('没有代码为 999999 的地区');
    const nation = await admin.get<Dashboard>('/api/dashboard');
    expect(nation.body.region).toEqual({ code: null, name: '全国', level: 'nation' });
    expect(nation.body.regions.level).toBe('province');
  });
});
