import { describe, expect, it } from 'vitest';
import {
  ENTERPRISE_TYPE_LABELS,
  enterpriseTypeRules,
  findIndustry,
  industries,
  suggestedEnterpriseType,
} from '../src/industries.ts';

const allMiddles = industries.flatMap((m) => m.middles);

describe('industries', () => {
  it('has the 31 major categories 13–43 in order', () => {
    expect(industries).toHaveLength(31);
    expect(industries.map((m) => m.code)).toEqual(Array.from({ length: 31 }, (_, i) => String(13 + i)));
  });

  it('has 179 middle categories', () => {
    expect(allMiddles).toHaveLength(179);
  });

  it('has the expected number of middle categories per major category', () => {
    const counts = Object.fromEntries(industries.map((m) => [m.code, m.middles.length]));
    expect(counts).toEqual({
      '13': 8, '14': 7, '15': 3, '16': 3, '17': 8, '18': 3, '19': 5, '20': 4, '21': 5, '22': 3, '23': 3,
      '24': 6, '25': 4, '26': 8, '27': 8, '28': 3, '29': 2, '30': 9, '31': 4, '32': 5, '33': 9, '34': 9,
      '35': 9, '36': 7, '37': 9, '38': 8, '39': 9, '40': 6, '41': 3, '42': 2, '43': 7,
    });
  });

  it('every middle code is 3 digits, starts with its major code and is unique', () => {
    for (const m of industries) {
      expect(m.code).toMatch(/^\d{2}$/);
      for (const mid of m.middles) {
        expect(mid.code).toMatch(/^\d{3}$/);
        expect(mid.code.startsWith(m.code)).toBe(true);
      }
      const codes = m.middles.map((x) => x.code);
      expect([...codes].sort()).toEqual(codes);
    }
    expect(new Set(allMiddles.map((m) => m.code)).size).toBe(allMiddles.length);
  });

  it('names are non-empty and use Chinese punctuation only', () => {
    for (const item of [...industries, ...allMiddles]) {
      expect(item.name.length).toBeGreaterThan(0);
      expect(item.name).not.toMatch(/[(),\s]/);
    }
  });
});

describe('findIndustry', () => {
  it.each([
    ['13', '农副食品加工业'],
    ['26', '化学原料和化学制品制造业'],
    ['36', '汽车制造业'],
    ['39', '计算机、通信和其他电子设备制造业'],
    ['43', '金属制品、机械和设备修理业'],
  ])('finds major %s %s', (code, name) => {
    const found = findIndustry(code);
    expect(found?.major.name).toBe(name);
    expect(found?.middle).toBeUndefined();
    expect(found).toMatchObject({ code, name, level: 'major' });
  });

  it.each([
    ['131', '13', '谷物磨制'],
    ['351', '35', '采矿、冶金、建筑专用设备制造'],
    ['367', '36', '汽车零部件及配件制造'],
    ['396', '39', '智能消费设备制造'],
    ['283', '28', '生物基材料制造'],
    ['439', '43', '其他机械和设备修理业'],
  ])('finds middle %s', (code, majorCode, name) => {
    const found = findIndustry(code);
    expect(found?.major.code).toBe(majorCode);
    expect(found?.middle?.name).toBe(name);
    expect(found).toMatchObject({ code, name, level: 'middle' });
  });

  it('accepts the section prefix and surrounding spaces', () => {
    expect(findIndustry(' C36 ')?.major.code).toBe('36');
    expect(findIndustry('c351')?.middle?.code).toBe('351');
  });

  it('returns undefined for unknown codes', () => {
    for (const code of ['', '12', '44', '138', '3511', 'A01', '1']) expect(findIndustry(code)).toBeUndefined();
  });
});

describe('suggestedEnterpriseType', () => {
  it('has one rule per major category with a reason', () => {
    expect(enterpriseTypeRules.map((r) => r.major)).toEqual(industries.map((m) => m.code));
    for (const r of enterpriseTypeRules) {
      expect(r.reason.length).toBeGreaterThan(5);
      for (const [code, o] of Object.entries(r.middles ?? {})) {
        expect(findIndustry(code)?.major.code).toBe(r.major);
        expect(o.type).not.toBe(r.type);
        expect(o.reason.length).toBeGreaterThan(5);
      }
    }
  });

  it('gives a suggestion for every major and middle code', () => {
    for (const m of industries) {
      expect(['process', 'discrete']).toContain(suggestedEnterpriseType(m.code));
      for (const mid of m.middles) expect(['process', 'discrete']).toContain(suggestedEnterpriseType(mid.code));
    }
  });

  it.each([
    ['25', 'process'], ['26', 'process'], ['27', 'process'], ['31', 'process'], ['32', 'process'], ['30', 'process'],
    ['131', 'process'], ['222', 'process'],
    ['34', 'discrete'], ['35', 'discrete'], ['36', 'discrete'], ['39', 'discrete'], ['40', 'discrete'], ['21', 'discrete'],
    ['367', 'discrete'],
  ] as const)('%s → %s', (code, type) => {
    expect(suggestedEnterpriseType(code)).toBe(type);
  });

  it('applies middle-category overrides in mixed major categories', () => {
    expect(suggestedEnterpriseType('171')).toBe('process');
    expect(suggestedEnterpriseType('177')).toBe('discrete');
    expect(suggestedEnterpriseType('191')).toBe('process');
    expect(suggestedEnterpriseType('195')).toBe('discrete');
    expect(suggestedEnterpriseType('202')).toBe('process');
    expect(suggestedEnterpriseType('201')).toBe('discrete');
    expect(suggestedEnterpriseType('223')).toBe('discrete');
  });

  it('returns undefined for unknown codes and has Chinese labels', () => {
    expect(suggestedEnterpriseType('99')).toBeUndefined();
    expect(ENTERPRISE_TYPE_LABELS).toEqual({ process: '流程型', discrete: '离散型' });
  });
});
