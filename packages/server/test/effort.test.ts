// Seed 002's person-day table (评估时间): 二级 1×2 + 3×2 = 8, 三级 3×2 + 5×3 = 21, 四级 3×2 + 5×4 = 26,
// 五级 5×3 + 7×4 = 43; and the flags when a plan gives less.
import { describe, expect, it } from 'vitest';
import { daysBetween, effortFlags, effortLevel, plannedEffort, STANDARD_EFFORT } from '../src/services/formal-assessment/effort.ts';

describe('person-day table', () => {
  it.each([
    [2, 1, 2, 3, 2, 8],
    [3, 3, 2, 5, 3, 21],
    [4, 3, 2, 5, 4, 26],
    [5, 5, 3, 7, 4, 43],
  ] as const)('%s级: pre %s people × %s days + formal %s × %s = %s person-days', (level, prePeople, preDays, formalPeople, formalDays, total) => {
    const std = STANDARD_EFFORT[level];
    expect(std.pre).toEqual({ people: prePeople, days: preDays, personDays: prePeople * preDays });
    expect(std.formal).toEqual({ people: formalPeople, days: formalDays, personDays: formalPeople * formalDays });
    expect(std.pre.personDays + std.formal.personDays).toBe(total);
  });

  it('plans a custom assessment like its highest target capability level, at least 二级 and at most 五级', () => {
    expect(effortLevel(3, [])).toBe(3);
    expect(effortLevel(null, [1, 2])).toBe(2);
    expect(effortLevel(null, [4, 3])).toBe(4);
    expect(effortLevel(null, [])).toBe(2);
    expect(effortLevel(null, [1])).toBe(2);
  });

  it('counts calendar days with both ends included, across a month end', () => {
    expect(daysBetween('2026-12-01', '2026-12-01')).toBe(1);
    expect(daysBetween('2026-11-30', '2026-12-02')).toBe(3);
    expect(plannedEffort({ startsOn: '2026-12-07', endsOn: '2026-12-09', assessorIds: ['a', 'b', 'c', 'd', 'e'] })).toEqual({ people: 5, days: 3, personDays: 15 });
  });

  it('flags a plan or a team below the standard, and nothing when it meets it', () => {
    const std = STANDARD_EFFORT[3];
    expect(effortFlags(3, { pre: std.pre, formal: std.formal }, 5)).toEqual([]);
    expect(effortFlags(3, { pre: null, formal: null }, 5)).toEqual([]);
    const flags = effortFlags(3, { pre: { people: 2, days: 1, personDays: 2 }, formal: { people: 3, days: 2, personDays: 6 } }, 3).map((f) => f.code);
    expect(flags).toEqual(['TEAM_BELOW_STANDARD', 'PRE_PEOPLE_BELOW', 'PRE_DAYS_BELOW', 'FORMAL_PEOPLE_BELOW', 'FORMAL_DAYS_BELOW']);
  });
});
