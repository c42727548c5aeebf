// 指数报告 (issue 11 §3; seed 002 服务平台与指数报告): a 全国, 区域 or 行业 report as a pure view of the figures
// the dashboard computes — 等级分布, 发展现状, 区域水平, 重点行业, 关键指标, 问题短板, 明确方向, 改进建议. Every
// sentence is made by a rule from figures present in the input and says which figures it rests on; a figure
// the dashboard suppressed (fewer than k enterprises) is said to be unpublished, never guessed or derived.
import type { LEVEL_BANDS} from '@cmmm/contract';
import { type Dashboard, type IndexReportKind } from '@cmmm/contract';
import { formatDate } from './format.ts';
import type { Field } from './report-view.ts';

/** The figures of one scope, as dashboardOf and readWeakSubdomains compute them (industries: the major classes, or in a 行业 report its middle classes). */
export type IndexFigures = Omit<Dashboard, 'path' | 'survey' | 'certified' | 'calibration'>;

export interface IndexReportInput {
  kind: IndexReportKind;
  /** The region covered (全国 or its name) and, for a 行业 report, the major class. */
  regionName: string;
  industry: { code: string; name: string } | null;
  figures: IndexFigures;
  /** Mean display index (20 × S) of the scope's valid results, null below k. */
  meanIndex: number | null;
  /** First and last month (yyyymm, China time) of the completions counted, null when none or below k. */
  period: { first: number; last: number } | null;
  /** When the figures were read. */
  asOf: Date;
}

export interface IndexChart {
  kind: 'distribution' | 'ranking';
  title: string;
  names: string[];
  values: number[];
  /** The unit of the values: '%' or '' (index points). */
  unit: string;
}

export interface IndexTable {
  headers: string[];
  rows: string[][];
  /** Column widths for the PDF ('*' the rest). */
  widths: (number | '*')[];
}

export interface IndexSection {
  id: 'levels' | 'status' | 'regions' | 'industries' | 'indicators' | 'weaknesses' | 'directions' | 'advice';
  title: string;
  paragraphs: string[];
  tables: IndexTable[];
  charts: IndexChart[];
  /** What the section rests on, for the note under it. */
  basis: string;
}

export interface IndexReportView {
  kind: 'index';
  language: 'zh-CN';
  title: string;
  headerText: string;
  fileName: string;
  cover: { title: string; subtitle: string; fields: Field[]; method: string };
  sections: IndexSection[];
}

export const LEVEL_NAMES = ['未达一级', '一级（规划级）', '二级（规范级）', '三级（集成级）', '四级（优化级）', '五级（引领级）'];
/** What seed 002 says each band of the level distribution shows (平台自诊断情况). */
const BAND_MEANING: Record<(typeof LEVEL_BANDS)[number]['id'], string> = {
  upTo1: '开始部署智能制造',
  level2: '正迈向数字化阶段',
  level3: '集成优化特征明显',
  from4: '标杆示范效应显现',
};
const UNPUBLISHED = '不公布（少于 5 家）';
const K_NOTE = '按最小样本规则，少于 5 家企业的数字不公布';

const monthText = (m: number) => `${Math.floor(m / 100)}年${m % 100}月`;
const pct = (share: number) => `${share}%`;
const idx = (x: number) => x.toFixed(2);

