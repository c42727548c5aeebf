// 12 个地方分平台。来源：平台宣传材料（seeds/002，“12个地方分平台”一页）：北京市 上海市 山东省 江西省 山西省 内蒙古
// 宁夏 无锡 深圳 昆山 苏州工业园 无锡新吴区；代码为 GB/T 2260 行政区划代码（苏州工业园区为国家统计局 2021 年统计用代码，
// 见 regions.ts）。主题色为本平台选定，均满足与白色文字的 WCAG 2.x AA 对比度 ≥ 4.5；标志由 subPlatformLogoSvg 生成。
import { regionContains, SUZHOU_INDUSTRIAL_PARK_CODE } from './regions.ts';
import type { RegionLevel } from './regions.ts';

export interface SubPlatform {
  /** 6 位区划代码。 */
  readonly code: string;
  /** 正式全称。 */
  readonly name: string;
  /** 简称（按宣传材料）。 */
  readonly shortName: string;
  /** 主题色，#RRGGBB。 */
  readonly themeColor: string;
  /** 标志：主题色圆角方块上的白色文字，内联 SVG。 */
  readonly logoSvg: string;
  /** 区划层级，决定匹配时比较的有效位数（省 2、地 4、县 6）。 */
  readonly level: RegionLevel;
}

// ---------------------------------------------------------------------------------------------
// 颜色与对比度（WCAG 2.x）

function channels(hex: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return undefined;
  return [parseInt(m[1] ?? '', 16), parseInt(m[2] ?? '', 16), parseInt(m[3] ?? '', 16)];
}

/** WCAG 2.x 相对亮度（0–1）；不是 #RRGGBB 时返回 undefined。 */
export function relativeLuminance(hex: string): number | undefined {
  const rgb = channels(hex);
  if (!rgb) return undefined;
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x 对比度（1–21）；任一颜色不是 #RRGGBB 时返回 undefined。 */
export function contrastRatio(a: string, b: string): number | undefined {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  if (la === undefined || lb === undefined) return undefined;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

// ---------------------------------------------------------------------------------------------
// 标志

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch);
}

/** 生成标志 SVG：64×64 圆角方块（主题色）上居中的白色文字（一到两个字）。 */
export function subPlatformLogoSvg(text: string, themeColor: string, label = text): string {
  const chars = [...text].slice(0, 2).join('');
  const fontSize = [...chars].length > 1 ? 26 : 38;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img" aria-label="${escapeXml(label)}">` +
    `<rect width="64" height="64" rx="12" ry="12" fill="${escapeXml(themeColor)}"/>` +
    `<text x="32" y="33" text-anchor="middle" dominant-baseline="central" fill="#FFFFFF" font-size="${fontSize}" font-weight="700" ` +
    `font-family="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC',sans-serif">${escapeXml(chars)}</text>` +
    `</svg>`
  );
}

// ---------------------------------------------------------------------------------------------
// 分平台

interface Seed {
  readonly code: string;
  readonly name: string;
  readonly shortName: string;
  readonly themeColor: string;
  /** 标志文字，默认取简称前两个字。 */
  readonly logoText?: string;
}

const SEEDS: readonly Seed[] = [
  { code: '110000', name: '北京市', shortName: '北京市', themeColor: '#C62828' },
  { code: '310000', name: '上海市', shortName: '上海市', themeColor: '#283593' },
  { code: '370000', name: '山东省', shortName: '山东省', themeColor: '#2E7D32' },
  { code: '360000', name: '江西省', shortName: '江西省', themeColor: '#9E5A00' },
  { code: '140000', name: '山西省', shortName: '山西省', themeColor: '#6A1B9A' },
  { code: '150000', name: '内蒙古自治区', shortName: '内蒙古', themeColor: '#0277BD' },
  { code: '640000', name: '宁夏回族自治区', shortName: '宁夏', themeColor: '#5F6F00' },
  { code: '320200', name: '无锡市', shortName: '无锡', themeColor: '#5B3FD9' },
  { code: '440300', name: '深圳市', shortName: '深圳', themeColor: '#00695C' },
  { code: '320583', name: '昆山市', shortName: '昆山', themeColor: '#B0179F' },
  { code: SUZHOU_INDUSTRIAL_PARK_CODE, name: '苏州工业园区', shortName: '苏州工业园', themeColor: '#C2185B' },
  // 简称前两字“无锡”与无锡市重复，标志改用“新吴”。
  { code: '320214', name: '无锡市新吴区', shortName: '无锡新吴区', themeColor: '#5D4037', logoText: '新吴' },
];

function levelOf(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

const SIGNIFICANT_DIGITS: Readonly<Record<RegionLevel, number>> = { province: 2, city: 4, county: 6 };

/** 12 个地方分平台，按宣传材料中的顺序。 */
export const subPlatforms: readonly SubPlatform[] = SEEDS.map((s) => ({
  code: s.code,
  name: s.name,
  shortName: s.shortName,
  themeColor: s.themeColor,
  logoSvg: subPlatformLogoSvg(s.logoText ?? [...s.shortName].slice(0, 2).join(''), s.themeColor, s.name),
  level: levelOf(s.code),
}));

/**
 * 给定区划代码（通常为企业所在县级代码）所属的全部分平台，最具体的在前。
 * 比较有效位数：省级分平台前 2 位，地级前 4 位，县级 6 位。例：320214 → 无锡市新吴区、无锡市。
 * 代码须为 6 位数字；不是已知区划时仍按前缀匹配（便于处理新设区县），格式不对时返回空数组。
 */
export function subPlatformsFor(regionCode: string): readonly SubPlatform[] {
  const code = regionCode.trim();
  if (!/^\d{6}$/.test(code)) return [];
  return subPlatforms
    .filter((p) => regionContains(p.code, code))
    .sort((a, b) => SIGNIFICANT_DIGITS[b.level] - SIGNIFICANT_DIGITS[a.level]);
}

/** 按代码查找分平台。 */
export function findSubPlatform(code: string): SubPlatform | undefined {
  return subPlatforms.find((p) => p.code === code.trim());
}

