// The policies of the enterprise's region: those that reward its current or next level, then the rest as related.
import { describe, expect, it } from 'vitest';
import { policiesFor } from '../src/policy-matches.ts';

describe('policiesFor', () => {
  it('finds the province policy of 安徽 for a county there, as the next level at 二级 and the current one at 三级', () => {
    const atTwo = policiesFor('340102', 2).filter((m) => m.policyId === 'policy-22');
    expect(atTwo).toEqual([expect.objectContaining({ applies: 'next', levels: [3], scope: 'province', region: '安徽省' })]);
    expect(atTwo[0]!.reward).toContain('100 万元');
    const atThree = policiesFor('340102', 3).filter((m) => m.policyId === 'policy-22');
    expect(atThree.map((m) => [m.applies, m.levels])).toEqual([['current', [3]], ['next', [4]]]);
    expect(atThree[1]!.reward).toContain('300 万元');
  });

  it('always includes the national policies that concern the level, first', () => {
    for (const code of ['340102', '320214', '110101', '650102']) {
      const atTwo = policiesFor(code, 2).filter((m) => m.applies !== 'related');
      expect(atTwo.filter((m) => m.scope === 'national').map((m) => [m.policyId, m.applies])).toEqual([
        ['policy-02', 'next'],
        ['policy-03', 'next'],
      ]);
      expect(atTwo[0]!.scope).toBe('national');
      // A reward for 三级及以上 is listed once at 三级: as current, not again as next.
      const atThree = policiesFor(code, 3).filter((m) => m.scope === 'national' && m.applies !== 'related');
      expect(atThree.map((m) => [m.policyId, m.applies])).toEqual([
        ['policy-02', 'current'],
        ['policy-03', 'current'],
      ]);
      expect(policiesFor(code, 0).filter((m) => m.scope === 'national' && m.applies !== 'related')).toEqual([]);
    }
  });

  it('matches nation, province, city and county by code prefix, in that order', () => {
    const matches = policiesFor('320214', 2).filter((m) => m.applies !== 'related'); // 无锡市新吴区
    expect(matches.map((m) => [m.policyId, m.applies])).toEqual([
      ['policy-02', 'next'],
      ['policy-03', 'next'],
      ['policy-05', 'current'], // 无锡市, 二级及以上
      ['policy-07', 'current'],
      ['policy-07', 'next'],
      ['policy-09', 'current'],
      ['policy-09', 'next'],
    ]);
    expect(matches.find((m) => m.policyId === 'policy-07' && m.applies === 'current')!.reward).toContain('20 万元');
    expect(matches.find((m) => m.policyId === 'policy-07' && m.applies === 'next')!.reward).toContain('50 万元');
    // Another county of 无锡 gets its own county policy, not 新吴区's.
    const huishan = policiesFor('320206', 4).map((m) => m.policyId);
    expect(huishan).toContain('policy-08');
    expect(huishan).not.toContain('policy-07');
    // Scope order is kept everywhere.
    const rank = { national: 0, province: 1, city: 2, county: 3 };
    for (const [code, level] of [['320214', 3], ['360702', 1], ['410102', 4], ['440306', 2]] as const) {
      for (const part of [policiesFor(code, level).filter((m) => m.applies !== 'related'), policiesFor(code, level).filter((m) => m.applies === 'related')]) {
        const got = part.map((m) => rank[m.scope]);
        expect(got).toEqual([...got].sort((a, b) => a - b));
      }
    }
  });

  it('lists nothing beyond 五级 as the next level', () => {
    expect(policiesFor('320214', 5).some((m) => m.applies === 'next')).toBe(false);
  });

  it('lists the region\'s policies without a reward for the level as related, after the level-matched ones', () => {
    // 昆山 (江苏省苏州市), 一级: nothing rewards 一级 or 二级 there, but the nation, 江苏 and 苏州 have plans.
    const kunshan = policiesFor('320583', 1);
    expect(kunshan.every((m) => m.applies === 'related')).toBe(true);
    expect(kunshan.map((m) => m.policyId)).toEqual(['policy-01', 'policy-02', 'policy-03', 'policy-04', 'policy-15']);
    expect(kunshan.find((m) => m.policyId === 'policy-04')).toMatchObject({ document: '《关于做好“智改数转”诊断工作的通知》', reward: '', levels: [] });
    // A related policy's rewards for other levels say which level each is for.
    expect(kunshan.find((m) => m.policyId === 'policy-02')!.reward).toMatch(/^三级及以上：规划目标/);
    // 无锡市新吴区 at 二级: level-matched first; the region's other policies after them, each once.
    const xinwu = policiesFor('320214', 2);
    const firstRelated = xinwu.findIndex((m) => m.applies === 'related');
    expect(xinwu.slice(firstRelated).every((m) => m.applies === 'related')).toBe(true);
    expect(xinwu.slice(firstRelated).map((m) => m.policyId)).toEqual(['policy-01', 'policy-04', 'policy-06']);
    // 新疆 at 一级: no regional policy, the national ones as related.
    expect(policiesFor('650102', 1).map((m) => [m.policyId, m.applies])).toEqual([
      ['policy-01', 'related'],
      ['policy-02', 'related'],
      ['policy-03', 'related'],
    ]);
  });
});