export function buildIndexReportView(input: IndexReportInput): IndexReportView {
  const f = input.figures;
  const scope = input.industry ? `${input.regionName} · ${input.industry.name}` : input.regionName;
  const kindName = input.kind === 'national' ? '全国' : input.kind === 'region' ? '区域' : '行业';
  const n = f.enterprises.value;
  const period = input.period ? `${monthText(input.period.first)}至${monthText(input.period.last)}` : null;
  const asOf = formatDate(input.asOf, 'zh-CN');
  const title = `智能制造发展指数报告（${kindName}）`;
  const published = n !== null;

  const fields: Field[] = [
    { label: '报告范围', value: scope },
    { label: '统计时段', value: period ?? '不公布' },
    { label: '样本量（有效结果企业数）', value: n !== null ? `${n} 家` : '少于 5 家，不公布' },
    { label: '数据截至', value: asOf },
    { label: '数据来源', value: '智能制造能力成熟度评估平台企业自诊断有效结果' },
  ];
  const method =
    '发展指数 = 20 × S（S 为自诊断总分，0–5，指数满分 100）；群体指数为其有效结果指数的平均值，保留两位小数（四舍五入）。' +
    '每家企业只计其最新一次完成的自诊断（有效结果）。少于 5 家企业的数字一律不公布（k = 5）。本报告的文字按固定规则由上述数字生成，不含数字以外的判断。';

  const sections = published
    ? [levels(f), status(input, f, period, asOf), regions(input, f), industries(input, f), indicators(input, f, period), weaknesses(input, f), directions(f), advice(input, f)]
    : [suppressedScope(f)];
  return {
    kind: 'index',
    language: 'zh-CN',
    title: `${title} ${scope}`,
    headerText: `${scope} · 数据截至 ${asOf}`,
    fileName: `ZS-${input.kind}-${input.figures.region.code ?? 'CN'}${input.industry ? `-${input.industry.code}` : ''}`,
    cover: { title, subtitle: scope, fields, method },
    sections,
  };
}

const section = (id: IndexSection['id'], title: string, basis: string, parts: Partial<Pick<IndexSection, 'paragraphs' | 'tables' | 'charts'>>): IndexSection => ({
  id,
  title,
  basis,
  paragraphs: parts.paragraphs ?? [],
  tables: parts.tables ?? [],
  charts: parts.charts ?? [],
});

/** A scope of fewer than k enterprises: every section says so, nothing else. */
function suppressedScope(f: IndexFigures): IndexSection {
  return section('levels', '等级分布', '有效结果企业数', {
    paragraphs: [
      `本范围内具有有效自诊断结果的企业少于 ${f.minGroupSize} 家。${K_NOTE}，因此本报告不公布等级分布、发展现状、区域水平、重点行业、关键指标与问题短板，也不据此提出方向与建议。`,
    ],
  });
}

function levels(f: IndexFigures): IndexSection {
  const paragraphs = f.bands.map((b) =>
    b.share !== null ? `${b.label}企业占 ${pct(b.share)}（${b.enterprises.value} 家），${BAND_MEANING[b.band]}。` : `${b.label}企业少于 5 家，不公布其数量与占比。`,
  );
  const shown = f.bands.filter((b) => b.share !== null);
  return section('levels', '等级分布', '各等级有效结果企业数及其占有效结果企业总数的比例', {
    paragraphs,
    tables: [
      {
        headers: ['成熟度等级', '企业数', '占比'],
        rows: f.levels.map((l) => [LEVEL_NAMES[l.level]!, l.enterprises.value !== null ? String(l.enterprises.value) : UNPUBLISHED, l.share !== null ? pct(l.share) : '—']),
        widths: ['*', 110, 80],
      },
    ],
    charts: shown.length ? [{ kind: 'distribution', title: '等级分布（占比）', names: shown.map((b) => b.label), values: shown.map((b) => b.share!), unit: '%' }] : [],
  });
}

/** The count of enterprises at 二级 and above, when it is itself ≥ k (n minus 一级及以下, both published). */
function atLeastLevel2(f: IndexFigures): { count: number; share: number } | null {
  const upTo1 = f.bands.find((b) => b.band === 'upTo1')!.enterprises.value;
  if (f.enterprises.value === null || upTo1 === null) return null;
  const count = f.enterprises.value - upTo1;
  return count >= f.minGroupSize ? { count, share: Math.round((count / f.enterprises.value) * 1000) / 10 } : null;
}

