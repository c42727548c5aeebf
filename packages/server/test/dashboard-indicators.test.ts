// 数据看板's indicators (issue 11 §2): 调查问卷 figures, certified enterprises and 自评校准 each equal the figures
// recomputed here from the raw rows (assessment ⋈ enterprise, certificate, published_certification), nothing
// rests on fewer than 5 enterprises, and a region admin's figures are its region's only.
import { CERTIFIED_LEVELS, INFORMATION_SYSTEMS, LEVEL_DIFFERENCES, MIN_GROUP_SIZE, type Dashboard, type Survey } from '@cmmm/contract';
import { assess, DEFAULT_EDITION_ID, editionIndex, requireEdition, type Grade, type ScoreResult } from '@cmmm/model';
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { beijingDay } from '../src/china-time.ts';
import type { Actor } from '../src/policy.ts';
import { newId } from '../src/security/tokens.ts';
import { readDashboard } from '../src/services/statistics/read-dashboard.ts';
import { backfillDiagnosisResults } from '../src/services/statistics/record-diagnosis-result.ts';
import { insertEnterpriseRow, staffClient, storeCompletedDiagnosis, testDatabases, usePlatform } from './harness.ts';
import { surveyCellsFromRawRows, surveyCellsInTable } from './survey-reference.ts';

const edition = requireEdition(DEFAULT_EDITION_ID);

function resultFor(target: number): ScoreResult {
  const answers: Record<string, Grade> = {};
  for (const { requirement: r, level } of editionIndex(edition).requirements) answers[r.id] = level <= target ? 'FI' : 'NI';
  const scored = assess({ enterpriseType: 'discrete', tailored: [], answers });
  if (!scored.ok) throw new Error(scored.issues[0]!.message);
  return scored.value;
}

const POOL = [0, 1, 2, 3, 4, 5].map(resultFor);
// 昆山, 吴中 (苏州), 新吴 (无锡), 海淀 (北京)
const REGIONS = ['320583', '320583', '320506', '320214', '110108'];
const INDUSTRIES = ['351', '352', '131', '261'];
const START = Date.parse('2026-06-01T00:00:00Z');
const PLATFORM_ADMIN: Actor = { id: 'platform-admin', role: 'platform_admin', enterpriseId: null, regionCode: null };
const k = MIN_GROUP_SIZE;

const shown = (n: number) => (n >= k ? n : null);
const percent = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;

/** Groups partitioning a total: those below k hidden, and with a single hidden one the smallest shown one too. */
function hiddenOf(groups: Map<string, number>, total: number, already: ReadonlySet<string> = new Set()): Set<string> {
  const entries = [...groups.entries()].map(([key, n]) => [key, already.has(key) ? 0 : n] as const);
  const hidden = new Set(entries.filter(([, n]) => n < k).map(([key]) => key));
  if (hidden.size === 1 && total >= k) {
    const smallest = entries.filter(([key]) => !hidden.has(key)).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0];
    if (smallest) hidden.add(smallest[0]);
  }
  return hidden;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Every count in the indicators is null below k. */
function expectKAnonymous(d: Dashboard) {
  const counts = [
    d.survey.enterprises,
    ...d.survey.systems.map((s) => s.users),
    ...[...d.survey.byIndustry, ...d.survey.byRegion].flatMap((g) => g.systems.map((s) => s.users)),
    ...[d.certified.region, ...d.certified.byRegion].flatMap((r) => [...r.levels, r.total, r.published]),
    d.calibration.enterprises,
    d.calibration.optimistic,
    ...d.calibration.distribution.map((c) => c.enterprises),
    ...[...d.calibration.byIndustry, ...d.calibration.byRegion].map((g) => g.optimistic),
  ];
  for (const c of counts) expect(c.suppressed ? c.value === null : c.value! >= k).toBe(true);
  for (const g of [...d.survey.byIndustry, ...d.survey.byRegion, ...d.calibration.byIndustry, ...d.calibration.byRegion]) expect(g.enterprises).toBeGreaterThanOrEqual(k);
}

