// 演示数据: seeded with a realistic level distribution, cleared without touching anything else.
import { assess } from '@cmmm/model';
import { describe, expect, it } from 'vitest';
import { clearDemoData, seedDemoData } from '../src/services/platform/demo-data.ts';
import { registeredClient, testDatabases, usePlatform } from './harness.ts';

describe.each(testDatabases)('demo data on the $name database', ({ open }) => {
  const p = usePlatform(open);

  it('creates labelled enterprises with completed, engine-scored self-diagnoses near seed 002 distribution', async () => {
    const real = await registeredClient(p);
    const outcome = await seedDemoData(p.ctx, { enterprises: 120, seed: 7 });
    expect(outcome.enterprises).toBe(120);
    const rows = await p.db.selectFrom('enterprise').selectAll().where('is_demo', '=', true).execute();
    expect(rows).toHaveLength(120);
    expect(rows.every((r) => r.name.startsWith('演示数据'))).toBe(true);
    expect(new Set(rows.map((r) => r.industry_code)).size).toBeGreaterThan(5);
    expect(new Set(rows.map((r) => r.region_code)).size).toBeGreaterThan(5);
    const assessments = await p.db.selectFrom('assessment').selectAll().where('is_demo', '=', true).execute();
    expect(assessments).toHaveLength(120);
    expect(assessments.every((a) => a.status === 'completed' && a.level !== null && a.total_score !== null)).toBe(true);
    const atMostOne = assessments.filter((a) => a.level! <= 1).length / assessments.length;
    expect(atMostOne).toBeGreaterThan(0.5); // seed 002: 69%
    expect(atMostOne).toBeLessThan(0.85);
    expect(assessments.some((a) => a.level! >= 4)).toBe(true);
    // stored answers re-score to the stored level
    const one = assessments[0]!;
    const answers = await p.db.selectFrom('assessment_answer').select(['requirement_id', 'grade']).where('assessment_id', '=', one.id).execute();
    expect(answers.length).toBe(99 * Math.min(5, one.level! + 1));
    const rescored = assess({ enterpriseType: one.enterprise_type, answers: Object.fromEntries(answers.map((a) => [a.requirement_id, a.grade])) });
    expect(rescored.ok && [rescored.value.level, rescored.value.totalScore]).toEqual([one.level, one.total_score]);

    const cleared = await clearDemoData(p.ctx);
    expect(cleared).toEqual({ enterprises: 120, accounts: 120 });
    expect(await p.db.selectFrom('assessment').selectAll().execute()).toHaveLength(0);
    const left = await p.db.selectFrom('enterprise').select('id').execute();
    expect(left.map((r) => r.id)).toEqual([real.enterpriseId]); // nothing else touched
  });
});
