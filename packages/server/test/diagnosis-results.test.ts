// The read side of self-diagnoses (issue 11 §1): compact results and aggregates written in the completing
// transaction, checked against the raw rows; peer percentiles from indexed counts, checked against the
// computation that loaded every peer into Node.
import { assess, DEFAULT_EDITION_ID, editionIndex, requireEdition, type EnterpriseType, type Grade, type ScoreResult } from '@cmmm/model';
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../src/context.ts';
import { newId } from '../src/security/tokens.ts';
import { cellsOf, completionDeltas, monthOf, nodeOrderOf, nodeScoresOf, scoreE9Of } from '../src/services/statistics/diagnosis-facts.ts';
import { peerStandingOf } from '../src/services/statistics/peer-standing.ts';
import { backfillDiagnosisResults, recordDiagnosisResult } from '../src/services/statistics/record-diagnosis-result.ts';
import { backfillWeakSubdomains, rebuildWeakSubdomains } from '../src/services/statistics/weak-subdomain-aggregate.ts';
import { completeSelfDiagnosis, newCreditCode, registeredClient, testDatabases, usePlatform } from './harness.ts';
import { fullScanStanding } from './peer-reference.ts';
import { weakCellsFromRawRows, weakCellsInTable } from './weak-subdomain-reference.ts';

const edition = requireEdition(DEFAULT_EDITION_ID);

/** Answers meeting the levels up to `target` (FI, or LI every `every`-th) and short above it. */
function resultFor(target: number, every: number, enterpriseType: EnterpriseType): ScoreResult {
  const answers: Record<string, Grade> = {};
  editionIndex(edition).requirements.forEach(({ requirement: r, level }, i) => {
    answers[r.id] = level <= target ? (i % every ? 'FI' : 'LI') : i % every ? 'PI' : 'NI';
  });
  const scored = assess({ enterpriseType, tailored: [], answers });
  if (!scored.ok) throw new Error(scored.issues[0]!.message);
  return scored.value;
}

/** Few distinct results, so scores tie as they do on a real platform. */
const POOL: ScoreResult[] = [
  resultFor(0, 2, 'discrete'),
  resultFor(1, 3, 'discrete'),
  resultFor(1, 3, 'process'),
  resultFor(2, 2, 'discrete'),
  resultFor(2, 5, 'process'),
  resultFor(3, 4, 'discrete'),
  resultFor(5, 7, 'discrete'),
];
const INDUSTRIES = ['351', '352', '131'];
const REGIONS = ['320583', '320214', '110108', '110105'];
const DAY = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');

describe('the facts kept of a result', () => {
  it('rounds S × 10^9 half up from the exact fraction', () => {
    expect(scoreE9Of('5')).toBe(5_000_000_000n);
    expect(scoreE9Of('1/3')).toBe(333_333_333n);
    expect(scoreE9Of('2/3')).toBe(666_666_667n);
    expect(scoreE9Of('1/2000000000')).toBe(1n); // exactly one half of the last unit
    expect(scoreE9Of('1/2000000001')).toBe(0n);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const e9 = scoreE9Of(`${n}/${d}`);
        // |S × 10^9 − e9| ≤ 1/2, and exactly 1/2 only rounding up
        const twice = 2n * (n * 1_000_000_000n - e9 * d);
        return twice <= d && twice > -d;
      }),
    );
  });

  it('takes the month in China Standard Time', () => {
    expect(monthOf(new Date('2026-11-30T15:59:59Z'))).toBe(202611);
    expect(monthOf(new Date('2026-11-30T16:00:00Z'))).toBe(202612);
  });

  it('keeps one node score per evaluated level and node, −1 where absent, and counts a result in 12 cells', () => {
    const result = resultFor(2, 3, 'process'); // 流程型: 产品设计 and 产品服务 not assessed
    const scores = nodeScoresOf(result, edition);
    const nodes = nodeOrderOf(edition);
    expect(scores).toHaveLength(Object.keys(result.breakdown).length * nodes.length);
    const design = nodes.findIndex((id) => result.excluded[id] === 'notAssessed');
    expect(design).toBeGreaterThanOrEqual(0);
    expect(scores[design]).toBe(-1);
    expect(Math.max(...scores)).toBeLessThanOrEqual(10_000);
    const cells = cellsOf({ province: '32', city: '3205', county: '320583', industryMajor: '35', industryCode: '351', enterpriseType: 'discrete', month: 202611, level: 2 });
    expect(new Set(cells.map((c) => `${c.region}|${c.industry}|${c.month}`)).size).toBe(12);
    // a replacement in the same cells nets out to zero valid change there
    const facts = { province: '32', city: '3205', county: '320583', industryMajor: '35', industryCode: '351', enterpriseType: 'discrete' as const, month: 202611, level: 2 };
    const deltas = completionDeltas({ ...facts, scoreE9: 5n }, true, { ...facts, scoreE9: 3n });
    expect(deltas.every((d) => d.completed === 1 && d.valid === 0 && d.scoreE9Sum === 2n)).toBe(true);
  });
});

