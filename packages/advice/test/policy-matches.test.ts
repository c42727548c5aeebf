// The policies of the enterprise's region that reward its current or next level.
import { describe, expect, it } from 'vitest';
import { policiesFor } from '../src/policy-matches.ts';

describe('policiesFor', () => {
  it('finds the province policy of 安徽 for a county there, as the next level at 二级 and the current one at 三级', () => {
    const atTwo = policiesFor('340102', 2).filter((m) => m.policyId === 'policy-22');
    expect(atTwo).toEqual([expect.objectContaining({ forCurrentLevel: false, levels: [3], scope: 'province', region: '安徽省' })]);
    expect(atTwo[0]!.reward).toContain('100 万元');
    const atThree = policiesFor('340102', 3).filter((m) => m.policyId === 'policy-22');
    expect(atThree.map((m) => [m.forCurrentLevel, m.levels])).toEqual([[true, [3]], [false, [4]]]);
    expect(atThree[1]!.reward).toContain('300 万元');
  });

  it('always includes the national policies that concern the level, first', () => {
    for (const code of ['340102', '320214', '110101', '650102']) {
      const atTwo = policiesFor(code, 2);
      expect(atTwo.filter((m) => m.scope === 'national').map((m) => [m.policyId, m.forCurrentLevel])).toEqual([
        ['policy-02', false],
        ['policy-03', false],
      ]);
      expect(atTwo[0]!.scope).toBe('national');
      // A reward for 三级及以上 is listed once at 三级: as current, not again as next.
      const atThree = policiesFor(code, 3).filter((m) => m.scope === 'national');
      expect(atThree.map((m) => [m.policyId, m.forCurrentLevel])).toEqual([
        ['policy-02', true],
        ['policy-03', true],
      ]);
      expect(policiesFor(code, 0).filter((m) => m.scope === 'national')).toEqual([]);
    }
  });

  it('matches nation, province, city and county by code prefix, in that order', () => {
    const matches = policiesFor('320214', 2); // 无锡市新吴区
    expect(matches.map((m) => [m.policyId, m.forCurrentLevel])).toEqual([
      ['policy-02', false],
      ['policy-03', false],
      ['policy-05', true], // 无锡市, 二级及以上
      ['policy-07', true],
      ['policy-07', false],
      ['policy-09', true],
      ['policy-09', false],
    ]);
    expect(matches.find((m) => m.policyId === 'policy-07' && m.forCurrentLevel)!.reward).toContain('20 万元');
    expect(matches.find((m) => m.policyId === 'policy-07' && !m.forCurrentLevel)!.reward).toContain('50 万元');
    // Another county of 无锡 gets its own county policy, not 新吴区's.
    const huishan = policiesFor('320206', 4).map((m) => m.policyId);
    expect(huishan).toContain('policy-08');
    expect(huishan).not.toContain('policy-07');
    // Scope order is kept everywhere.
    const rank = { national: 0, province: 1, city: 2, county: 3 };
    for (const [code, level] of [['320214', 3], ['360702', 1], ['410102', 4], ['440306', 2]] as const) {
      const got = policiesFor(code, level).map((m) => rank[m.scope]);
      expect(got).toEqual([...got].sort((a, b) => a - b));
    }
  });

  it('lists nothing beyond 五级 and nothing for a region without level-specific policies', () => {
    expect(policiesFor('320214', 5).every((m) => m.forCurrentLevel)).toBe(true);
    expect(policiesFor('650102', 1)).toEqual([]); // 新疆, 一级: no national reward at 一级 or 二级
  });
});
