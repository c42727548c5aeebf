// Region names in English: Hanyu Pinyin generated from the Chinese name at load time (pinyin-pro, tones
// off), the place name written as one capitalised word with an apostrophe before a syllable that starts
// with a, o or e (Xi'an, Lu'an), and the administrative suffix translated:
//   省 Province · 自治区 Autonomous Region · 自治州 Autonomous Prefecture · 自治县 Autonomous County ·
//   自治旗 Autonomous Banner · 地区 Prefecture · 盟 League · 旗 Banner · 林区 Forestry District ·
//   特区 Special District · 新区 New Area · 区 District · 县 County · 市 City (left out for the four
//   municipalities, which are known by their bare names: Beijing, Shanghai, Tianjin, Chongqing).
// Ethnic groups in autonomous names take their usual English names (延边朝鲜族自治州 → Yanbian Korean
// Autonomous Prefecture). Province-level names with an established English form are fixed below
// (陕西 Shaanxi, not Shanxi; 内蒙古 Inner Mongolia; 西藏 Tibet …). Only for the server and the report: the
// browser receives the names from the API.
import { customPinyin, pinyin } from 'pinyin-pro';
import { findRegion, regionTree, type RegionNode } from './regions.ts';

const PROVINCES_EN: Readonly<Record<string, string>> = {
  '150000': 'Inner Mongolia Autonomous Region',
  '450000': 'Guangxi Zhuang Autonomous Region',
  '540000': 'Tibet Autonomous Region',
  '610000': 'Shaanxi Province',
  '640000': 'Ningxia Hui Autonomous Region',
  '650000': 'Xinjiang Uygur Autonomous Region',
};

/** The groups named in autonomous regions, prefectures, counties and banners. */
const ETHNIC_EN: readonly (readonly [string, string])[] = [
  ['各族', ''],
  ['蒙古族', 'Mongol'],
  ['蒙古', 'Mongol'],
  ['回族', 'Hui'],
  ['藏族', 'Tibetan'],
  ['维吾尔', 'Uygur'],
  ['苗族', 'Miao'],
  ['彝族', 'Yi'],
  ['壮族', 'Zhuang'],
  ['布依族', 'Bouyei'],
  ['朝鲜族', 'Korean'],
  ['满族', 'Manchu'],
  ['侗族', 'Dong'],
  ['瑶族', 'Yao'],
  ['白族', 'Bai'],
  ['土家族', 'Tujia'],
  ['哈尼族', 'Hani'],
  ['哈萨克族', 'Kazak'],
  ['哈萨克', 'Kazak'],
  ['傣族', 'Dai'],
  ['黎族', 'Li'],
  ['傈僳族', 'Lisu'],
  ['佤族', 'Va'],
  ['畲族', 'She'],
  ['拉祜族', 'Lahu'],
  ['水族', 'Sui'],
  ['东乡族', 'Dongxiang'],
  ['纳西族', 'Naxi'],
  ['景颇族', 'Jingpo'],
  ['柯尔克孜', 'Kirgiz'],
  ['土族', 'Tu'],
  ['达斡尔族', 'Daur'],
  ['仫佬族', 'Mulao'],
  ['羌族', 'Qiang'],
  ['布朗族', 'Blang'],
  ['撒拉族', 'Salar'],
  ['毛南族', 'Maonan'],
  ['仡佬族', 'Gelao'],
  ['锡伯', 'Xibe'],
  ['普米族', 'Pumi'],
  ['塔吉克', 'Tajik'],
  ['怒族', 'Nu'],
  ['鄂温克族', 'Ewenki'],
  ['鄂温克', 'Ewenki'],
  ['鄂伦春', 'Oroqen'],
  ['保安族', 'Bonan'],
  ['裕固族', 'Yugur'],
  ['独龙族', 'Derung'],
];