interface Step {
  enterprise: number;
  result: number;
  /** Minutes after START; unique within a run, and not in order: late recordings happen (backfill). */
  minute: number;
}

describe.each(testDatabases)('the read side of self-diagnoses on the $name database', ({ open }) => {
  const p = usePlatform(open);

  async function insertEnterprises(count: number, seed: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = newId();
      const regionCode = REGIONS[(i + seed) % REGIONS.length]!;
      await p.ctx.repos.enterprises.insertEnterprise({
        id,
        name: `读侧测试企业${seed}-${i}`,
        creditCode: newCreditCode(regionCode),
        organisationType: 'independent',
        parentName: null,
        industryCode: INDUSTRIES[(i * 7 + seed) % INDUSTRIES.length]!,
        regionCode,
        enterpriseType: 'discrete',
        contactName: '测试',
        contactMobile: '13800000000',
        subPlatformCode: null,
      });
      ids.push(id);
    }
    return ids;
  }

  /** A completed self-diagnosis stored and recorded in one transaction, as the completion does. */
  const complete = (ctx: ServiceContext, enterpriseId: string, result: ScoreResult, completedAt: Date) =>
    ctx.transaction(async (tx) => {
      const assessmentId = newId();
      await tx.repos.assessments.insertCompletedAssessment({ id: assessmentId, enterpriseId, result, answers: {}, completedAt });
      await recordDiagnosisResult(tx, { assessmentId, enterpriseId, completedAt, result, survey: null });
      return assessmentId;
    });

  async function reset() {
    await sql`delete from enterprise`.execute(p.db); // assessments and results cascade
    await sql`delete from diagnosis_aggregate`.execute(p.db);
    await sql`delete from diagnosis_weak_aggregate`.execute(p.db);
    await sql`delete from diagnosis_survey_aggregate`.execute(p.db);
  }

  /** Every aggregate recomputed from the raw rows (assessment ⋈ enterprise), written independently of the server's code. */
  async function aggregatesFromRawRows() {
    const { rows } = await sql<{ id: string; enterprise_id: string; completed_at: Date; level: number; enterprise_type: string; exact: string; region_code: string; industry_code: string }>`
      select a.id, a.enterprise_id, a.completed_at, a.level, a.enterprise_type, a.result->>'totalScoreExact' as exact, e.region_code, e.industry_code
        from assessment a join enterprise e on e.id = a.enterprise_id
       where a.kind = 'self_diagnosis' and a.status = 'completed'`.execute(p.db);
    const latest = new Map<string, number>();
    for (const r of rows) latest.set(r.enterprise_id, Math.max(latest.get(r.enterprise_id) ?? -Infinity, r.completed_at.getTime()));
    const months = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' });
    const cells = new Map<string, { completed: number; valid: number; sum: bigint }>();
    for (const r of rows) {
      const valid = latest.get(r.enterprise_id) === r.completed_at.getTime();
      const [num, den = '1'] = r.exact.split('/').map(String);
      const scaled = BigInt(num!) * 1_000_000_000n;
      const e9 = scaled / BigInt(den) + (2n * (scaled % BigInt(den)) >= BigInt(den) ? 1n : 0n);
      const month = Number(months.format(r.completed_at).replace('-', ''));
      const [province, city, county, major, middle] = [r.region_code.slice(0, 2), r.region_code.slice(0, 4), r.region_code, r.industry_code.slice(0, 2), r.industry_code];
      const keys = [
        ...['', province, city, county].map((region) => [region, '', 0]),
        ...['', province, city].map((region) => [region, major, 0]),
        ...['', province].map((region) => [region, middle, 0]),
        ...['', province, city].map((region) => [region, '', month]),
      ];
      for (const [region, industry, m] of keys) {
        const key = [region, industry, r.enterprise_type, m, r.level].join('|');
        const cell = cells.get(key) ?? { completed: 0, valid: 0, sum: 0n };
        cell.completed += 1;
        if (valid) {
          cell.valid += 1;
          cell.sum += e9;
        }
        cells.set(key, cell);
      }
    }
    return [...cells.entries()].map(([key, c]) => `${key}|${c.completed}|${c.valid}|${c.sum}`).sort();
  }

  async function aggregatesInTable() {
    const rows = await p.ctx.repos.diagnosisResults.listAggregates();
    return rows
      .filter((r) => r.completed !== 0 || r.valid !== 0 || r.score_e9_sum !== '0')
      .map((r) => [r.region, r.industry, r.enterprise_type, r.month, r.level, r.completed, r.valid, r.score_e9_sum].join('|'))
      .sort();
  }

  it('after any sequence of completions, every aggregate equals the figure recomputed from the raw rows', async () => {
    const step = fc.record({ enterprise: fc.nat(5), result: fc.nat(POOL.length - 1), minute: fc.integer({ min: 0, max: 200 * 24 * 60 }) });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(step, { minLength: 1, maxLength: 14, selector: (s: Step) => s.minute }), async (steps) => {
        await reset();
        const enterprises = await insertEnterprises(6, steps.length);
        for (const s of steps) await complete(p.ctx, enterprises[s.enterprise]!, POOL[s.result]!, new Date(START + s.minute * 60_000));
        expect(await aggregatesInTable()).toEqual(await aggregatesFromRawRows());
        expect(await weakCellsInTable(p.db)).toEqual(await weakCellsFromRawRows(p.db)); // 问题短板's cells
        // one valid result per enterprise that completed any, and it is the latest
        const valid = await p.db.selectFrom('diagnosis_result').select(['enterprise_id', 'completed_at']).where('valid', '=', true).execute();
        expect(valid.length).toBe(new Set(steps.map((s) => s.enterprise)).size);
        for (const v of valid) {
          const latest = Math.max(...steps.filter((s) => enterprises[s.enterprise] === v.enterprise_id).map((s) => START + s.minute * 60_000));
          expect(v.completed_at.getTime()).toBe(latest);
        }
        // the set-based rebuild (clearing demo data, bulk loads) agrees with the increments
        await p.ctx.transaction((tx) => tx.repos.diagnosisResults.rebuildAggregates());
        expect(await aggregatesInTable()).toEqual(await aggregatesFromRawRows());
        await p.ctx.transaction((tx) => rebuildWeakSubdomains(tx));
        expect(await weakCellsInTable(p.db)).toEqual(await weakCellsFromRawRows(p.db));
      }),
      { numRuns: 12 },
    );
  });

  it('backfills completed self-diagnoses stored before the read side existed, to the same rows and aggregates', async () => {
    await reset();
    const enterprises = await insertEnterprises(5, 3);
    for (let i = 0; i < 9; i++) await complete(p.ctx, enterprises[i % 5]!, POOL[(i * 3) % POOL.length]!, new Date(START + (i * 17 % 9) * DAY));
    const before = { results: await p.db.selectFrom('diagnosis_result').selectAll().orderBy('assessment_id').execute(), scores: await p.db.selectFrom('diagnosis_node_scores').selectAll().orderBy('assessment_id').execute(), aggregates: await aggregatesInTable() };
    await sql`delete from diagnosis_result`.execute(p.db);
    await sql`delete from diagnosis_aggregate`.execute(p.db);
    await sql`delete from diagnosis_weak_aggregate`.execute(p.db);
    await sql`delete from diagnosis_survey_aggregate`.execute(p.db);
    expect(await backfillDiagnosisResults(p.ctx)).toBe(9);
    expect(await backfillDiagnosisResults(p.ctx)).toBe(0); // idempotent
    expect(await p.db.selectFrom('diagnosis_result').selectAll().orderBy('assessment_id').execute()).toEqual(before.results);
    expect(await p.db.selectFrom('diagnosis_node_scores').selectAll().orderBy('assessment_id').execute()).toEqual(before.scores);
    expect(await aggregatesInTable()).toEqual(before.aggregates);
    expect(await weakCellsInTable(p.db)).toEqual(await weakCellsFromRawRows(p.db));
  });

  it('fills 问题短板\'s cells at start once for the results recorded before they existed, then leaves them to the completions', async () => {
    await reset();
    const enterprises = await insertEnterprises(6, 5);
    for (let i = 0; i < 10; i++) await complete(p.ctx, enterprises[i % 6]!, POOL[(i * 5) % POOL.length]!, new Date(START + i * DAY));
    const cells = await weakCellsInTable(p.db);
    expect(cells.length).toBeGreaterThan(0);
    await sql`delete from diagnosis_weak_aggregate`.execute(p.db); // as the migration leaves it
    expect(await backfillWeakSubdomains(p.ctx)).toBe(true);
    expect(await weakCellsInTable(p.db)).toEqual(cells);
    expect(await backfillWeakSubdomains(p.ctx)).toBe(false); // once
    await complete(p.ctx, enterprises[0]!, POOL[1]!, new Date(START + 20 * DAY));
    expect(await backfillWeakSubdomains(p.ctx)).toBe(false);
    expect(await weakCellsInTable(p.db)).toEqual(await weakCellsFromRawRows(p.db));
  });

  it('gives the same peer percentiles as loading every peer\'s score into Node', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(POOL.length - 1), fc.nat(2)), { minLength: 8, maxLength: 40 }), fc.nat(1000), async (draws, seed) => {
        await reset();
        const enterprises = await insertEnterprises(draws.length, seed);
        const ids: string[] = [];
        let minute = 0;
        for (const [i, [result, again]] of draws.entries()) {
          for (let k = 0; k <= again; k++) ids.push(await complete(p.ctx, enterprises[i]!, POOL[(result + k) % POOL.length]!, new Date(START + ++minute * 60_000)));
        }
        for (const id of ids) {
          const old = await fullScanStanding(p.db, id);
          expect(await peerStandingOf(p.ctx, old.input, 'industry_major', old.input.industryMajor)).toEqual(old.industry);
          expect(await peerStandingOf(p.ctx, old.input, 'province', old.input.province)).toEqual(old.region);
        }
      }),
      { numRuns: 4 },
    );
  });

  it('records a diagnosis completed through the API in the completing transaction, and a newer one replaces it', async () => {
    await reset();
    const e = await registeredClient(p);
    const first = await completeSelfDiagnosis(e.client);
    const firstRow = await p.db.selectFrom('diagnosis_result').selectAll().where('assessment_id', '=', first.id).executeTakeFirstOrThrow();
    const assessment = await p.db.selectFrom('assessment').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(firstRow).toMatchObject({ enterprise_id: e.enterpriseId, level: assessment.level, score: assessment.total_score, valid: true });
    expect(firstRow.completed_at.getTime()).toBe(assessment.completed_at!.getTime());
    p.clock.advance(60_000);
    const second = await completeSelfDiagnosis(e.client);
    const rows = await p.db.selectFrom('diagnosis_result').select(['assessment_id', 'valid']).where('enterprise_id', '=', e.enterpriseId).execute();
    expect(Object.fromEntries(rows.map((r) => [r.assessment_id, r.valid]))).toEqual({ [first.id]: false, [second.id]: true });
    expect(await aggregatesInTable()).toEqual(await aggregatesFromRawRows());
    const nation = (await p.ctx.repos.diagnosisResults.listAggregates()).filter((r) => r.region === '' && r.industry === '' && r.month === 0);
    expect(nation.reduce((n, r) => n + r.valid, 0)).toBe(1);
    expect(nation.reduce((n, r) => n + r.completed, 0)).toBe(2);
  });
});
