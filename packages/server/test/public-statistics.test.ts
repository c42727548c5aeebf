// 公开统计 and 问题短板 (issue 11 §4, §2): the public figures need no login and never rest on fewer than 5
// enterprises; the weakest subdomains equal a recomputation from the raw rows (the stored result JSON of
// assessment ⋈ enterprise, not the node scores the server reads), and a region admin's cover its region only.
import { MIN_GROUP_SIZE, type Dashboard, type PublicStatistics, type ScoreResult } from '@cmmm/contract';
import { assess, DEFAULT_EDITION_ID, editionIndex, requireEdition, type Grade } from '@cmmm/model';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/policy.ts';
import { readDashboard } from '../src/services/statistics/read-dashboard.ts';
import { Client, insertEnterpriseRow, staffClient, storeCompletedDiagnosis, testDatabases, usePlatform } from './harness.ts';
import { recomputedWeakSubdomains, weakAsCompared as asCompared } from './weak-subdomain-reference.ts';

const index = editionIndex(requireEdition(DEFAULT_EDITION_ID));
const subdomainIds = [...new Set(index.requirements.map((r) => r.subdomain.id))];
const PLATFORM_ADMIN: Actor = { id: 'platform-admin', role: 'platform_admin', enterpriseId: null, regionCode: null };
const START = Date.parse('2026-03-01T00:00:00Z');

/**
 * A result reaching `level`, whose next level has the subdomains with (position + seed) % 3 = 0 fully
 * met and the others partly (so it fails there with some subdomains at 1 and the rest at 0.5).
 */
function resultFor(level: number, seed: number): ScoreResult {
  const answers: Record<string, Grade> = {};
  for (const { requirement, subdomain, level: l } of index.requirements) {
    const strong = (subdomainIds.indexOf(subdomain.id) + seed) % 3 === 0;
    answers[requirement.id] = l <= level ? 'FI' : l === level + 1 ? (strong ? 'FI' : 'PI') : 'NI';
  }
  const scored = assess({ enterpriseType: 'discrete', tailored: [], answers });
  if (!scored.ok) throw new Error(scored.issues[0]!.message);
  expect(scored.value.level).toBe(level);
  return scored.value;
}

/** Every count of enterprises in the public answer rests on ≥ k of them, or is null. */
function expectKAnonymous(s: PublicStatistics) {
  for (const c of [s.enterprises, s.diagnoses, ...s.levels.map((l) => l.enterprises), ...s.bands.map((b) => b.enterprises)]) {
    expect(c.suppressed ? c.value === null : c.value! >= MIN_GROUP_SIZE).toBe(true);
  }
  for (const l of [...s.levels, ...s.bands]) if (l.enterprises.suppressed) expect(l.share).toBeNull();
  for (const i of s.industries.top) expect(i.enterprises).toBeGreaterThanOrEqual(MIN_GROUP_SIZE);
}