function status(input: IndexReportInput, f: IndexFigures, period: string | null, asOf: string): IndexSection {
  const paragraphs: string[] = [];
  paragraphs.push(
    `截至${asOf}，${input.industry ? `${input.regionName}${input.industry.name}` : input.regionName}共有 ${f.enterprises.value} 家企业具有有效自诊断结果` +
      (f.diagnoses.value !== null ? `，累计完成自诊断 ${f.diagnoses.value} 次` : '') +
      (period ? `（${period}）` : '') +
      '。',
  );
  if (input.meanIndex !== null) paragraphs.push(`有效结果的平均发展指数为 ${idx(input.meanIndex)}（满分 100）。`);
  const largest = [...f.bands].filter((b) => b.share !== null).sort((a, b) => b.share! - a.share!)[0];
  if (largest) paragraphs.push(`企业最多的等级段是${largest.label}，占 ${pct(largest.share!)}，${BAND_MEANING[largest.band]}。`);
  const up = atLeastLevel2(f);
  if (up) paragraphs.push(`达到二级及以上的企业 ${up.count} 家，占 ${pct(up.share)}。`);
  const months = f.months.filter((m) => !m.diagnoses.suppressed).slice(-12);
  const tables: IndexTable[] = months.length ? [{ headers: ['月份', '完成自诊断次数'], rows: months.map((m) => [monthText(m.month), String(m.diagnoses.value)]), widths: ['*', 120] }] : [];
  if (input.kind === 'industry') paragraphs.push('行业报告不按月统计自诊断次数（按月数字只按地区保存）。');
  else if (!months.length) paragraphs.push('各月完成的自诊断均少于 5 家企业，不公布按月数字。');
  else if (months.length < f.months.length) paragraphs.push(`另有 ${f.months.length - months.length} 个月的自诊断涉及企业少于 5 家，不公布其次数。`);
  return section('status', '发展现状', '有效结果企业数、完成自诊断次数、各月完成次数、平均发展指数与等级段占比', { paragraphs, tables });
}

function regions(input: IndexReportInput, f: IndexFigures): IndexSection {
  const basis = '下级地区的有效结果企业数与平均发展指数';
  const levelName = { nation: '全国', province: '省级', city: '市级', county: '区县级' } as const;
  if (f.regions.level === null || !f.regions.rows.length) {
    return section('regions', '区域水平', basis, {
      paragraphs: [f.regions.level === null ? '本报告范围为区县一级，没有下级地区排名。' : `${input.regionName}${input.industry ? input.industry.name : ''}下级地区暂无有效结果。`],
    });
  }
  const shown = f.regions.rows.filter((r) => r.index !== null);
  const hidden = f.regions.rows.length - shown.length;
  const paragraphs: string[] = [];
  if (shown.length >= 2) {
    const [top, bottom] = [shown[0]!, shown[shown.length - 1]!];
    paragraphs.push(`在公布的 ${shown.length} 个${levelName[f.regions.level]}地区中，平均发展指数最高的是${top.name}（${idx(top.index!)}），最低的是${bottom.name}（${idx(bottom.index!)}），相差 ${idx(top.index! - bottom.index!)}。`);
  } else if (shown.length === 1) {
    paragraphs.push(`公布的${levelName[f.regions.level]}地区只有${shown[0]!.name}，平均发展指数 ${idx(shown[0]!.index!)}。`);
  }
  if (hidden) paragraphs.push(`另有 ${hidden} 个地区因企业少于 5 家（或为防止由合计推算出这类地区）不公布。`);
  return section('regions', '区域水平', basis, {
    paragraphs,
    tables: [
      {
        headers: ['排名', '地区', '有效结果企业数', '平均发展指数'],
        rows: f.regions.rows.map((r, i) => [r.index !== null ? String(i + 1) : '—', r.name, r.enterprises.value !== null ? String(r.enterprises.value) : UNPUBLISHED, r.index !== null ? idx(r.index) : '—']),
        widths: [40, '*', 100, 90],
      },
    ],
    charts: shown.length ? [{ kind: 'ranking', title: '下级地区平均发展指数', names: shown.slice(0, 15).map((r) => r.name), values: shown.slice(0, 15).map((r) => r.index!), unit: '' }] : [],
  });
}