/** Longest first, so that 自治县 wins over 县 and 地区 over 区. */
const SUFFIXES: readonly (readonly [string, string])[] = [
  ['自治区', 'Autonomous Region'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['林区', 'Forestry District'],
  ['特区', 'Special District'],
  ['新区', 'New Area'],
  ['地区', 'Prefecture'],
  ['省', 'Province'],
  ['市', 'City'],
  ['区', 'District'],
  ['县', 'County'],
  ['盟', 'League'],
  ['旗', 'Banner'],
];

/** The grouping nodes of regions.ts (placeholders), not places. */
const GROUPS_EN: Readonly<Record<string, string>> = {
  市辖区: 'Districts',
  县: 'Counties',
  省直辖县级行政区划: 'County-level divisions under the province',
  自治区直辖县级行政区划: 'County-level divisions under the autonomous region',
};

// Readings pinyin-pro gets wrong in place names (polyphonic characters); checked in test/regions-en.test.ts.
customPinyin({ 喀什: 'kā shí', 商都: 'shāng dū', 都安: 'dū ān', 都江堰: 'dū jiāng yàn' });

const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);

/** One place name as a single capitalised pinyin word: 六安 → Lu'an, 重庆 → Chongqing. */
export function placePinyin(chinese: string): string {
  const syllables = pinyin(chinese, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).filter((s) => s.trim() !== '');
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A region's English name from its Chinese name (code: for the fixed forms and the municipalities). */
export function regionNameEnOf(code: string, chinese: string): string {
  if (Object.hasOwn(PROVINCES_EN, code)) return PROVINCES_EN[code]!;
  if (Object.hasOwn(GROUPS_EN, chinese)) return GROUPS_EN[chinese]!;
  let stem = chinese;
  let suffix = '';
  for (const [zh, en] of SUFFIXES) {
    if (stem.length > zh.length && stem.endsWith(zh)) {
      stem = stem.slice(0, -zh.length);
      suffix = en;
      break;
    }
  }
  if (MUNICIPALITIES.has(code)) suffix = '';
  const groups: string[] = [];
  if (suffix.startsWith('Autonomous')) {
    // 延边朝鲜族 → Yanbian + Korean: strip the groups from the end of the stem.
    for (let found = true; found; ) {
      found = false;
      for (const [zh, en] of ETHNIC_EN) {
        if (stem.endsWith(zh)) {
          stem = stem.slice(0, -zh.length);
          if (en) groups.unshift(en);
          found = true;
          break;
        }
      }
    }
  }
  return [placePinyin(stem), ...groups, suffix].filter(Boolean).join(' ');
}

function walk(nodes: readonly RegionNode[], into: Map<string, string>): Map<string, string> {
  for (const n of nodes) {
    into.set(n.code, regionNameEnOf(n.code, n.name));
    walk(n.children, into);
  }
  return into;
}

let names: Map<string, string> | undefined;

/** Every region's English name by code, generated once on first use. */
export function regionNamesEn(): ReadonlyMap<string, string> {
  names ??= walk(regionTree, new Map());
  return names;
}

/** A region's English name; undefined for an unknown code. */
export function regionNameEn(code: string): string | undefined {
  return regionNamesEn().get(code);
}

/** The region tree with an English `nameEn` beside each Chinese name. */
export function withEnglishNames(node: RegionNode): RegionNode & { nameEn: string } {
  return { ...node, nameEn: regionNameEn(node.code) ?? placePinyin(node.name), children: node.children.map(withEnglishNames) };
}

/** regionPath in English, smallest first as English addresses go: "Haidian District, Beijing". */
export function regionPathEn(code: string, separator = ', '): string {
  const match = findRegion(code);
  if (!match) return '';
  const city = match.city ? findRegion(match.city.code)?.region : undefined;
  const parts = [match.county?.code, city && !city.placeholder ? city.code : undefined, match.province.code];
  return parts.flatMap((c) => (c ? [regionNameEn(c) ?? c] : [])).join(separator);
}
