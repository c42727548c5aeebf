// English names of the reference data (issue 12 §7): every manufacturing class of GB/T 4754-2017 has one;
// regions in pinyin with their suffixes translated, polyphonic place names read right.
import { describe, expect, it } from 'vitest';
import { industries, industryNameEn, INDUSTRY_NAMES_EN, placePinyin, regionNameEn, regionNameEnOf, regionNamesEn, regionTree, type RegionNode } from '../src/index.ts';

const CJK = /[\u3400-\u9fff]/;

describe('industry names in English', () => {
  it('names all 31 major and 179 middle classes, and nothing else', () => {
    const codes = industries.flatMap((m) => [m.code, ...m.middles.map((x) => x.code)]);
    expect(industries).toHaveLength(31);
    expect(codes).toHaveLength(31 + 179);
    expect(codes.filter((c) => !industryNameEn(c))).toEqual([]);
    expect(Object.keys(INDUSTRY_NAMES_EN).sort()).toEqual([...codes].sort());
    expect(Object.values(INDUSTRY_NAMES_EN).filter((n) => CJK.test(n) || n.trim() !== n || n === '')).toEqual([]);
    expect(industryNameEn('13')).toBe('Processing of Food from Agricultural Products');
    expect(industryNameEn('__proto__')).toBeUndefined();
  });
});

describe('region names in pinyin', () => {
  it('reads the polyphonic place names right', () => {
    expect(placePinyin('重庆')).toBe('Chongqing');
    expect(placePinyin('长沙')).toBe('Changsha');
    expect(placePinyin('厦门')).toBe('Xiamen');
    expect(placePinyin('六安')).toBe("Lu'an");
    expect(placePinyin('蚌埠')).toBe('Bengbu');
    expect(placePinyin('喀什')).toBe('Kashi');
    expect(placePinyin('西安')).toBe("Xi'an");
  });

  it('translates the suffixes, leaves 市 off the municipalities and fixes the established province names', () => {
    expect(regionNameEn('500000')).toBe('Chongqing');
    expect(regionNameEn('110000')).toBe('Beijing');
    expect(regionNameEn('430100')).toBe('Changsha City');
    expect(regionNameEn('350200')).toBe('Xiamen City');
    expect(regionNameEn('341500')).toBe("Lu'an City");
    expect(regionNameEn('340300')).toBe('Bengbu City');
    expect(regionNameEn('320000')).toBe('Jiangsu Province');
    expect(regionNameEn('320583')).toBe('Kunshan City');
    expect(regionNameEn('110108')).toBe('Haidian District');
    expect(regionNameEn('610000')).toBe('Shaanxi Province');
    expect(regionNameEn('140000')).toBe('Shanxi Province');
    expect(regionNameEn('650000')).toBe('Xinjiang Uygur Autonomous Region');
    expect(regionNameEn('222400')).toBe('Yanbian Korean Autonomous Prefecture');
    expect(regionNameEn('433100')).toBe('Xiangxi Tujia Miao Autonomous Prefecture');
    expect(regionNameEn('652900')).toBe('Akesu Prefecture');
    expect(regionNameEnOf('000000', '某某自治县')).toMatch(/ Autonomous County$/);
    expect(regionNameEn('500100')).toBe('Districts');
  });

  it('gives every region a name without Chinese characters', () => {
    const all: RegionNode[] = [];
    const walk = (nodes: readonly RegionNode[]) => nodes.forEach((n) => (all.push(n), walk(n.children)));
    walk(regionTree);
    expect(regionNamesEn().size).toBe(all.length);
    expect(all.filter((n) => !regionNameEn(n.code) || CJK.test(regionNameEn(n.code)!)).map((n) => n.name)).toEqual([]);
  });
});