function industries(input: IndexReportInput, f: IndexFigures): IndexSection {
  const classes = input.industry ? `${input.industry.name}的行业中类` : '行业大类';
  const basis = `${classes}的有效结果企业数与平均发展指数（行业指数 Top 10）`;
  const top = f.industries.top;
  const paragraphs: string[] = [];
  if (top.length) {
    paragraphs.push(`行业指数最高的${input.industry ? '中类' : '大类'}是${top[0]!.name}（${idx(top[0]!.index)}，${top[0]!.enterprises} 家企业）。`);
    if (top.length >= 2) paragraphs.push(`公布的 ${top.length} 个${input.industry ? '中类' : '大类'}中，最低的是${top[top.length - 1]!.name}（${idx(top[top.length - 1]!.index)}）。`);
  } else {
    paragraphs.push(`没有企业数达到 5 家的${classes}，不公布行业指数。`);
  }
  if (f.industries.suppressed) paragraphs.push(`另有 ${f.industries.suppressed} 个${input.industry ? '中类' : '大类'}因企业少于 5 家不公布。`);
  return section('industries', '重点行业', basis, {
    paragraphs,
    tables: top.length
      ? [{ headers: ['排名', '行业', '代码', '有效结果企业数', '平均发展指数'], rows: top.map((t, i) => [String(i + 1), t.name, t.code, String(t.enterprises), idx(t.index)]), widths: [36, '*', 40, 90, 80] }]
      : [],
    charts: top.length ? [{ kind: 'ranking', title: `行业指数 Top ${top.length}`, names: top.map((t) => t.name), values: top.map((t) => t.index), unit: '' }] : [],
  });
}

function indicators(input: IndexReportInput, f: IndexFigures, period: string | null): IndexSection {
  const band = (id: string) => f.bands.find((b) => b.band === id)!;
  const share = (id: string) => (band(id).share !== null ? pct(band(id).share!) : UNPUBLISHED);
  const up = atLeastLevel2(f);
  const rows: string[][] = [
    ['有效结果企业数', `${f.enterprises.value}`],
    ['完成自诊断次数', f.diagnoses.value !== null ? String(f.diagnoses.value) : UNPUBLISHED],
    ['平均发展指数（20 × S）', input.meanIndex !== null ? idx(input.meanIndex) : UNPUBLISHED],
    ['一级及以下占比', share('upTo1')],
    ['二级及以上占比', up ? pct(up.share) : UNPUBLISHED],
    ['四级及以上占比', share('from4')],
    [input.industry ? '涉及行业中类数' : '涉及行业大类数', String(f.industries.top.length + f.industries.suppressed)],
    ...(f.regions.level ? [['涉及下级地区数', String(f.regions.rows.length)]] : []),
    ['统计时段', period ?? '不公布'],
  ];
  return section('indicators', '关键指标', '本报告其余各节的数字汇总', {
    paragraphs: ['下表汇总本报告范围的关键指标；标为“不公布”的指标所依据的企业少于 5 家。'],
    tables: [{ headers: ['指标', '数值'], rows, widths: ['*', 160] }],
  });
}

function weaknesses(input: IndexReportInput, f: IndexFigures): IndexSection {
  const w = f.weakSubdomains;
  const basis = '各企业在其下一级别（有效结果尚未达到的最低等级）上各能力子域得分低于 0.8 的企业比例';
  const paragraphs: string[] = [];
  if (w.enterprises.value === null) {
    paragraphs.push('尚未达到五级的有效结果企业少于 5 家，不公布问题短板。');
    return section('weaknesses', '问题短板', basis, { paragraphs });
  }
  paragraphs.push(`在尚未达到五级的 ${w.enterprises.value} 家企业中，按其下一级别的要求计，得分低于 0.8 的企业比例最高的能力子域如下表。`);
  if (w.top.length) paragraphs.push(`最突出的短板是「${w.top[0]!.name}」：在该级别评估了此子域的 ${w.top[0]!.enterprises} 家企业中，${pct(w.top[0]!.share!)} 得分低于 0.8。`);
  else paragraphs.push('没有哪个能力子域低于 0.8 的企业达到 5 家，不公布子域排名。');
  if (w.suppressed) paragraphs.push(`另有 ${w.suppressed} 个能力子域低于 0.8 的企业少于 5 家，不公布。`);
  const tables: IndexTable[] = [];
  if (w.top.length) {
    tables.push({
      headers: ['能力子域', '评估企业数', '低于 0.8 的企业', '比例'],
      rows: w.top.map((t) => [t.name, String(t.enterprises), String(t.below.value), pct(t.share!)]),
      widths: ['*', 80, 90, 60],
    });
  }
  const groups = [...(input.industry ? [] : w.byIndustry.map((g) => ({ ...g, group: '行业' }))), ...w.byRegion.map((g) => ({ ...g, group: '地区' }))].filter((g) => g.weakest);
  if (groups.length) {
    tables.push({
      headers: ['分组', '名称', '企业数', '最薄弱能力子域', '比例'],
      rows: groups.map((g) => [g.group, g.name, String(g.enterprises), g.weakest!.name, pct(g.weakest!.share!)]),
      widths: [40, '*', 60, 120, 50],
    });
  }
  return section('weaknesses', '问题短板', basis, { paragraphs, tables, charts: w.top.length ? [{ kind: 'ranking', title: '低于 0.8 的企业比例最高的能力子域', names: w.top.map((t) => t.name), values: w.top.map((t) => t.share!), unit: '%' }] : [] });
}

