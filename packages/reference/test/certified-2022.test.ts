// 获证企业 published in CESI's 2022 practice report (seed 004 appendix 1): the data file, its parser and
// checks, and the region codes resolved from the 省 / 市 names.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import data from '../data/certified-enterprises-2022.json' with { type: 'json' };
import { DEFAULT_SEED, extract } from '../scripts/extract-certified-2022.ts';
import {
  CERTIFIED_2022_COUNT,
  CertifiedDataError,
  PRACTICE_REPORT_2022,
  certifiedEnterprises2022,
  parseCertified2022,
  resolvePublishedRegion,
  unresolvedCities,
} from '../src/index.ts';
import { findRegion, regionContains } from '../src/regions.ts';

const rows = certifiedEnterprises2022();
const row = (no: number) => rows.find((r) => r.rowNo === no)!;

describe('the 304 certified enterprises of appendix 1', () => {
  it('are 304 rows numbered 1..304 in order, each with every cell', () => {
    expect(rows).toHaveLength(304);
    expect(CERTIFIED_2022_COUNT).toBe(304);
    expect(rows.map((r) => r.rowNo)).toEqual(Array.from({ length: 304 }, (_, i) => i + 1));
    for (const r of rows) {
      expect(r.source).toBe(PRACTICE_REPORT_2022);
      expect(r.publishedYear).toBe(2022);
      for (const text of [r.enterpriseName, r.provinceName, r.cityName, r.scope]) expect(text.trim()).toBe(text);
      expect(r.enterpriseName).not.toBe('');
      expect(r.scope).not.toBe('');
      expect(r.level).toBeGreaterThanOrEqual(1);
      expect(r.level).toBeLessThanOrEqual(5);
    }
  });

  it('have the level counts of the table (27 四级, 72 三级, 197 二级, 8 一级), in descending level order', () => {
    const count = (level: number) => rows.filter((r) => r.level === level).length;
    expect([count(5), count(4), count(3), count(2), count(1)]).toEqual([0, 27, 72, 197, 8]);
    expect(rows.map((r) => r.level)).toEqual([...rows.map((r) => r.level)].sort((a, b) => b - a));
  });

  it('keep the cells as published', () => {
    expect(row(1)).toMatchObject({ enterpriseName: '全椒海螺水泥有限责任公司', provinceName: '安徽省', cityName: '滁州市', level: 4, scope: '水泥的工艺设计、生产、销售' });
    expect(row(6).enterpriseName).toBe('富泰华工业(深圳)有限公司');
    expect(row(46).scope).toBe('深圳市光明区凤凰街道塘家社区东江工业园 G 栋厂房、H 栋厂房、F 栋厂房 2、3、5号、J 栋厂房 A 区和 B 区有关精密注塑产品的生产。');
    expect(row(99).scope).toBe('（白色家电电路控制板的设计（工艺设计）、生产');
    expect(row(296)).toMatchObject({ enterpriseName: '冀东水泥重庆合川有限责任公司', provinceName: '重庆市', cityName: '重庆市', level: 2 });
    expect(row(304)).toMatchObject({ enterpriseName: '三钧线缆（无锡）有限公司', cityName: '无锡市', level: 1 });
  });

  it('resolve a region code for every row inside its province', () => {
    for (const r of rows) {
      const match = findRegion(r.regionCode);
      expect(match, `row ${r.rowNo}`).toBeDefined();
      expect(match!.province.name).toBe(r.provinceName);
      expect(regionContains(match!.province.code, r.regionCode)).toBe(true);
    }
    expect(unresolvedCities()).toEqual([]);
  });

  it('use the province code where the city cell repeats the province', () => {
    expect(row(12)).toMatchObject({ provinceName: '广西壮族自治区', cityName: '广西壮族自治区', regionCode: '450000', regionPrecision: 'province' });
    expect(row(2).regionCode).toBe('110000');
    expect(row(92).regionCode).toBe('120000');
    expect(row(90).regionCode).toBe('310000');
    expect(row(294)).toMatchObject({ cityName: '浙江省', regionCode: '330000' });
    expect(rows.filter((r) => r.regionPrecision === 'province').map((r) => r.rowNo)).toEqual([2, 12, 90, 91, 92, 99, 294, 295, 296]);
  });

  it('resolve county-level cities to their county code, cities to theirs', () => {
    expect(row(27)).toMatchObject({ cityName: '昆山市', regionCode: '320583', regionPrecision: 'county' });
    expect(row(271)).toMatchObject({ cityName: '瑞金市', regionCode: '360781', regionPrecision: 'county' });
    expect(row(3).regionCode).toBe('440300');
    expect(row(93)).toMatchObject({ cityName: '迪庆藏族自治州', regionCode: '533400', regionPrecision: 'city' });
    expect(row(285).regionCode).toBe('150600');
  });

  it('resolves names it does not know to the province, and an unknown province to nothing', () => {
    expect(resolvePublishedRegion('江苏省', '不存在市')).toEqual({ code: '320000', precision: 'province' });
    expect(resolvePublishedRegion('火星省', '火星市')).toBeUndefined();
  });
});