describe.each(testDatabases)('数据看板 indicators on the $name database', ({ open }) => {
  const p = usePlatform(open);

  const deleteAggregates = async () => {
    for (const table of ['diagnosis_aggregate', 'diagnosis_weak_aggregate', 'diagnosis_survey_aggregate']) await sql`delete from ${sql.table(table)}`.execute(p.db);
  };

  async function reset() {
    await sql`delete from enterprise`.execute(p.db); // diagnoses, results and certificates cascade
    await deleteAggregates();
  }

  async function insertEnterprises(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push(await insertEnterpriseRow(p.ctx, { name: `指标测试企业${i}`, regionCode: REGIONS[i % REGIONS.length]!, industryCode: INDUSTRIES[i % INDUSTRIES.length]! }));
    return ids;
  }

  async function certify(enterpriseId: string, level: number | null, status: string, validUntil: string, issuedOn = '2026-01-01') {
    const id = newId();
    await p.ctx.repos.certificates.insertCertificate({ id, enterpriseId, level, certificateNumber: `T-${id}`, scope: '测试', issuedOn, validUntil });
    await sql`update certificate set status = ${status} where id = ${id}`.execute(p.db);
  }

  /** The valid results (latest completed self-diagnosis per enterprise) of a region, from assessment ⋈ enterprise. */
  async function validResults(prefix: string) {
    const { rows } = await sql<{ enterprise_id: string; completed_at: Date; level: number; survey: Survey | null; region_code: string; industry_code: string }>`
      select a.enterprise_id, a.completed_at, a.level, a.survey, e.region_code, e.industry_code
        from assessment a join enterprise e on e.id = a.enterprise_id
       where a.kind = 'self_diagnosis' and a.status = 'completed'`.execute(p.db);
    const latest = new Map<string, (typeof rows)[number]>();
    for (const r of rows.filter((x) => x.region_code.startsWith(prefix))) if (!latest.has(r.enterprise_id) || latest.get(r.enterprise_id)!.completed_at <= r.completed_at) latest.set(r.enterprise_id, r);
    return [...latest.values()].map((r) => ({ ...r, survey: typeof r.survey === 'string' ? (JSON.parse(r.survey) as Survey) : r.survey }));
  }

  /** Each enterprise's newest certificate valid today, from certificate ⋈ enterprise. */
  async function heldCertificates(prefix: string) {
    const today = beijingDay(p.ctx.now());
    const { rows } = await sql<{ enterprise_id: string; level: number | null; issued_on: string; region_code: string }>`
      select c.enterprise_id, c.level, c.issued_on::text as issued_on, e.region_code
        from certificate c join enterprise e on e.id = c.enterprise_id
       where c.status = 'valid' and c.valid_until::text >= ${today}`.execute(p.db);
    const newest = new Map<string, (typeof rows)[number]>();
    for (const r of rows.filter((x) => x.region_code.startsWith(prefix))) {
      const before = newest.get(r.enterprise_id);
      if (!before || before.issued_on < r.issued_on || (before.issued_on === r.issued_on && (r.level ?? 0) > (before.level ?? 0))) newest.set(r.enterprise_id, r);
    }
    return [...newest.values()];
  }

  async function recomputed(region: string | null) {
    const prefix = region === null ? '' : region.replace(/(00)+$/, '');
    const childOf = (code: string) => code.slice(0, prefix.length + 2);
    const byChild = prefix.length < 6;
    const valid = await validResults(prefix);

    // 调查问卷
    const answered = valid.filter((r) => r.survey !== null);
    const users = (g: typeof answered) => INFORMATION_SYSTEMS.map((s) => g.filter((r) => r.survey!.informationSystems.includes(s)).length);
    const mean = (g: typeof answered, of: (s: Survey) => number) => Math.round((g.reduce((a, r) => a + of(r.survey!), 0) / g.length) * 10) / 10;
    const totalUsers = users(answered);
    const surveyGroups = (groups: Map<string, typeof answered>) => {
      const hidden = hiddenOf(new Map([...groups].map(([key, g]) => [key, g.length])), answered.length);
      const hiddenUsers = INFORMATION_SYSTEMS.map((_, i) => hiddenOf(new Map([...groups].map(([key, g]) => [key, users(g)[i]!])), totalUsers[i]!, hidden));
      return [...groups]
        .filter(([key]) => !hidden.has(key))
        .map(([key, g]) => ({
          code: key,
          enterprises: g.length,
          networked: mean(g, (s) => s.networkedEquipmentShare),
          nc: mean(g, (s) => s.ncEquipmentShare),
          users: users(g).map((u, i) => (hiddenUsers[i]!.has(key) ? null : shown(u))),
        }))
        .sort((a, b) => a.code.localeCompare(b.code));
    };
    const survey = {
      enterprises: shown(answered.length),
      networked: answered.length >= k ? mean(answered, (s) => s.networkedEquipmentShare) : null,
      nc: answered.length >= k ? mean(answered, (s) => s.ncEquipmentShare) : null,
      users: totalUsers.map((u) => (answered.length >= k ? shown(u) : null)),
      shares: totalUsers.map((u) => (answered.length >= k && u >= k ? percent(u, answered.length) : null)),
      byIndustry: surveyGroups(groupBy(answered, (r) => r.industry_code.slice(0, 2))),
      byRegion: byChild ? surveyGroups(groupBy(answered, (r) => childOf(r.region_code))).map((g) => ({ ...g, code: g.code.padEnd(6, '0') })) : [],
    };

    // 获证企业
    const held = await heldCertificates(prefix);
    const { rows: published } = await sql<{ region_code: string | null; level: number }>`select region_code, level from published_certification`.execute(p.db);
    const mine = published.filter((r) => prefix === '' || (r.region_code ?? '').startsWith(prefix));
    const certifiedRow = (certs: typeof held, pubs: typeof mine) => ({
      levels: CERTIFIED_LEVELS.map((l) => shown(certs.filter((c) => (c.level ?? 'custom') === l).length)),
      total: shown(certs.length),
      published: shown(pubs.length),
    });
    const children = [...new Set([...held.map((c) => childOf(c.region_code)), ...mine.filter((r) => r.region_code).map((r) => childOf(r.region_code!))])].sort();
    const certified = {
      region: certifiedRow(held, mine),
      byRegion: byChild ? children.map((c) => ({ code: c.padEnd(6, '0'), ...certifiedRow(held.filter((h) => childOf(h.region_code) === c), mine.filter((r) => r.region_code !== null && childOf(r.region_code) === c)) })) : [],
    };

    // 自评校准
    const formal = new Map(held.filter((c) => c.level !== null).map((c) => [c.enterprise_id, c.level!]));
    const pairs = valid.filter((r) => formal.has(r.enterprise_id)).map((r) => ({ ...r, difference: r.level - formal.get(r.enterprise_id)! }));
    const optimistic = (g: typeof pairs) => g.filter((x) => x.difference > 0).length;
    const meanDifference = (g: typeof pairs) => Math.round((g.reduce((a, x) => a + x.difference, 0) / g.length) * 100) / 100;
    const cells = new Map(LEVEL_DIFFERENCES.map((d) => [String(d), pairs.filter((x) => x.difference === d).length]));
    const hiddenCells = pairs.length >= k ? hiddenOf(cells, pairs.length) : new Set(cells.keys());
    const calibrationGroups = (groups: Map<string, typeof pairs>) => {
      const hidden = hiddenOf(new Map([...groups].map(([key, g]) => [key, g.length])), pairs.length);
      const hiddenOptimistic = hiddenOf(new Map([...groups].map(([key, g]) => [key, optimistic(g)])), optimistic(pairs), hidden);
      return [...groups]
        .filter(([key]) => !hidden.has(key))
        .map(([key, g]) => ({ code: key, enterprises: g.length, meanDifference: meanDifference(g), optimistic: hiddenOptimistic.has(key) ? null : shown(optimistic(g)) }))
        .sort((a, b) => a.code.localeCompare(b.code));
    };
    const calibration = {
      enterprises: shown(pairs.length),
      meanDifference: pairs.length >= k ? meanDifference(pairs) : null,
      optimistic: pairs.length >= k ? shown(optimistic(pairs)) : null,
      distribution: LEVEL_DIFFERENCES.map((d) => (hiddenCells.has(String(d)) ? null : shown(cells.get(String(d))!))),
      byIndustry: calibrationGroups(groupBy(pairs, (r) => r.industry_code.slice(0, 2))),
      byRegion: byChild ? calibrationGroups(groupBy(pairs, (r) => childOf(r.region_code))).map((g) => ({ ...g, code: g.code.padEnd(6, '0') })) : [],
    };
    return { survey, certified, calibration };
  }

  const asCompared = (d: Dashboard) => {
    const surveyGroup = (g: Dashboard['survey']['byIndustry'][number]) => ({ code: g.code, enterprises: g.enterprises, networked: g.networked, nc: g.nc, users: g.systems.map((s) => s.users.value) });
    const certifiedRow = (r: Dashboard['certified']['region']) => ({ levels: r.levels.map((c) => c.value), total: r.total.value, published: r.published.value });
    const calibrationGroup = (g: Dashboard['calibration']['byIndustry'][number]) => ({ code: g.code, enterprises: g.enterprises, meanDifference: g.meanDifference, optimistic: g.optimistic.value });
    return {
      survey: {
        enterprises: d.survey.enterprises.value,
        networked: d.survey.networked,
        nc: d.survey.nc,
        users: d.survey.systems.map((s) => s.users.value),
        shares: d.survey.systems.map((s) => s.share),
        byIndustry: d.survey.byIndustry.map(surveyGroup),
        byRegion: d.survey.byRegion.map(surveyGroup),
      },
      certified: { region: certifiedRow(d.certified.region), byRegion: d.certified.byRegion.map((r) => ({ code: r.code, ...certifiedRow(r) })) },
      calibration: {
        enterprises: d.calibration.enterprises.value,
        meanDifference: d.calibration.meanDifference,
        optimistic: d.calibration.optimistic.value,
        distribution: d.calibration.distribution.map((c) => c.enterprises.value),
        byIndustry: d.calibration.byIndustry.map(calibrationGroup),
        byRegion: d.calibration.byRegion.map(calibrationGroup),
      },
    };
  };

  const surveyArb: fc.Arbitrary<Survey | null> = fc.option(
    fc.record({
      systems: fc.subarray([...INFORMATION_SYSTEMS]),
      networked: fc.integer({ min: 0, max: 100 }),
      nc: fc.integer({ min: 0, max: 100 }),
    }).map((s) => ({ employees: 50, revenueBand: 'lt300', mainProducts: '测试', productionMode: 'mass', informationSystems: s.systems, networkedEquipmentShare: s.networked, ncEquipmentShare: s.nc }) as Survey),
    { freq: 5 },
  );

  it('equals the figures recomputed from the raw rows, at every level of the drill-down, after any completions and certificates', async () => {
    await reset();
    const enterprises = await insertEnterprises(40);
    const completion = fc.record({ enterprise: fc.nat(39), level: fc.nat(5), minute: fc.integer({ min: 0, max: 60 * 24 * 60 }), survey: surveyArb });
    const certificate = fc.record({
      enterprise: fc.nat(39),
      level: fc.option(fc.integer({ min: 1, max: 5 }), { freq: 6 }),
      status: fc.constantFrom('valid', 'valid', 'valid', 'suspended', 'revoked', 'expired'),
      validUntil: fc.constantFrom('2026-11-20', '2026-11-21', '2028-01-01'),
      issuedOn: fc.constantFrom('2025-01-01', '2026-01-01'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(completion, { minLength: 30, maxLength: 70 }), fc.array(certificate, { minLength: 10, maxLength: 40 }), async (completions, certificates) => {
        await sql`delete from assessment`.execute(p.db);
        await sql`delete from certificate`.execute(p.db);
        await deleteAggregates();
        const instants = new Set<string>(); // no two completions of one enterprise at the same instant: a tie goes to the one recorded later, which the rows do not tell
        for (const c of completions) {
          if (instants.has(`${c.enterprise}|${c.minute}`)) continue;
          instants.add(`${c.enterprise}|${c.minute}`);
          await storeCompletedDiagnosis(p.ctx, enterprises[c.enterprise]!, POOL[c.level]!, new Date(START + c.minute * 60_000), c.survey);
        }
        for (const c of certificates) await certify(enterprises[c.enterprise]!, c.level, c.status, c.validUntil, c.issuedOn);
        for (const region of [null, '320000', '320500', '320583', '110000']) {
          const dashboard = await readDashboard(p.ctx, PLATFORM_ADMIN, region === null ? {} : { region });
          expectKAnonymous(dashboard);
          expect(asCompared(dashboard)).toEqual(await recomputed(region));
        }
        expect(await surveyCellsInTable(p.db)).toEqual(await surveyCellsFromRawRows(p.db)); // every cell, not only those read
        await p.ctx.transaction((tx) => tx.repos.surveyAggregate.rebuildSurveyAggregate()); // the set-based fill agrees
        expect(await surveyCellsInTable(p.db)).toEqual(await surveyCellsFromRawRows(p.db));
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it('hides a group of 4 and shows it at 5; the 2022 published certifications count by their region', async () => {
    await reset();
    const ids = await insertEnterprises(0);
    for (let i = 0; i < 9; i++) ids.push(await insertEnterpriseRow(p.ctx, { name: `四五企业${i}`, regionCode: i < 4 ? '320583' : '320506', industryCode: '351' }));
    const survey = (systems: Survey['informationSystems'], networked: number): Survey => ({ employees: 9, revenueBand: 'lt300', mainProducts: '泵', productionMode: 'mass', informationSystems: systems, networkedEquipmentShare: networked, ncEquipmentShare: 50 });
    for (const [i, id] of ids.entries()) {
      await storeCompletedDiagnosis(p.ctx, id, POOL[3]!, new Date(START + i * 60_000), survey(i < 6 ? ['ERP', 'MES'] : ['ERP'], i * 10));
      await certify(id, i < 5 ? 2 : 3, 'valid', '2028-01-01');
    }
    const suzhou = await readDashboard(p.ctx, PLATFORM_ADMIN, { region: '320500' });
    expect(suzhou.survey.enterprises.value).toBe(9);
    expect(suzhou.survey.networked).toBe(40); // (0 + 10 + … + 80) / 9
    const erp = suzhou.survey.systems.find((s) => s.id === 'ERP')!;
    const mes = suzhou.survey.systems.find((s) => s.id === 'MES')!;
    expect([erp.users.value, erp.share, mes.users.value, mes.share]).toEqual([9, 100, 6, 66.7]);
    expect(suzhou.survey.systems.find((s) => s.id === 'OA')!.users).toEqual({ value: null, suppressed: true });
    // 昆山 has 4: hidden, and 吴中 with it (else 9 − 5 gives 昆山 away)
    expect(suzhou.survey.byRegion).toEqual([]);
    expect(suzhou.survey.suppressedGroups).toBe(2);
    expect(suzhou.survey.byIndustry.map((g) => [g.code, g.enterprises])).toEqual([['35', 9]]);
    // self-diagnosed 三级 against 二级 (5) and 三级 (4): +1 for five, 0 for four
    expect(suzhou.calibration.enterprises.value).toBe(9);
    expect(suzhou.calibration.meanDifference).toBe(0.56);
    expect([suzhou.calibration.optimistic.value, suzhou.calibration.optimisticShare]).toEqual([5, 55.6]);
    // +1 shown; the 4 at 0 is hidden among the empty cells, which are hidden too
    expect(suzhou.calibration.distribution.map((c) => c.enterprises.value)).toEqual(LEVEL_DIFFERENCES.map((d) => (d === 1 ? 5 : null)));
    expect(suzhou.certified.region.levels.map((c) => c.value)).toEqual([null, 5, null, null, null, null]);
    expect(suzhou.certified.region.total.value).toBe(9);
    expect(suzhou.certified.byRegion.map((r) => [r.code, r.total.value])).toContainEqual(['320583', null]);
    // one more in 吴中: 昆山 (4) and 太仓 (1) hidden, 吴中 (5) shown
    const [taicang] = [await insertEnterpriseRow(p.ctx, { name: '太仓企业', regionCode: '320585', industryCode: '351' })];
    await storeCompletedDiagnosis(p.ctx, taicang!, POOL[3]!, new Date(START), survey(['ERP'], 0));
    const withTaicang = await readDashboard(p.ctx, PLATFORM_ADMIN, { region: '320500' });
    expect(withTaicang.survey.byRegion.map((g) => [g.code, g.enterprises])).toEqual([['320506', 5]]);
    expect(withTaicang.survey.byRegion[0]!.systems.find((s) => s.id === 'ERP')!.users.value).toBe(5);
    // the 2022 published certifications: 江苏's in the province's column, the nation counts all 304
    const { rows } = await sql<{ n: string }>`select count(*) as n from published_certification where region_code like '32%'`.execute(p.db);
    const jiangsu = await readDashboard(p.ctx, PLATFORM_ADMIN, { region: '320000' });
    expect(jiangsu.certified.region.published.value).toBe(Number(rows[0]!.n) >= k ? Number(rows[0]!.n) : null);
    const nation = await readDashboard(p.ctx, PLATFORM_ADMIN, {});
    expect(nation.certified.region.published.value).toBe(304);
  });

  it('keeps the survey on results recorded late (the start-up backfill) and on results there before the migration', async () => {
    await reset();
    const [id] = await insertEnterprises(1);
    const survey: Survey = { employees: 9, revenueBand: 'lt300', mainProducts: '泵', productionMode: 'mass', informationSystems: ['MES', 'ERP'], networkedEquipmentShare: 35, ncEquipmentShare: 70 };
    // stored completed without its compact result (as before the read side existed): the backfill records it with its survey
    const assessmentId = newId();
    await p.ctx.repos.assessments.insertCompletedAssessment({ id: assessmentId, enterpriseId: id!, result: POOL[2]!, answers: {}, completedAt: new Date(START), survey });
    expect(await backfillDiagnosisResults(p.ctx)).toBe(1);
    const facts = () => p.db.selectFrom('diagnosis_result').select(['survey_systems', 'networked_share', 'nc_share']).where('assessment_id', '=', assessmentId).executeTakeFirstOrThrow();
    expect(await facts()).toEqual({ survey_systems: ['MES', 'ERP'], networked_share: 35, nc_share: 70 });
    // results recorded before migration 20261202110000: it takes their survey from the diagnosis
    const migration = (await import('../../db/migrations/20261202110000-survey-indicators.ts')) as { up(db: unknown): Promise<void>; down(db: unknown): Promise<void> };
    await migration.down(p.db);
    await migration.up(p.db);
    expect(await facts()).toEqual({ survey_systems: ['MES', 'ERP'], networked_share: 35, nc_share: 70 });
    // the 调查问卷 cells: kept by the backfill's completion, filled by migration 20261203100000 from the results there
    const cells = await surveyCellsFromRawRows(p.db);
    expect(cells).toContain('32|35|uses:MES|1');
    expect(await surveyCellsInTable(p.db)).toEqual(cells);
    const aggregate = (await import('../../db/migrations/20261203100000-survey-aggregate.ts')) as { up(db: unknown): Promise<void>; down(db: unknown): Promise<void> };
    await aggregate.down(p.db);
    await aggregate.up(p.db);
    expect(await surveyCellsInTable(p.db)).toEqual(cells);
  });

  it("gives a region admin its own region's indicators, equal to the platform admin's for that region", async () => {
    const wuxi = await staffClient(p, 'region_admin', '320200');
    const own = await wuxi.client.get<Dashboard>('/api/dashboard');
    expect(own.status).toBe(200);
    const admin = await readDashboard(p.ctx, PLATFORM_ADMIN, { region: '320200' });
    expect({ survey: own.body.survey, certified: own.body.certified, calibration: own.body.calibration }).toEqual({ survey: admin.survey, certified: admin.certified, calibration: admin.calibration });
    for (const row of [...own.body.survey.byRegion, ...own.body.certified.byRegion, ...own.body.calibration.byRegion]) expect(row.code!.startsWith('3202')).toBe(true);
    const neighbour = await wuxi.client.get<{ error: { code: string } }>('/api/dashboard?region=320500');
    expect(neighbour.status).toBe(403);
  });
});