function directions(f: IndexFigures): IndexSection {
  const paragraphs: string[] = [];
  const band = (id: string) => f.bands.find((b) => b.band === id)!;
  const upTo1 = band('upTo1');
  const from4 = band('from4');
  if (upTo1.share !== null && upTo1.share >= 50) {
    paragraphs.push(`一级及以下企业占 ${pct(upTo1.share)}，过半数企业处于起步阶段：方向是推动企业达到二级（规范级），夯实数字化基础。（依据：等级分布）`);
  } else if (upTo1.share !== null) {
    paragraphs.push(`一级及以下企业占 ${pct(upTo1.share)}，不足半数：方向是在巩固基础的同时推动二级、三级企业向集成优化发展。（依据：等级分布）`);
  }
  if (from4.share !== null) paragraphs.push(`四级及以上企业占 ${pct(from4.share)}，${BAND_MEANING.from4}：方向是总结其做法，发挥标杆示范带动作用。（依据：等级分布）`);
  else paragraphs.push('四级及以上企业少于 5 家，不公布其占比；报告不据此提出标杆方向。（依据：等级分布）');
  const top = f.weakSubdomains.top.slice(0, 3);
  if (top.length) {
    paragraphs.push(`短板集中在${top.map((t) => `「${t.name}」（${pct(t.share!)}）`).join('、')}：方向是把这些能力子域作为提升重点。（依据：问题短板，括号内为在下一级别低于 0.8 的企业比例）`);
  }
  return section('directions', '明确方向', '等级分布与问题短板（每条方向后注明所依据的数字）', { paragraphs });
}

function advice(input: IndexReportInput, f: IndexFigures): IndexSection {
  const w = f.weakSubdomains;
  const paragraphs = w.top.slice(0, 5).map(
    (t, i) => `${i + 1}. 围绕「${t.name}」对照各企业下一级别的成熟度要求逐条补齐差距：在该级别评估了此子域的 ${t.enterprises} 家企业中，${pct(t.share!)} 得分低于 0.8。（依据：问题短板）`,
  );
  const groups = [...(input.industry ? [] : w.byIndustry.map((g) => ({ ...g, kind: '行业' }))), ...w.byRegion.map((g) => ({ ...g, kind: '地区' }))].filter((g) => g.weakest).slice(0, 5);
  for (const g of groups) paragraphs.push(`${paragraphs.length + 1}. ${g.kind}「${g.name}」（${g.enterprises} 家企业）优先改进「${g.weakest!.name}」，其下一级别低于 0.8 的企业占 ${pct(g.weakest!.share!)}。（依据：问题短板分组）`);
  const up = atLeastLevel2(f);
  if (up) paragraphs.push(`${paragraphs.length + 1}. 组织二级及以上的 ${up.count} 家企业交流经验，带动一级及以下企业。（依据：等级分布）`);
  if (!paragraphs.length) paragraphs.push('没有可公布的问题短板或等级数字，本报告不提出具体改进建议。');
  paragraphs.push('企业可登录平台查看本企业自诊断报告中的改进路线与差距清单。');
  return section('advice', '改进建议', '问题短板与等级分布（每条建议后注明所依据的数字）', { paragraphs });
}
