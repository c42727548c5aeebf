// 获证企业（已公布）：中国电子技术标准化研究院《智能制造能力成熟度应用实践报告》（2022 年 11 月，种子文件 004）
// 附录 1“智能制造能力成熟度评估实践”的 304 家企业：企业名称、省、市、等级、范围，按表中序号 1–304。
// 数据文件 ../data/certified-enterprises-2022.json 由 scripts/extract-certified-2022.ts 从种子文件逐格抽取
// （单元格照录，只去掉首尾空白）；本模块解析并检查它：恰好 304 行，序号 1..304 各一次，每行有名称、省、市、
// 等级（一级–五级 → 1–5）和范围。报告只公布了这些栏目：没有证书编号、发证日期和有效期，这里也不编造。
//
// 地区代码（GB/T 2260，取自 ./regions.ts）由省、市两栏的名称确定：
//   · “市”栏与“省”栏相同（北京市、上海市、天津市、重庆市、广西壮族自治区、浙江省，共 9 行）：只知道省，记省级代码；
//   · “市”栏为地级行政区：记地级代码（如 深圳市 440300、迪庆藏族自治州 533400）；
//   · “市”栏为县级市：记县级代码（第 27 行 江苏省 昆山市 → 320583，第 271 行 江西省 瑞金市 → 360781）；
//   · 其他（名称在该省下找不到）：记省级代码，并列入 unresolvedCities。按 2021 年区划数据，304 行都能确定，
//     没有这样的行（测试检查）。
// 表中照录、未作更正之处：第 3 行“徐州重型机械有限公司”、第 258 行“深圳市金誉半导体股份有限公司”所在地与名称中的
// 城市不同（按表中省、市记）；第 294 行杭州华光只写“浙江省 浙江省”（不按名称推断为杭州）；部分名称用半角括号
// （如“富泰华工业(深圳)有限公司”）；第 99 行范围以“（”开头。
import data from '../data/certified-enterprises-2022.json' with { type: 'json' };
import { regionTree, type RegionNode } from './regions.ts';

/** Where a published certification comes from (published_certification.source). */
export const PRACTICE_REPORT_2022 = 'practice_report_2022';
export const CERTIFIED_2022_COUNT = 304;
const HEADER = ['序号', '企业名称', '省', '市', '等级', '范围'];
const LEVELS: Readonly<Record<string, number>> = { 一级: 1, 二级: 2, 三级: 3, 四级: 4, 五级: 5 };

export type RegionPrecision = 'province' | 'city' | 'county';

export interface PublishedCertification {
  source: string;
  /** 序号 in the appendix. */
  rowNo: number;
  enterpriseName: string;
  /** As published. */
  provinceName: string;
  /** As published: may repeat the province, or name a county-level city. */
  cityName: string;
  /** GB/T 2260 code resolved from the names (see the header comment). */
  regionCode: string;
  /** How far the names resolved: province only, city, or county (a county-level city). */
  regionPrecision: RegionPrecision;
  level: number;
  scope: string;
  publishedYear: number;
}

export class CertifiedDataError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`certified-enterprises-2022: ${problems.join('; ')}`);
    this.name = 'CertifiedDataError';
  }
}

function provinceNamed(name: string): RegionNode | undefined {
  return regionTree.find((p) => p.name === name);
}

/** The GB/T 2260 code of a 省 / 市 pair as the appendix writes it; undefined when the province is unknown. */
export function resolvePublishedRegion(provinceName: string, cityName: string): { code: string; precision: RegionPrecision } | undefined {
  const province = provinceNamed(provinceName);
  if (!province) return undefined;
  if (cityName === provinceName) return { code: province.code, precision: 'province' };
  const city = province.children.find((c) => !c.placeholder && c.name === cityName);
  if (city) return { code: city.code, precision: 'city' };
  const counties = province.children.flatMap((c) => c.children.filter((k) => !k.statisticalOnly && k.name === cityName));
  if (counties.length === 1) return { code: counties[0]!.code, precision: 'county' };
  return { code: province.code, precision: 'province' };
}

interface DataFile {
  source: string;
  publishedYear: number;
  columns: string[];
  rows: string[][];
}

/** Parses and checks the data file's content; throws CertifiedDataError listing every problem. */
export function parseCertified2022(file: DataFile): PublishedCertification[] {
  const problems: string[] = [];
  if (file.columns.join('|') !== HEADER.join('|')) problems.push(`columns ${file.columns.join(' ')}`);
  if (file.rows.length !== CERTIFIED_2022_COUNT) problems.push(`${file.rows.length} rows, expected ${CERTIFIED_2022_COUNT}`);
  const seen = new Set<number>();
  const out: PublishedCertification[] = [];
  file.rows.forEach((cells, index) => {
    const where = `row ${index + 1}`;
    if (cells.length !== HEADER.length) {
      problems.push(`${where}: ${cells.length} cells`);
      return;
    }
    const [no, name, provinceName, cityName, levelText, scope] = cells.map((c) => c.trim()) as [string, string, string, string, string, string];
    const rowNo = /^\d+$/.test(no) ? Number(no) : NaN;
    if (!Number.isInteger(rowNo) || rowNo < 1 || rowNo > CERTIFIED_2022_COUNT) problems.push(`${where}: 序号 ${no}`);
    else if (seen.has(rowNo)) problems.push(`${where}: 序号 ${rowNo} twice`);
    else seen.add(rowNo);
    if (!name) problems.push(`${where}: no 企业名称`);
    if (!scope) problems.push(`${where}: no 范围`);
    const level = LEVELS[levelText];
    if (level === undefined) problems.push(`${where}: 等级 ${levelText}`);
    const region = resolvePublishedRegion(provinceName, cityName);
    if (!region) problems.push(`${where}: 省 ${provinceName}`);
    if (!cityName) problems.push(`${where}: no 市`);
    if (level !== undefined && region && name && scope && cityName) {
      out.push({
        source: file.source,
        rowNo,
        enterpriseName: name,
        provinceName,
        cityName,
        regionCode: region.code,
        regionPrecision: region.precision,
        level,
        scope,
        publishedYear: file.publishedYear,
      });
    }
  });
  if (problems.length) throw new CertifiedDataError(problems);
  return out;
}

let parsed: readonly PublishedCertification[] | undefined;

/** The 304 enterprises of appendix 1, in 序号 order (parsed and checked on first use). */
export function certifiedEnterprises2022(): readonly PublishedCertification[] {
  parsed ??= Object.freeze(parseCertified2022(data));
  return parsed;
}

/** Rows whose 市 named neither the province, a city nor a county-level city of it (recorded at province level). */
export function unresolvedCities(rows: readonly PublishedCertification[] = certifiedEnterprises2022()): PublishedCertification[] {
  return rows.filter((r) => r.regionPrecision === 'province' && r.cityName !== r.provinceName);
}
