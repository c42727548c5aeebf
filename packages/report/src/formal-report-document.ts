// The 评估报告 (FormalReportView) laid out as an A4 PDF with the self-diagnosis report's fonts, styles
// and blocks: cover with the QR code to the verification page, contents, then 评估工作总结, 评估情况综述,
// 评估结果, 弱项与改进建议, 再次论证与处理 and 结论. A draft carries a 征求意见稿 watermark.
import type { Content, Node, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { capabilityBars, FONT_FAMILY, levelBars } from './charts.ts';
import type { FormalReportView } from './formal-report-view.ts';
import { a4Report, C, chart, fields, pageFurniture, requirementCell, table as blockTable, verifyColumn, verifyQr } from './pdf-blocks.ts';
import { configurePdfmake } from './render-report-pdf.ts';

/** The report's tables keep their header row with the first row. */
const table = (...[headers, rows, widths, fontSize, options]: Parameters<typeof blockTable>): Content => blockTable(headers, rows, widths, fontSize, { ...options, keepWithHeader: true });
/** Headings (h2, h3) are never the last thing on a page. */
const HEADING = 2;

export async function renderFormalReportPdf(view: FormalReportView): Promise<Buffer> {
  const doc = await formalDocumentDefinition(view);
  return configurePdfmake().createPdf(doc).getBuffer();
}

/** The pdfmake document for the view (exposed for tests). */
export async function formalDocumentDefinition(view: FormalReportView): Promise<TDocumentDefinitions> {
  const L = view.labels;
  const qr = await verifyQr(view.cover.verifyUrl);
  let section = 0;
  const h1 = (text: string): Content => ({ text: `${++section}\u3000${text}`, style: 'h1', tocItem: true, pageBreak: 'before' });
  const h2 = (text: string): Content => ({ text, style: 'h2', headlineLevel: HEADING });
  const h3 = (text: string): Content => ({ text, style: 'h3', headlineLevel: HEADING });
  const para = (text: string, style = 'body'): Content => ({ text, style });
  /** A short block kept on one page with its heading. */
  const keep = (...stack: Content[]): Content => ({ stack, unbreakable: true });
  const r = view.result;
  /** The running header and footer are laid out with the page's content: not content that follows a heading. */
  const furniture = (n: Node) => typeof n.text === 'string' && (n.text === L.reportTitle || n.text === view.headerText || n.text === L.page(n.pageNumbers[0] ?? 0, n.pages));

  const content: Content[] = [
    ...cover(view, qr),
    { toc: { title: { text: L.toc, style: 'tocTitle' }, numberStyle: { color: C.muted } } },
    // ---- 1 评估工作总结
    h1(L.work),
    para(view.work.intro),
    keep(h2(L.coverage), fields(view.work.coverage, 9.5, [0, 0, 0, 0], 130)),
    keep(h2(L.methods), view.work.methods.length ? table([L.method, L.count], view.work.methods.map((m) => [m.method, { text: m.count, alignment: 'right' }]), ['*', 80]) : para(L.methodsNone)),
    keep(h2(L.interviewed), para(view.work.interviewed)),
    keep(h2(L.dates), fields(view.work.dates, 9.5, [0, 0, 0, 0], 130)),
    keep(h2(L.team), table([L.name, L.teamRole, L.qualification], view.work.team.map((m) => [m.name, m.role, m.qualification]), [90, '*', '*'])),
    keep(h2(L.cooperation), fields(view.work.cooperation, 9.5, [0, 0, 0, 0], 130)),
    para(L.cooperationNote, 'note'),
    // ---- 2 评估情况综述
    h1(L.overview),
    para(L.overviewIntro, 'note'),
    ...view.overview.flatMap((d): Content[] => [
      h2(d.name),
      ...(d.strengths || d.weaknesses || d.improvements
        ? [h3(L.strengths), para(d.strengths ?? L.none), h3(L.weaknesses), para(d.weaknesses ?? L.none), h3(L.improvements), para(d.improvements ?? L.none)]
        : [para(L.summaryMissing, 'note')]),
    ]),
    // ---- 3 评估结果
    h1(L.result),
    banner(view),
    ...(r.levelChart
      ? [
          h2(L.levelScores),
          table(
            [L.level, L.levelScore, ''],
            r.levelScores.map((s) => [{ text: s.name }, { text: s.score, alignment: 'right', bold: s.reached }, { text: s.status, color: s.reached ? C.green : C.muted }]),
            ['*', 80, 80],
          ),
          chart(levelBars({ levels: { title: L.levelChartTitle, ...r.levelChart }, threshold: L.threshold }, 480, 200), L.levelChartTitle),
          para(L.totalScoreNote, 'note'),
        ]
      : []),
    ...(r.capability
      ? [
          h2(L.capabilityProfile),
          table(
            [L.domain, L.targetCapability, L.capabilityLevel, ...r.capability.levels],
            r.capability.rows.map((d) => [d.domain, { text: d.target, alignment: 'center' }, { text: d.level, alignment: 'center', bold: true }, ...d.scores.map((s): TableCell => ({ text: s, alignment: 'right', color: scoreColour(s) }))]),
            ['*', 72, 72, ...r.capability.levels.map(() => 36)],
          ),
          chart(capabilityBars({ ...r.capability.chart, legend: [L.capabilityLevel, L.targetCapability] }), L.capabilityChartTitle),
          para(L.capabilityNote, 'note'),
        ]
      : []),
    keep(h2(L.findingsCount), fields(r.findings, 9.5, [0, 0, 0, 0], 130)),
    keep(h2(L.comparison), para(L.comparisonIntro, 'note'), fields(r.comparison.facts, 9.5, [0, 0, 0, 0], 130)),
    ...(r.comparison.domains.length
      ? [
          h3(L.domainComparison),
          table([L.domain, ...r.comparison.levels], r.comparison.domains.map((d) => [d.domain, ...d.scores.map((s): TableCell => ({ text: s, alignment: 'center' }))]), ['*', ...r.comparison.levels.map(() => 72)], 8.5, { keepRows: false }),
          para(L.domainComparisonNote, 'note'),
        ]
      : []),
    para(r.comparison.requirementsNote, 'note'),
    ...(r.comparison.requirements.length
      ? [
          table(
            [L.id, L.item, L.level, L.selfClaim, L.formalGrade],
            r.comparison.requirements.map((q) => [{ text: q.requirementId, noWrap: true }, q.item, { text: q.level, alignment: 'center' }, q.self, q.formal]),
            [62, '*', 36, 62, 62],
            8.5,
            { keepRows: false },
          ),
        ]
      : []),
    // ---- 4 弱项与改进建议
    h1(L.weakPoints),
    para(view.weakPoints.length ? L.weakPointsIntro : L.weakPointsNone, view.weakPoints.length ? 'note' : 'body'),
    ...view.weakPoints.flatMap((d): Content[] => [
      h2(d.domain),
      table(
        [L.id, L.level, L.kind, L.requirementAndFinding],
        d.rows.map((f) => [
          { text: f.requirementId, noWrap: true },
          { text: f.level, alignment: 'center' },
          { text: f.kindName, color: f.kind === 'weakness' ? C.red : C.orange, bold: true },
          { stack: [{ text: f.finding }, { text: `${f.item} · ${f.requirement}`, fontSize: 7.5, color: C.muted }] },
        ]),
        [62, 32, 48, '*'],
      ),
      ...(d.directions ? [{ text: [{ text: `${L.directions}：`, bold: true }, d.directions], style: 'body' } as Content] : []),
    ]),
    // ---- 5 再次论证与处理
    h1(L.responses),
    para(view.responses.length ? L.responsesIntro : L.responsesNone, view.responses.length ? 'note' : 'body'),
    ...(view.responses.length
      ? [
          table(
            [L.id, L.response, L.decision, L.gradeChange],
            view.responses.map((x) => [
              requirementCell(x.requirementId, x.item),
              { stack: [{ text: x.response }, ...(x.evidenceNote ? [{ text: `${L.evidenceNote}：${x.evidenceNote}`, fontSize: 7.5, color: C.muted }] : [])] },
              { stack: [{ text: x.decision, bold: true }, ...(x.reason ? [{ text: x.reason, fontSize: 7.5, color: C.muted }] : [])] },
              { text: x.change, fontSize: 8 },
            ]),
            [62, '*', 110, 80],
          ),
        ]
      : []),
    // ---- 6 结论
    h1(L.conclusion),
    para(view.conclusion),
    fields(view.signature, 10, [220, 30, 0, 0], 70),
  ];

  return {
    ...a4Report({ title: view.title, subject: view.cover.subtitle, language: view.language }),
    ...(view.watermark ? { watermark: { text: view.watermark, font: FONT_FAMILY, color: C.red, opacity: 0.08, bold: true, fontSize: view.language === 'en' ? 56 : 90 } } : {}),
    ...pageFurniture(view.labels.reportTitle, view.headerText, view.labels.page),
    // a heading followed on its page by no text or chart (only the frame of a table that starts on the next page)
    pageBreakBefore: (node, nodes) => node.headlineLevel === HEADING && !nodes.getFollowingNodesOnPage().some((n) => (n.text !== undefined || n.svg !== undefined) && !furniture(n)),
    content,
  };
}

function cover(view: FormalReportView, qr: string | null): Content[] {
  const c = view.cover;
  const en = view.language === 'en';
  return [
    { text: '', margin: [0, 28, 0, 0] },
    { text: c.title, style: 'coverTitle' },
    ...(c.draftMark ? [{ text: c.draftMark, fontSize: 16, bold: true, color: C.red, alignment: 'center', margin: [0, 4, 0, 0] } as Content] : []),
    { text: c.subtitle, style: 'coverSubtitle', margin: [0, 8, 0, 22] },
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              stack: [
                { text: c.resultLabel, fontSize: 11, color: '#dbe6f3' },
                { text: c.resultText, fontSize: en ? 18 : 26, bold: true, color: '#ffffff', margin: [0, 4, 0, 4] },
                ...c.resultDetail.map((line) => ({ text: line, fontSize: c.resultDetail.length > 1 ? 9.5 : 12, color: '#ffffff' })),
              ],
              alignment: 'center',
              fillColor: C.primary,
              margin: [0, 14, 0, 14],
            },
          ],
        ],
      },
      layout: 'noBorders',
      margin: [40, 0, 40, 18],
    },
    {
      columns: [
        { width: '*', stack: [fields(c.fields, 9.5, [20, 0, 0, 0], 96)] },
        verifyColumn(qr, c, 120, [0, 40, 10, 0]),
      ],
      columnGap: 10,
    },
    { text: c.note, fontSize: 8, color: C.muted, alignment: 'center', margin: [0, 24, 0, 0], pageBreak: 'after' },
  ];
}

function banner(view: FormalReportView): Content {
  const L = view.labels;
  const r = view.result;
  const cell = (label: string, value: string, size: number): TableCell => ({
    stack: [
      { text: label, fontSize: 9, color: '#dbe6f3' },
      { text: value, fontSize: size, bold: true, color: '#ffffff' },
    ],
    fillColor: C.primary,
    margin: [10, 8, 10, 8],
  });
  const en = view.language === 'en';
  const cells = r.type === 'custom' ? [cell(L.capabilityProfile, view.cover.resultText, en ? 13 : 18)] : [cell(L.maturityLevel, r.levelName ?? L.notAvailable, en ? 13 : 20), cell(L.totalScore, r.totalScore ?? L.notAvailable, 20)];
  return {
    table: { widths: cells.length > 1 ? ['*', 110] : ['*'], body: [cells] },
    layout: { hLineWidth: () => 0, vLineWidth: (i) => (i === 1 ? 1 : 0), vLineColor: () => '#ffffff' },
    margin: [0, 0, 0, 8],
  };
}

const scoreColour = (s: string): string => (s === '—' ? C.muted : Number(s) >= 0.8 ? C.green : C.text);
