// The 评估报告 of a formal assessment: the view (pure) and the PDF read back through pdftotext, the
// draft (征求意见稿), 自定义评估, English, and rendering through the worker pool.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFormalReportView, createRenderPool, FORMAL_LABELS, renderPdf, type FormalReportView } from '../src/index.ts';
import { customInput, IMPROVEMENT_TEXT, predefinedInput, WEAKNESS_TEXT } from './formal-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'cmmm-formal-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** The PDF's text layer (pdftotext from poppler-utils), runs of spaces squeezed. */
function pdfText(pdf: Buffer): string {
  const path = join(dir, `${++files}.pdf`);
  writeFileSync(path, pdf);
  const r = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  if (r.error) throw new Error(`pdftotext is needed to read the report's text (apt-get install poppler-utils): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout.replace(/[ \t]+/g, ' ');
}
/** Chinese text wrapped across lines: compare without white space. */
const tight = (s: string) => s.replace(/\s+/g, '');

describe('buildFormalReportView', () => {
  const input = predefinedInput();
  const view = buildFormalReportView(input);
  const field = (fields: { label: string; value: string }[], label: string) => fields.find((f) => f.label === label)?.value;

  it('has the cover: title, enterprise, credit code, scope, type and target, body, lead, number, date, verify URL', () => {
    expect(view.kind).toBe('formal');
    expect(view.draft).toBe(false);
    expect(view.cover.title).toBe('智能制造能力成熟度评估报告');
    expect(view.cover.draftMark).toBeNull();
    const f = view.cover.fields;
    expect(field(f, '受评估企业')).toBe('无锡精工智造科技有限公司');
    expect(field(f, '统一社会信用代码')).toBe('91320214MA1XYZ1234');
    expect(field(f, '评估范围')).toBe('精密数控机床零部件的设计、生产、销售');
    expect(field(f, '评估类型')).toBe('预定义评估（申请等级：三级（集成级））');
    expect(field(f, '评估机构')).toBe('苏州智造评估中心');
    expect(field(f, '评估组长')).toBe('张主任');
    expect(field(f, '报告编号')).toBe('PG-20261216-1A2B3C4D5E');
    expect(field(f, '报告日期')).toBe('2026年12月16日');
    expect(view.cover.verifyUrl).toBe('https://cmmm.example.cn/verify/PG-20261216-1A2B3C4D5E');
    expect(view.watermark).toBeNull();
  });

  it('summarises the work: coverage, methods with counts, people interviewed once each, dates, the current team', () => {
    const rows = input.sheet.rows;
    expect(field(view.work.coverage, '范围内的成熟度要求')).toBe(`${rows.length}`);
    expect(field(view.work.coverage, '已取得证据的要求')).toMatch(new RegExp(`^${rows.filter((r) => r.evidenceCount > 0).length} \\(\\d+%\\)$`));
    expect(field(view.work.coverage, '确认不适用的部分')).toBe('M3 物流（物流全部外包，企业不涉及）');
    expect(view.work.methods).toEqual([
      { method: '访谈', count: '3' },
      { method: '现场巡视', count: '1' },
      { method: '文件与记录评审', count: '2' },
      { method: '信息系统演示', count: '1' },
    ]);
    expect(view.work.interviewed).toBe('王工（生产部经理）、李明（副总经理）');
    expect(view.work.dates.map((d) => d.value)).toEqual(['2026年12月14日至2026年12月16日', '2026年12月14日', '2026年12月16日']);
    expect(view.work.team.map((m) => [m.name, m.role])).toEqual([
      ['张主任', '评估组长（主任评估师）'],
      ['陈评估师', '评估组成员'],
      ['周内审', '内部评估师'],
    ]);
    expect(field(view.work.cooperation, '末次会议内容')).toBe('通报评估结果，企业对处理决定无异议');
  });

  it('gives the level, S with two decimals rounded down, and every level score', () => {
    const r = input.result;
    expect(view.result.levelName).toBe('二级（规范级）');
    expect(r.level).toBe(2);
    expect(view.result.totalScore).toMatch(/^2\.\d\d$/);
    expect(Number(view.result.totalScore)).toBeLessThanOrEqual(r.totalScore!);
    expect(r.totalScore! - Number(view.result.totalScore)).toBeLessThan(0.01);
    expect(view.result.levelScores.map((l) => [l.level, l.reached])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
    for (const l of view.result.levelScores) if (!l.reached) expect(Number(l.score)).toBeLessThan(0.8);
    expect(view.result.capability).toBeNull();
    expect(view.result.levelChart?.values).toHaveLength(3);
  });

  it('lists each domain in scope with its summary, and says so where the team wrote none', () => {
    const domains = [...new Set(input.sheet.rows.map((r) => r.domainId))];
    expect(view.overview.map((d) => d.domainId)).toEqual(domains);
    expect(view.overview[0]!.strengths).toContain('已建立管理制度');
    expect(view.overview.at(-1)!.strengths).toBeNull();
  });

  it('lists weaknesses and improvements by domain with their texts and the domain’s directions', () => {
    const rows = view.weakPoints.flatMap((d) => d.rows);
    expect(rows.map((r) => r.kind).every((k) => k === 'weakness' || k === 'improvement')).toBe(true);
    expect(rows.find((r) => r.kind === 'weakness')).toMatchObject({ kindName: '弱项', finding: WEAKNESS_TEXT });
    expect(rows.find((r) => r.finding === IMPROVEMENT_TEXT)?.kindName).toBe('改进项');
    expect(rows.every((r) => r.requirement.length > 0)).toBe(true);
    expect(view.weakPoints.some((d) => d.directions?.includes('建议建立点检'))).toBe(true);
  });

  it('has the responses with decisions, the comparison and the findings counted', () => {
    expect(view.responses.map((r) => [r.decision, r.change])).toEqual([
      ['不采纳', '不满足'],
      ['采纳', '不满足 → 部分满足'],
    ]);
    expect(view.result.comparison.facts.map((f) => f.value).slice(0, 2)).toEqual(['一级（规划级）', '1.23']);
    expect(view.result.comparison.requirements).toHaveLength(5);
    expect(view.result.comparison.domains[0]!.scores[0]).toMatch(/^0\.62 \/ [01]\.\d\d$/);
    const counts = Object.fromEntries(view.result.findings.map((f) => [f.label, Number(f.value)]));
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(input.sheet.rows.length);
  });

  it('concludes in one paragraph built from the result', () => {
    expect(view.conclusion).toContain('苏州智造评估中心评估组依据DB12/T 1073—2021于2026年12月14日至2026年12月16日');
    expect(view.conclusion).toContain(`智能制造能力成熟度等级为二级（规范级），总分 S 为 ${view.result.totalScore}`);
    expect(view.conclusion).toContain('企业对 2 项评估发现提出再次论证，评估组采纳 1 项。');
  });

  it('is a draft without a number: 征求意见稿, no QR code, watermark', () => {
    const draft = buildFormalReportView(predefinedInput({ reportNumber: null, verifyUrl: 'https://cmmm.example.cn/verify/x' }));
    expect(draft.draft).toBe(true);
    expect(draft.cover.draftMark).toBe('（征求意见稿）');
    expect(draft.title).toContain('评估报告（征求意见稿）');
    expect(draft.cover.verifyUrl).toBeNull();
    expect(draft.watermark).toBe('征求意见稿');
    expect(draft.cover.fields.find((f) => f.label === '报告编号')?.value).toContain('征求意见稿');
    expect(draft.conclusion).toContain('本结论为征求意见稿');
  });

  it('shows the capability profile of a 自定义评估', () => {
    const custom = buildFormalReportView(customInput());
    expect(custom.result.levelName).toBeNull();
    expect(custom.result.levelChart).toBeNull();
    expect(custom.result.capability!.rows.map((r) => [r.domain, r.target])).toEqual([
      ['M1 设计', '三级'],
      ['M2 生产', '二级'],
    ]);
    expect(custom.cover.resultDetail).toHaveLength(2);
    expect(custom.cover.fields.find((f) => f.label === '评估类型')?.value).toBe('自定义评估（2 个能力域）');
    expect(custom.conclusion).toMatch(/各受评能力域的能力度等级为：设计 .+（目标三级）、生产 .+（目标二级）/);
  });

  it('is pure and speaks English when asked (what people wrote stays as written)', () => {
    expect(JSON.stringify(buildFormalReportView(predefinedInput()))).toBe(JSON.stringify(view));
    const en = buildFormalReportView(predefinedInput({ language: 'en' }));
    expect(en.labels).toBe(FORMAL_LABELS.en);
    expect(en.result.levelName).toBe('Level 2 – Standardized (二级（规范级）)');
    expect(en.work.methods[0]).toEqual({ method: 'Interview', count: '3' });
    expect(en.weakPoints.flatMap((d) => d.rows).find((r) => r.kind === 'weakness')?.finding).toBe(WEAKNESS_TEXT);
  });
});

describe('renderPdf (评估报告)', () => {
  let view: FormalReportView;
  let text: string;
  let draft: string;
  let custom: string;
  let english: string;

  beforeAll(async () => {
    view = buildFormalReportView(predefinedInput());
    const pdf = await renderPdf(view);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    text = pdfText(pdf);
    draft = pdfText(await renderPdf(buildFormalReportView(predefinedInput({ reportNumber: null, verifyUrl: null }))));
    custom = pdfText(await renderPdf(buildFormalReportView(customInput())));
    english = pdfText(await renderPdf(buildFormalReportView(predefinedInput({ language: 'en' }))));
  }, 120_000);

  it('shows the cover fields and the report number', () => {
    for (const s of ['智能制造能力成熟度评估报告', '无锡精工智造科技有限公司', '91320214MA1XYZ1234', '苏州智造评估中心', '张主任', 'PG-20261216-1A2B3C4D5E', '2026年12月16日', '扫码核验报告真伪']) {
      expect(text).toContain(s);
    }
    expect(tight(text)).toContain('精密数控机床零部件的设计、生产、销售');
    expect(tight(text)).toContain('https://cmmm.example.cn/verify/PG-20261216-1A2B3C4D5E');
  });

  it('has every section heading in the contents and the body, and page numbers', () => {
    for (const [i, h] of ['评估工作总结', '评估情况综述', '评估结果', '弱项与改进建议', '再次论证与处理', '结论'].entries()) {
      expect(text).toMatch(new RegExp(`${i + 1} ${h} \\d+`)); // contents
      expect(text.split(`${i + 1} ${h}`).length).toBeGreaterThanOrEqual(3); // contents and heading
    }
    expect(text).toMatch(/第 2 页 \/ 共 \d+ 页/);
  });

  it('shows the level, S, the methods, the people interviewed, the weakness text and the decisions', () => {
    expect(text).toContain('二级（规范级）');
    expect(text).toContain(view.result.totalScore!);
    expect(text).toContain('文件与记录评审');
    expect(tight(text)).toContain('王工（生产部经理）、李明（副总经理）');
    expect(tight(text)).toContain(WEAKNESS_TEXT);
    expect(tight(text)).toContain('抽查两个车间未见点检记录');
    expect(text).toContain('不采纳');
  });

  it('marks the draft 征求意见稿 and prints no number or QR code', () => {
    expect(tight(draft)).toContain('智能制造能力成熟度评估报告（征求意见稿）');
    expect(draft).not.toContain('PG-20261216');
    expect(draft).not.toContain('扫码核验报告真伪');
    expect(draft).toContain('征求意见稿不提供在线核验');
  });

  it('renders a 自定义评估 with its capability profile, and the English report', () => {
    expect(custom).toContain('能力度等级');
    expect(custom).toContain('M1 设计');
    expect(custom).toContain('目标能力度等级');
    expect(english).toContain('Intelligent Manufacturing Capability Maturity Assessment Report');
    expect(english).toContain('Weaknesses and recommendations');
    expect(english).toMatch(/Page 2 of \d+/);
  });
});

describe('the render pool renders both reports', () => {
  const pool = createRenderPool({ threads: 1 });
  afterAll(() => pool.close());

  it('gives the same text as a direct render, and refuses a formal view with other labels', async () => {
    const view = buildFormalReportView(predefinedInput());
    const [pooled, direct] = await Promise.all([pool.render(view), renderPdf(view)]);
    expect(pdfText(pooled)).toBe(pdfText(direct));
    await expect(pool.render({ ...view, labels: { ...view.labels } })).rejects.toThrow(/standard labels/);
  }, 60_000);
});
