// The report view (pure) and the PDF it renders, read back through its text layer with pdftotext.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { policiesFor, roadmapFor } from '@cmmm/advice';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportView, LISTED_REQUIREMENTS, renderReportPdf, type ReportView } from '../src/index.ts';
import { assess, type ScoreResult } from '@cmmm/model';
import { edition, sampleAnswers, sampleInput, sampleReportInput, sampleResult } from './fixture.ts';

function assessed(input: Parameters<typeof assess>[0]): ScoreResult {
  const r = assess(input);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.value;
}

const dir = mkdtempSync(join(tmpdir(), 'cmmm-report-'));

/** The PDF's text layer. Fails with a clear message when poppler-utils is not installed. */
function pdfText(pdf: Buffer, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, pdf);
  const r = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  if (r.error) throw new Error(`pdftotext is needed to read the report's text (apt-get install poppler-utils): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}
/** pdftotext -layout puts runs of spaces between table cells: compare on single spaces. */
const squeeze = (s: string) => s.replace(/[ \t]+/g, ' ');

describe('buildReportView', () => {
  const result = sampleResult();
  const view = buildReportView(sampleReportInput());

  it('has the fixture it needs: 二级 reached, 三级 not, one tailored domain, NA in a tailorable part', () => {
    expect(result.level).toBe(2);
    expect(result.tailored).toEqual(['M4']);
    expect(Object.values(sampleAnswers())).toContain('NA');
    expect(view.summary.levelName).toBe('二级（规范级）');
    expect(view.summary.characteristics).toBe(edition.levels[1]!.characteristics);
  });

  it('formats every score with two decimals, rounded down from the exact fraction', () => {
    expect(view.summary.totalScore).toMatch(/^2\.\d\d$/);
    expect(Number(view.summary.totalScore)).toBeLessThanOrEqual(result.totalScore);
    expect(result.totalScore - Number(view.summary.totalScore)).toBeLessThan(0.01);
    for (const row of view.summary.levelScores) {
      expect(row.score).toMatch(/^[01]\.\d\d$/);
      expect(row.reached).toBe(result.breakdown[`${row.level}` as '1']!.reached);
    }
    for (const row of [...view.scores.elements, ...view.scores.domains, ...view.scores.subdomains]) {
      expect(row.scores).toHaveLength(view.scores.levels.length);
      for (const s of row.scores) expect(s).toMatch(/^(—|[01]\.\d\d)$/);
      expect(row.weight).toMatch(/^\d+\.\d%$/);
    }
  });

  it('never shows 0.80 for a level that is not reached', () => {
    for (const row of view.summary.levelScores) if (!row.reached) expect(Number(row.score)).toBeLessThan(0.8);
  });

  it('lists strengths (FI/LI) and weak points (PI/NI) with the standard’s texts, capped, with a note', () => {
    expect(view.strengths.rows.length).toBeGreaterThan(0);
    expect(view.strengths.rows.length).toBeLessThanOrEqual(LISTED_REQUIREMENTS);
    expect(view.strengths.rows.every((r) => ['全部满足', '大部分满足'].includes(r.grade) && r.text.length > 0)).toBe(true);
    expect(view.weaknesses.rows.every((r) => ['部分满足', '不满足'].includes(r.grade) && r.text.length > 0)).toBe(true);
    expect(view.weaknesses.note).toMatch(/共 \d+ 条/);
  });

  it('gives the gap to 三级 with the smallest set of improvements, from → to and gains', () => {
    expect(view.gap).not.toBeNull();
    expect(view.gap!.improvements).toHaveLength(result.gap!.improvements.length);
    for (const i of view.gap!.improvements) {
      expect(i.change).toMatch(/^(部分满足|不满足|大部分满足) → (大部分满足|全部满足)$/);
      expect(i.gain).toMatch(/^\+(0\.\d\d|<0\.01)$/);
    }
    // Two decimals everywhere: the level score shown plus the shortfall shown make exactly 0.80.
    const fact = (label: string) => view.gap!.facts.find((f) => f.label === label)!.value;
    expect(fact('差距')).toMatch(/^0\.\d\d$/);
    expect(fact('改进后得分')).toMatch(/^[01]\.\d\d$/);
    expect(Math.round((Number(fact('等级得分')) + Number(fact('差距'))) * 100)).toBe(80);
    for (const h of view.gap!.holding) expect(h.effect).toMatch(/^\+(0\.\d\d|<0\.01)$/);
  });

  it('shows only peer groups with a percentile (at least 5 peers), and says when there are too few', () => {
    expect(view.peers.rows).toHaveLength(1);
    expect(view.peers.rows[0]!.percentile).toBe('68');
    expect(view.peers.note).toContain('不足 5 家');
    const few = buildReportView(sampleReportInput({ peers: [{ group: 'industry', label: 'C34', peers: 4, percentile: null }] }));
    expect(few.peers.rows).toEqual([]);
    expect(few.peers.note).toContain('不足 5 家');
    const none = buildReportView(sampleReportInput({ peers: [] }));
    expect(none.peers.rows).toEqual([]);
    expect(none.peers.note).toBeTruthy();
  });

  it('has the roadmap and the policies of the region', () => {
    expect(view.roadmap.map((r) => r.name)).toEqual(roadmapFor(result, edition, 3).map((r) => r.name));
    const all = policiesFor('320214', 2);
    expect(view.policies.matched.map((p) => p.document)).toEqual(all.filter((p) => p.applies !== 'related').map((p) => p.document));
    expect(view.policies.related.map((p) => p.document)).toEqual(all.filter((p) => p.applies === 'related').map((p) => p.document));
    expect(view.policies.matched.length).toBeGreaterThan(0);
    expect(view.policies.related.length).toBeGreaterThan(0);
  });

  it('shows a region\'s policies without a level-specific reward as 相关政策 (昆山 at 一级)', () => {
    const kunshan = buildReportView(sampleReportInput({ policies: policiesFor('320583', 1) }));
    expect(kunshan.policies.matched).toEqual([]);
    expect(kunshan.policies.related.map((p) => p.document)).toContain('《关于做好“智改数转”诊断工作的通知》');
    expect(kunshan.policies.related.every((p) => p.appliesTo === '')).toBe(true);
  });

  it('names the edition by its standard and title, never its internal id', () => {
    const details = Object.fromEntries(view.cover.details.map((f) => [f.label, f.value]));
    expect(details['模型版本']).toBe('DB12/T 1073—2021《工业企业智能制造能力成熟度评估规范》');
    expect(details['所依据的国家标准']).toBe('GB/T 39116-2020、GB/T 39117-2020');
    expect(JSON.stringify(view.cover)).not.toContain(edition.id);
    expect(JSON.stringify(view.summary.scope)).not.toContain(edition.id);
  });

  it('names a tailored domain once under 不参与评分的部分, not again for its subdomain', () => {
    const tailored = buildReportView(sampleReportInput({ result: assessed({ ...sampleInput(), tailored: ['M3', 'M4'] }) }));
    const excluded = tailored.summary.scope.find((f) => f.label === '不参与评分的部分')!.value;
    expect(excluded.match(/物流/g)).toHaveLength(1);
    expect(excluded).toContain('M3 物流（已裁剪）');
  });

  it('gives the roadmap in plain words: no codes in the reason, subdomains or targets, the method apart', () => {
    for (const r of view.roadmap) {
      expect(r.reason).not.toMatch(/[A-Z]\d-\d|Σ|max\(/);
      for (const sub of r.subdomains) expect(sub).not.toMatch(/^[A-Z]\d-\d/);
    }
    expect(view.labels.roadmapMethod).toContain('Σ');
  });

  it('renders the roadmap and policies it is given, computing none itself', () => {
    const none = buildReportView(sampleReportInput({ roadmap: [], policies: [] }));
    expect([none.roadmap, none.policies]).toEqual([[], { matched: [], related: [] }]);
    const entry = { ...roadmapFor(result, edition)[0]!, name: '给定的模式', subdomains: [], case: null };
    const policy = { ...policiesFor('320214', 2)[0]!, document: '给定的政策文件', applies: 'next' as const };
    const given = buildReportView(sampleReportInput({ roadmap: [entry], policies: [policy] }));
    expect(given.roadmap.map((r) => [r.name, r.case])).toEqual([['给定的模式', null]]);
    expect(given.policies.matched.map((p) => [p.document, p.appliesTo])).toEqual([['给定的政策文件', '下一等级']]);
  });

  it('has every answered requirement in the appendix, in the edition’s order', () => {
    const answers = sampleAnswers();
    expect(view.appendix.rows.map((r) => r.requirementId).sort()).toEqual(Object.keys(answers).sort());
    expect(view.appendix.rows.find((r) => r.code === 'NA')?.grade).toBe('不涉及');
  });

  it('says 未提供 for missing enterprise details and omits the QR code without a verify URL', () => {
    const v = buildReportView(sampleReportInput({ enterprise: { name: '', creditCode: '', industryName: '', regionPath: '', enterpriseType: 'discrete' }, verifyUrl: null }));
    expect(v.cover.enterprise.slice(0, 4).map((f) => f.value)).toEqual(['未提供', '未提供', '未提供', '未提供']);
    expect(v.cover.verifyUrl).toBeNull();
  });

  it('is pure: the same input gives the same view, and the date is the date in China', () => {
    const again = buildReportView(sampleReportInput());
    expect(JSON.stringify(again)).toBe(JSON.stringify(view));
    const late = buildReportView(sampleReportInput({ issuedAt: new Date('2026-11-21T17:00:00Z') }));
    expect(late.cover.details[0]!.value).toBe('2026年11月22日');
  });

  it('speaks English when asked; the standard’s texts stay Chinese', () => {
    const en = buildReportView(sampleReportInput({ language: 'en' }));
    expect(en.cover.levelLabel).toBe('Maturity level');
    expect(en.summary.levelName).toBe('Level 2 – Standardized (二级（规范级）)');
    expect(en.summary.characteristics).toBe(view.summary.characteristics);
    expect(en.appendix.rows[0]!.grade).toMatch(/\((FI|LI|PI|NI)\)|Not applicable/);
  });
});

describe('renderReportPdf', () => {
  let view: ReportView;
  let text: string;
  let english: string;

  beforeAll(async () => {
    view = buildReportView(sampleReportInput());
    const pdf = await renderReportPdf(view);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    text = squeeze(pdfText(pdf, 'report.pdf'));
    english = squeeze(pdfText(await renderReportPdf(buildReportView(sampleReportInput({ language: 'en' }))), 'report-en.pdf'));
  }, 60_000);

  it('shows the enterprise, the level, the total score and every level score', () => {
    expect(text).toContain('无锡精工智造科技有限公司');
    expect(text).toContain('91320214MA1XYZ1234');
    expect(text).toContain('二级（规范级）');
    expect(text).toContain(view.summary.totalScore);
    for (const row of view.summary.levelScores) expect(text).toContain(`${row.name} ${row.score}`);
  });

  it('has a table of contents and page numbers', () => {
    expect(text).toContain('目录');
    expect(text).toMatch(/第 2 页 \/ 共 \d+ 页/);
    expect(text).toMatch(/1 评估结论 3/);
  });

  it('shows requirement texts of a weak point, a strength and an improvement', () => {
    const firstLine = (s: string) => s.slice(0, 12);
    expect(text).toContain(firstLine(view.weaknesses.rows[0]!.text));
    expect(text).toContain(firstLine(view.strengths.rows[0]!.text));
    expect(text).toContain(view.gap!.improvements[0]!.requirementId);
  });

  it('shows the roadmap patterns and a matching policy document', () => {
    expect(view.roadmap.length).toBeGreaterThan(0);
    for (const r of view.roadmap) expect(text).toContain(r.name);
    expect(text).toContain(view.policies.matched[0]!.document.slice(0, 12));
    expect(text).toContain('相关政策');
    expect(text).toContain('计算方法');
    expect(squeeze(text)).toContain('DB12/T 1073—2021《工业企业智能制造能力成熟度评估规范》');
    expect(text).not.toContain('db12-t1073-2021');
  });

  it('shows the appendix with the answers', () => {
    expect(text).toContain('附录');
    const last = view.appendix.rows.at(-1)!;
    expect(text).toContain(last.requirementId);
  });

  it('renders the English report', () => {
    expect(english).toContain('Maturity level');
    expect(english).toContain('Contents');
    expect(english).toMatch(/Page 2 of \d+/);
    expect(english).toContain('无锡精工智造科技有限公司');
    expect(english).toContain('Standardized');
  });

  it('shows 能力度等级 of every domain and subdomain and the three application views', () => {
    const profile = view.profile!;
    const given = sampleReportInput().profile!;
    expect(profile.rows).toHaveLength(given.domains.length + given.domains.reduce((n, d) => n + d.subdomains.length, 0));
    expect(profile.rows.map((r) => r.name)).not.toContain('销售'); // tailored: not applicable, left out
    expect(text).toContain('能力度等级');
    for (const d of given.domains) expect(text).toContain(`${d.name} ${d.capabilityLevel > 0 ? ['一级', '二级', '三级', '四级', '五级'][d.capabilityLevel - 1] : '未达到一级'}`);
    for (const name of ['智能车间（二级–三级）', '智能工厂（二级–四级）', '智慧供应链（三级–四级）']) expect(text).toContain(name);
    expect(text).toContain('销售（可选） 不适用');
    expect(english).toContain('Smart supply chain');
  });

  it('does not change the view while rendering (it can be rendered twice)', async () => {
    const before = JSON.stringify(view);
    await renderReportPdf(view);
    expect(JSON.stringify(view)).toBe(before);
  });
});

describe('the English report of a translated edition', () => {
  it('takes level names and enterprise types from the translated edition and prints the notice on the cover and with the disclaimer', () => {
    const translated = {
      ...edition,
      title: 'Specification for assessing intelligent manufacturing capability maturity',
      levels: edition.levels.map((l) => ({ ...l, label: `Level ${l.level}`, name: `Stage ${l.level}`, characteristics: `What stage ${l.level} means.` })),
      enterpriseTypes: edition.enterpriseTypes.map((t) => ({ ...t, name: `${t.id} kind` })),
    };
    const notice = 'Unofficial English translation. The Chinese text prevails.';
    const view = buildReportView(sampleReportInput({ edition: translated, language: 'en', translationNotice: notice }));
    expect(view.cover.details).toContainEqual({ label: 'Translation', value: notice });
    expect(view.summary.disclaimer).toContain(notice);
    expect(view.summary.levelScores.map((r) => r.name)).toContain('Level 1 – Stage 1');
    expect(view.cover.enterprise).toContainEqual({ label: view.labels.enterpriseType, value: 'discrete kind' });
    expect(view.cover.details.find((f) => f.value.startsWith(edition.standard))?.value).toBe(`${edition.standard} ${translated.title}`);
    expect(JSON.stringify(view.summary.levelScores)).not.toMatch(/[\u3400-\u9fff（）]/);
    // Without a translation the English report keeps the Chinese beside its own level names, as before.
    const plain = buildReportView(sampleReportInput({ language: 'en' }));
    expect(plain.summary.levelScores[0]!.name).toMatch(/^Level 1 – Planning \(一级（规划级）\)$/);
    expect(plain.cover.details.some((f) => f.label === 'Translation')).toBe(false);
  });
});