describe.each(testDatabases)('公开统计 and 问题短板 on the $name database', ({ open }) => {
  const p = usePlatform(open);

  async function reset() {
    await sql`delete from enterprise`.execute(p.db);
    await sql`delete from diagnosis_aggregate`.execute(p.db);
    await sql`delete from diagnosis_weak_aggregate`.execute(p.db);
    await sql`delete from diagnosis_survey_aggregate`.execute(p.db);
  }

  async function enterprisesWith(rows: readonly { region: string; industry: string; result: ScoreResult }[]) {
    for (const [i, r] of rows.entries()) {
      const id = await insertEnterpriseRow(p.ctx, { name: `公开统计测试企业${i}`, regionCode: r.region, industryCode: r.industry });
      await storeCompletedDiagnosis(p.ctx, id, r.result, new Date(START + i * 60_000));
    }
  }

  it('answers anyone without login, cacheable, and shows a cell of 5 enterprises but not one of 4', async () => {
    await reset();
    // level 2: 4 enterprises of major class 35; level 1: 5 of major class 13
    await enterprisesWith([
      ...Array.from({ length: 4 }, () => ({ region: '320583', industry: '351', result: resultFor(2, 0) })),
      ...Array.from({ length: 5 }, () => ({ region: '110108', industry: '131', result: resultFor(1, 1) })),
    ]);
    const res = await new Client(p.base).get<PublicStatistics>('/api/public/statistics');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const s = res.body;
    expectKAnonymous(s);
    expect(s.enterprises).toEqual({ value: 9, suppressed: false });
    expect(s.diagnoses).toEqual({ value: 9, suppressed: false });
    expect(s.levels.map((l) => l.enterprises.value)).toEqual([null, 5, null, null, null, null]);
    expect(s.levels[1]!.share).toBe(55.6);
    // class 13's 5 shown beside the total of 9 would give class 35's 4 away: both hidden
    expect(s.industries.top).toEqual([]);
    expect(s.industries.suppressed).toBe(2);
    expect(s.method.index).toContain('20 × S');
    // the same figures as the platform admin's national dashboard
    const nation = await readDashboard(p.ctx, PLATFORM_ADMIN, {});
    expect({ enterprises: s.enterprises, diagnoses: s.diagnoses, levels: s.levels, bands: s.bands, industries: s.industries }).toEqual({
      enterprises: nation.enterprises,
      diagnoses: nation.diagnoses,
      levels: nation.levels,
      bands: nation.bands,
      industries: nation.industries,
    });
    // a fifth enterprise at level 2 in class 35: both shown
    await enterprisesWith([{ region: '320583', industry: '352', result: resultFor(2, 0) }]);
    const five = (await new Client(p.base).get<PublicStatistics>('/api/public/statistics')).body;
    expectKAnonymous(five);
    expect(five.levels.map((l) => l.enterprises.value)).toEqual([null, 5, 5, null, null, null]);
    expect(five.industries.top.map((i) => [i.code, i.enterprises])).toEqual([['35', 5], ['13', 5]]);
  });

  const recomputed = (prefix: string) => recomputedWeakSubdomains(p.db, prefix);

  it('问题短板 equals the shares recomputed from the stored results, replaced results and level 5 left out', async () => {
    await reset();
    const regions = ['320583', '320506', '320214', '110108'];
    const industries = ['351', '131', '261'];
    await enterprisesWith(
      Array.from({ length: 36 }, (_, i) => ({ region: regions[i % 4]!, industry: industries[i % 3]!, result: i % 9 === 8 ? resultFor(5, 0) : resultFor(i % 4, i % 5) })),
    );
    // two enterprises complete again later: only their new results count
    const { rows } = await sql<{ id: string }>`select id from enterprise order by name limit 2`.execute(p.db);
    for (const [i, r] of rows.entries()) await storeCompletedDiagnosis(p.ctx, r.id, resultFor(3, i), new Date(START + 86_400_000));
    for (const region of [null, '320000', '320500', '110108']) {
      const d = await readDashboard(p.ctx, PLATFORM_ADMIN, region === null ? {} : { region });
      const w = d.weakSubdomains;
      for (const r of [...w.top, ...w.byIndustry.flatMap((g) => (g.weakest ? [g.weakest] : []))]) expect(r.below.value).toBeGreaterThanOrEqual(MIN_GROUP_SIZE);
      expect(asCompared(w)).toEqual(await recomputed(region === null ? '' : region.replace(/(00)+$/, '')));
    }
    const nation = (await readDashboard(p.ctx, PLATFORM_ADMIN, {})).weakSubdomains;
    expect(new Set(nation.top.map((r) => r.share)).size).toBeGreaterThan(1);
    expect(nation.byIndustry.some((g) => g.weakest !== null)).toBe(true);
    expect(nation.top[0]!.name).toBe(index.name(nation.top[0]!.id));
  });

  it('问题短板 shows no share resting on 4 enterprises below 0.8, and shows it at 5', async () => {
    await reset();
    await enterprisesWith(Array.from({ length: 4 }, () => ({ region: '320583', industry: '351', result: resultFor(1, 0) })));
    const four = (await readDashboard(p.ctx, PLATFORM_ADMIN, { region: '320583' })).weakSubdomains;
    expect(four.enterprises).toEqual({ value: null, suppressed: true });
    expect([four.top, four.byIndustry, four.byRegion]).toEqual([[], [], []]);
    expect(four.suppressed).toBe(subdomainIds.length);
    await enterprisesWith([{ region: '320583', industry: '351', result: resultFor(1, 0) }]);
    const five = (await readDashboard(p.ctx, PLATFORM_ADMIN, { region: '320583' })).weakSubdomains;
    expect(five.enterprises).toEqual({ value: 5, suppressed: false });
    // seed 0: the subdomains at positions 0, 3, 6, … fully met at 二级, every other one below 0.8
    expect(five.top.length).toBe(Math.min(10, subdomainIds.filter((_, i) => i % 3 !== 0).length));
    expect(five.top.every((r) => r.share === 100 && r.below.value === 5 && r.enterprises === 5)).toBe(true);
    expect(five.byIndustry).toEqual([{ code: '35', name: expect.any(String), enterprises: 5, weakest: five.top[0] }]);
  });

  it('a region admin\'s 问题短板 covers its own region only', async () => {
    await reset();
    // 无锡新吴: seed 0 weak subdomains; 昆山 (苏州) the other ones: neither may mix into the other
    await enterprisesWith([
      ...Array.from({ length: 6 }, () => ({ region: '320214', industry: '351', result: resultFor(1, 0) })),
      ...Array.from({ length: 7 }, () => ({ region: '320583', industry: '351', result: resultFor(1, 1) })),
    ]);
    const wuxi = await staffClient(p, 'region_admin', '320200');
    const own = await wuxi.client.get<Dashboard>('/api/dashboard');
    expect(own.status).toBe(200);
    expect(own.body.weakSubdomains.enterprises).toEqual({ value: 6, suppressed: false });
    expect(asCompared(own.body.weakSubdomains)).toEqual(await recomputed('3202'));
    expect(own.body.weakSubdomains.top.every((r) => r.enterprises === 6)).toBe(true);
    expect(own.body.weakSubdomains.byRegion.map((g) => g.code)).toEqual(['320214']);
    const province = await readDashboard(p.ctx, PLATFORM_ADMIN, { region: '320000' });
    expect(province.weakSubdomains.enterprises.value).toBe(13);
    expect(province.weakSubdomains.top).not.toEqual(own.body.weakSubdomains.top);
  });
});