describe('parseCertified2022 checks the data file', () => {
  const copy = () => ({ ...data, rows: data.rows.map((r) => [...r]) });

  it('refuses a missing row', () => {
    const file = copy();
    file.rows.pop();
    expect(() => parseCertified2022(file)).toThrow(/303 rows, expected 304/);
  });

  it('refuses a 序号 twice, an unknown level, an empty cell, an unknown province, a short row', () => {
    const file = copy();
    file.rows[1]![0] = '1';
    file.rows[2]![4] = '六级';
    file.rows[3]![1] = ' ';
    file.rows[4]![2] = '火星省';
    file.rows[5] = file.rows[5]!.slice(0, 5);
    file.rows[6]![5] = '';
    let error: unknown;
    try {
      parseCertified2022(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CertifiedDataError);
    expect((error as CertifiedDataError).problems).toEqual([
      'row 2: 序号 1 twice',
      'row 3: 等级 六级',
      'row 4: no 企业名称',
      'row 5: 省 火星省',
      'row 6: 5 cells',
      'row 7: no 范围',
    ]);
  });
});

describe('the extraction from seed 004', () => {
  // The seed lives outside the repository; where it is present, the data file must be exactly what it gives.
  it.skipIf(!existsSync(DEFAULT_SEED))('gives the committed data file cell by cell', () => {
    const { rows: extracted, skipped } = extract(readFileSync(DEFAULT_SEED, 'utf8'));
    expect(skipped).toEqual([]);
    expect(extracted.map((r) => r.cells)).toEqual(data.rows);
  });

  it('joins rows wrapped over lines and skips headers, blank lines and page numbers', () => {
    const text = [
      '附录 1',
      '序号\t企业名称\t省\t市\t等级\t范围',
      '1\t甲（无锡）有限\t江苏省\t无锡',
      '市\t二级\t设计、',
      '生产',
      '',
      '51',
      '序号\t企业名称\t省\t市\t等级\t范围',
      '2\t乙公司\t广西壮族自治区\t广西壮族自治区\t一级\t生产',
      '序号\t地区\t文件名称\t主要内容',
      '1\t全国\t某文件\t某内容',
    ].join('\n');
    const { rows: extracted, skipped } = extract(text);
    expect(extracted.map((r) => r.cells)).toEqual([
      ['1', '甲（无锡）有限', '江苏省', '无锡市', '二级', '设计、生产'],
      ['2', '乙公司', '广西壮族自治区', '广西壮族自治区', '一级', '生产'],
    ]);
    expect(extracted[0]!.lines).toEqual([3, 4, 5]);
    expect(skipped).toEqual([{ line: 7, text: '51' }]);
  });
});
