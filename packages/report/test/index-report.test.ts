// 指数报告 view (issue 11 §3): the eight sections of seed 002, every sentence made from figures present in the
// input, and a scope of fewer than 5 enterprises publishing no count or share at all.
import { LEVEL_BANDS } from '@cmmm/contract';
import { describe, expect, it } from 'vitest';
import { buildIndexReportView, renderPdf } from '../src/index.ts';
import { count, indexReportInput as input, nationalFigures } from './index-fixture.ts';

const textOf = (v: ReturnType<typeof buildIndexReportView>) => JSON.stringify(v);

describe('the 指数报告 view', () => {
  it('has seed 002\'s eight sections, the scope, period, n, date and method on the cover', () => {
    const view = buildIndexReportView(input());
    expect(view.sections.map((s) => s.title)).toEqual(['等级分布', '发展现状', '区域水平', '重点行业', '关键指标', '问题短板', '明确方向', '改进建议']);
    expect(view.cover.fields).toEqual(
      expect.arrayContaining([
        { label: '报告范围', value: '全国' },
        { label: '统计时段', value: '2026年1月至2026年3月' },
        { label: '样本量（有效结果企业数）', value: '100 家' },
        { label: '数据截至', value: '2026年4月1日' },
      ]),
    );
    expect(view.cover.method).toContain('20 × S');
    expect(view.cover.method).toContain('k = 5');
    for (const s of view.sections) expect(s.basis.length).toBeGreaterThan(0);
  });

  it('writes the text from the figures: shares and counts as given, derived ones only from published counts', () => {
    const view = buildIndexReportView(input());
    const [levels, status, regions, industries, , weak, directions, advice] = view.sections;
    // 40 + 29 = 69 of 100
    expect(levels!.paragraphs[0]).toBe('一级及以下企业占 69%（69 家），开始部署智能制造。');
    expect(levels!.charts[0]!.values).toEqual([69, 15, 7, 9]);
    expect(status!.paragraphs.join('')).toContain('共有 100 家企业具有有效自诊断结果，累计完成自诊断 130 次（2026年1月至2026年3月）');
    expect(status!.paragraphs.join('')).toContain('平均发展指数为 41.23');
    // 100 − 69 = 31 at 二级 and above
    expect(status!.paragraphs.join('')).toContain('达到二级及以上的企业 31 家，占 31%');
    expect(status!.paragraphs.join('')).toContain('另有 1 个月');
    expect(regions!.paragraphs[0]).toBe('在公布的 2 个省级地区中，平均发展指数最高的是江苏省（42.12），最低的是北京市（38.50），相差 3.62。');
    expect(regions!.tables[0]!.rows[2]).toEqual(['—', '浙江省', '不公布（少于 5 家）', '—']);
    expect(industries!.paragraphs[0]).toBe('行业指数最高的大类是计算机、通信和其他电子设备制造业（47.30，30 家企业）。');
    expect(weak!.paragraphs.join('')).toContain('「数据」：在该级别评估了此子域的 80 家企业中，75% 得分低于 0.8');
    expect(directions!.paragraphs[0]).toContain('一级及以下企业占 69%，过半数企业');
    expect(directions!.paragraphs.every((p) => p.includes('依据'))).toBe(true);
    expect(advice!.paragraphs[0]).toContain('围绕「数据」');
    expect(advice!.paragraphs.join('')).toContain('「汽车制造业」（25 家企业）优先改进「数据」');
  });

  it('names a 行业 report\'s scope and ranks its middle classes', () => {
    const f = nationalFigures({ months: [], industries: { top: [{ code: '361', name: '汽柴油车整车制造', enterprises: 12, index: 44.5 }], suppressed: 1 } });
    const view = buildIndexReportView(input({ kind: 'industry', industry: { code: '36', name: '汽车制造业' }, figures: f }));
    expect(view.cover).toMatchObject({ title: '智能制造发展指数报告（行业）', subtitle: '全国 · 汽车制造业' });
    expect(view.fileName).toBe('ZS-industry-CN-36');
    expect(view.sections[3]!.paragraphs).toEqual(['行业指数最高的中类是汽柴油车整车制造（44.50，12 家企业）。', '另有 1 个中类因企业少于 5 家不公布。']);
    expect(view.sections[1]!.paragraphs.join('')).toContain('全国汽车制造业共有 100 家企业');
    expect(view.sections[1]!.paragraphs.join('')).toContain('行业报告不按月统计');
  });

  it('says a suppressed figure is not published and derives nothing from it', () => {
    const f = nationalFigures();
    const bands = f.bands.map((b) => (b.band === 'from4' ? { ...b, enterprises: count(0), share: null } : b));
    const upTo1Hidden = bands.map((b) => (b.band === 'upTo1' ? { ...b, enterprises: count(0), share: null } : b));
    const view = buildIndexReportView(input({ figures: { ...f, bands: upTo1Hidden } }));
    const text = textOf(view);
    expect(text).toContain('四级及以上企业少于 5 家，不公布其数量与占比。');
    expect(text).not.toContain('二级及以上的企业');
    expect(view.sections[4]!.tables[0]!.rows.find((r) => r[0] === '二级及以上占比')![1]).toBe('不公布（少于 5 家）');
  });

  it('publishes no count or share for a scope of fewer than 5 enterprises', () => {
    const hidden = { value: null, suppressed: true };
    const f = nationalFigures({
      enterprises: hidden,
      diagnoses: hidden,
      months: [{ month: 202601, diagnoses: hidden }],
      levels: [0, 1, 2, 3, 4, 5].map((level) => ({ level, enterprises: hidden, share: null })),
      bands: LEVEL_BANDS.map((b) => ({ band: b.id, label: b.label, enterprises: hidden, share: null })),
      industries: { top: [], suppressed: 2 },
      regions: { level: 'city', rows: [] },
      weakSubdomains: { enterprises: hidden, top: [], suppressed: 0, byIndustry: [], byRegion: [] },
    });
    const view = buildIndexReportView(input({ kind: 'region', regionName: '昆山市', figures: f, meanIndex: null, period: null }));
    const text = view.sections.map((s) => s.paragraphs.join('') + JSON.stringify(s.tables)).join('');
    expect(text).toContain('少于 5 家');
    // no digit but the 5 of the rule
    expect(text.replace(/5 家/g, '')).not.toMatch(/\d/);
    expect(view.cover.fields.find((x) => x.label === '样本量（有效结果企业数）')!.value).toBe('少于 5 家，不公布');
    expect(view.cover.fields.find((x) => x.label === '统计时段')!.value).toBe('不公布');
  });

  it('renders a PDF with its charts', async () => {
    const pdf = await renderPdf(buildIndexReportView(input()));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    if (process.env.INDEX_REPORT_PDF) (await import('node:fs')).writeFileSync(process.env.INDEX_REPORT_PDF, pdf);
  }, 60_000);
});
