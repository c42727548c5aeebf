// The 指数报告 (IndexReportView) laid out as an A4 PDF with the other reports' font, styles and blocks: a
// cover with the scope, period, n, date and method note, the contents, then the eight sections of seed
// 002, each with its text, tables, charts and the figures it rests on.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { distributionBars, rankingBars } from './charts.ts';
import type { IndexChart, IndexReportView } from './index-report-view.ts';
import { a4Report, C, chart, fields, pageFurniture, table } from './pdf-blocks.ts';
import { configurePdfmake } from './render-report-pdf.ts';

export async function renderIndexReportPdf(view: IndexReportView): Promise<Buffer> {
  return configurePdfmake().createPdf(indexDocumentDefinition(view)).getBuffer();
}

const svgOf = (c: IndexChart): string => (c.kind === 'distribution' ? distributionBars(c) : rankingBars(c));

/** The pdfmake document for the view (exposed for tests). */
export function indexDocumentDefinition(view: IndexReportView): TDocumentDefinitions {
  const content: Content[] = [
    { text: '', margin: [0, 60, 0, 0] },
    { text: view.cover.title, style: 'coverTitle' },
    { text: view.cover.subtitle, fontSize: 16, bold: true, color: C.primary, alignment: 'center', margin: [0, 10, 0, 40] },
    fields(view.cover.fields, 10.5, [40, 0, 40, 0], 150),
    { text: '方法说明', fontSize: 10, bold: true, color: C.primary, margin: [40, 30, 40, 4] },
    { text: view.cover.method, fontSize: 9, color: C.muted, margin: [40, 0, 40, 0], pageBreak: 'after' },
    { toc: { title: { text: '目录', style: 'tocTitle' }, numberStyle: { color: C.muted } } },
    ...view.sections.flatMap((s, i): Content[] => [
      { text: `${i + 1}\u3000${s.title}`, style: 'h1', tocItem: true, pageBreak: 'before' },
      { text: `数据依据：${s.basis}。`, style: 'note', margin: [0, -4, 0, 8] },
      ...s.paragraphs.map((p): Content => ({ text: p, style: 'body' })),
      ...s.charts.map((c) => chart(svgOf(c), c.title)),
      ...s.tables.map((t) => table(t.headers, t.rows.map((r) => r.map((cell, j) => ({ text: cell, alignment: j === 0 || t.widths[j] === '*' ? ('left' as const) : ('right' as const) }))), t.widths, 9, { keepWithHeader: true })),
    ]),
  ];
  return {
    ...a4Report({ title: view.title, subject: view.cover.subtitle, language: view.language }),
    ...pageFurniture(view.cover.title, view.headerText, (n, of) => `第 ${n} 页 / 共 ${of} 页`),
    content,
  };
}
