// The 智能制造能力成熟度等级证书 (CertificateView) laid out as one landscape A4 page with the reports'
// font and colours: a double frame, the title in both languages, the enterprise, the level (or, for a
// 自定义评估, each domain's capability level), the facts, and the QR code to /verify/<number>.
import type { Content, ContentCanvas, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { CertificateView } from './certificate-view.ts';
import { FONT_FAMILY } from './charts.ts';
import { C, fields, verifyColumn, verifyQr } from './pdf-blocks.ts';
import { configurePdfmake } from './render-report-pdf.ts';

/** A4 landscape. */
const WIDTH = 841.89;
const HEIGHT = 595.28;
const MARGINS: [number, number, number, number] = [70, 58, 70, 44];
/** The mark of a certificate no longer valid. */
const STATUS_RED = '#cf1322';
/** Capability tables side by side above this many domains. */
const ROWS_PER_TABLE = 6;

export async function renderCertificatePdf(view: CertificateView): Promise<Buffer> {
  const doc = await certificateDocumentDefinition(view);
  return configurePdfmake().createPdf(doc).getBuffer();
}

/** The pdfmake document for the view (exposed for tests). */
export async function certificateDocumentDefinition(view: CertificateView): Promise<TDocumentDefinitions> {
  const L = view.labels;
  const en = view.language === 'en';
  const qr = await verifyQr(view.verifyUrl);
  const half = Math.ceil(view.fields.length / 2);

  const content: Content[] = [
    { text: L.title, fontSize: en ? 22 : 28, bold: true, color: C.primaryDark, alignment: 'center', characterSpacing: en ? 0 : 4, margin: [0, 12, 0, 0] },
    { text: L.otherTitle, fontSize: en ? 12 : 11, color: C.muted, alignment: 'center', margin: [0, 2, 0, 12] },
    ...(view.statusMark ? [{ text: view.statusMark.line, fontSize: 12, bold: true, color: STATUS_RED, alignment: 'center', margin: [0, -6, 0, 6] } satisfies Content] : []),
    { text: L.statement, fontSize: 10, alignment: 'center', margin: [30, 0, 30, 8] },
    { text: view.enterprise, fontSize: 20, bold: true, alignment: 'center' },
    { text: `${L.creditCode}：${view.creditCode}`, fontSize: 9.5, color: C.muted, alignment: 'center', margin: [0, 2, 0, 10] },
    result(view),
    {
      columns: [
        { width: '*', stack: [fields(view.fields.slice(0, half), 9.5, [0, 0, 0, 0], en ? 96 : 64)] },
        { width: '*', stack: [fields(view.fields.slice(half), 9.5, [0, 0, 0, 0], en ? 96 : 64)] },
        verifyColumn(qr, { verifyText: L.verify, verifyUrl: view.verifyUrl }, 120, [0, 0, 0, 0]),
      ],
      columnGap: 18,
      margin: [0, 12, 0, 0],
    },
    { text: L.verifyNote, fontSize: 8, color: C.muted, alignment: 'center', margin: [0, 10, 0, 0] },
  ];

  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: MARGINS,
    info: { title: `${L.title} ${view.certificateNumber}`, subject: view.enterprise, creator: 'CMMM', producer: 'CMMM' },
    language: view.language,
    defaultStyle: { font: FONT_FAMILY, fontSize: 10, lineHeight: 1.25, color: C.text },
    background: () => frame(),
    ...(view.statusMark ? { watermark: { text: view.statusMark.word, color: STATUS_RED, opacity: 0.18, bold: true } } : {}),
    content,
  };
}

/** The level in a blue band, or the domains with their capability levels. */
function result(view: CertificateView): Content {
  const L = view.labels;
  if (view.levelText !== null) {
    return {
      table: {
        widths: ['*'],
        body: [
          [
            {
              stack: [
                { text: L.level, fontSize: 10, color: '#dbe6f3' },
                { text: view.levelText, fontSize: view.language === 'en' ? 18 : 24, bold: true, color: '#ffffff', margin: [0, 2, 0, 0] },
              ],
              alignment: 'center',
              fillColor: C.primary,
              margin: [0, 8, 0, 8],
            },
          ],
        ],
      },
      layout: 'noBorders',
      margin: [150, 0, 150, 0],
    };
  }
  const rows = view.capability;
  const groups: (typeof rows)[] = [];
  const per = rows.length > ROWS_PER_TABLE ? Math.ceil(rows.length / Math.min(3, Math.ceil(rows.length / ROWS_PER_TABLE))) : ROWS_PER_TABLE;
  for (let i = 0; i < rows.length; i += per) groups.push(rows.slice(i, i + per));
  const compact = rows.length > 2 * ROWS_PER_TABLE;
  const tableOf = (group: typeof rows): Content => ({
    table: {
      headerRows: 1,
      widths: ['*', 'auto'],
      body: [
        [
          { text: L.domain, bold: true, color: '#ffffff' },
          { text: L.capabilityLevel, bold: true, color: '#ffffff' },
        ],
        ...group.map((d): TableCell[] => [{ text: d.domain }, { text: d.level, bold: true, color: C.primaryDark }]),
      ],
    },
    layout: {
      fillColor: (i) => (i === 0 ? C.primary : i % 2 === 0 ? C.zebra : null),
      hLineWidth: (i, node) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: (i) => (i <= 1 ? C.primary : C.line),
      paddingTop: () => (compact ? 1 : 2.5),
      paddingBottom: () => (compact ? 1 : 2.5),
    },
    fontSize: compact ? 8 : 9,
  });
  return {
    stack: [
      { text: L.capability, fontSize: 10, bold: true, color: C.primary, alignment: 'center', margin: [0, 0, 0, 4] },
      groups.length === 1 ? { columns: [{ width: '*', text: '' }, { width: 360, stack: [tableOf(groups[0]!)] }, { width: '*', text: '' }] } : { columns: groups.map((g) => ({ width: '*', stack: [tableOf(g)] })), columnGap: 12 },
    ],
  };
}

/** A thick outer and a thin inner border around the page. */
function frame(): ContentCanvas {
  return {
    canvas: [
      { type: 'rect', x: 20, y: 20, w: WIDTH - 40, h: HEIGHT - 40, lineWidth: 3, lineColor: C.primaryDark },
      { type: 'rect', x: 27, y: 27, w: WIDTH - 54, h: HEIGHT - 54, lineWidth: 0.8, lineColor: C.primary },
    ],
  };
}
