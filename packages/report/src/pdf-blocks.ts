// The building blocks both reports are laid out with (render-report-pdf.ts: 自诊断报告;
// formal-report-document.ts: 评估报告): colours, page margins, text styles, the running header and
// footer, label/value lists, charts and tables with a repeated blue header row.
import type { Column, Content, ContentTable, DynamicContent, StyleDictionary, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT_FAMILY } from './charts.ts';
import QRCode from 'qrcode';
import type { Field } from './report-view.ts';

export const C = {
  primary: '#1f5fa8',
  primaryDark: '#17487f',
  light: '#eef3f9',
  zebra: '#f5f7fa',
  line: '#d5dbe1',
  muted: '#6b7785',
  text: '#222222',
  green: '#2e7d4f',
  orange: '#b86e00',
  red: '#b03a2e',
};

export const PAGE_MARGINS: [number, number, number, number] = [50, 56, 50, 50];
/** A4 width minus the margins. */
export const CONTENT_WIDTH = 595.28 - 100;

export const STYLES: StyleDictionary = {
  coverTitle: { fontSize: 24, bold: true, color: C.primaryDark, alignment: 'center', lineHeight: 1.2 },
  coverSubtitle: { fontSize: 11, color: C.muted, alignment: 'center' },
  tocTitle: { fontSize: 18, bold: true, color: C.primaryDark, margin: [0, 0, 0, 16] },
  h1: { fontSize: 17, bold: true, color: C.primaryDark, margin: [0, 0, 0, 10] },
  h2: { fontSize: 12.5, bold: true, color: C.primary, margin: [0, 14, 0, 6] },
  h3: { fontSize: 10.5, bold: true, color: C.text, margin: [0, 8, 0, 3] },
  body: { fontSize: 10, margin: [0, 0, 0, 6] },
  note: { fontSize: 8.5, color: C.muted, margin: [0, 4, 0, 6] },
  th: { bold: true, color: '#ffffff', fontSize: 9 },
  label: { color: C.muted },
};

/** What every A4 report shares: page, margins, metadata, the embedded font, the styles. */
export const a4Report = (meta: { title: string; subject: string; language: string }): Omit<TDocumentDefinitions, 'content'> => ({
  pageSize: 'A4',
  pageMargins: PAGE_MARGINS,
  info: { title: meta.title, subject: meta.subject, creator: 'CMMM', producer: 'CMMM' },
  language: meta.language,
  defaultStyle: { font: FONT_FAMILY, fontSize: 10, lineHeight: 1.3, color: C.text },
  styles: STYLES,
});

/** The running header (report title left, `headerText` right) and the page numbers, from page 2 on. */
export function pageFurniture(title: string, headerText: string, page: (n: number, of: number) => string): { header: DynamicContent; footer: DynamicContent } {
  return {
    header: (currentPage) =>
      currentPage === 1
        ? null
        : {
            columns: [
              { text: title, alignment: 'left' },
              { text: headerText, alignment: 'right' },
            ],
            fontSize: 7.5,
            color: C.muted,
            margin: [PAGE_MARGINS[0], 24, PAGE_MARGINS[2], 0],
          },
    footer: (currentPage, pageCount) => (currentPage === 1 ? null : { text: page(currentPage, pageCount), alignment: 'center', fontSize: 8, color: C.muted, margin: [0, 16, 0, 0] }),
  };
}

/** Label / value rows separated by thin lines. */
export function fields(rows: readonly Field[], fontSize = 10, margin: [number, number, number, number] = [40, 0, 40, 0], labelWidth = 110): Content {
  return {
    table: {
      widths: [labelWidth, '*'],
      body: rows.map((f) => [
        { text: f.label, color: C.muted, fontSize },
        { text: f.value, fontSize, bold: f.value !== '' },
      ]),
    },
    layout: {
      hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
      vLineWidth: () => 0,
      hLineColor: () => C.line,
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
    margin,
  };
}

/** The verification QR code of a cover, as SVG (none without an address). */
export const verifyQr = async (url: string | null | undefined): Promise<string | null> =>
  url ? QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' }) : null;

/** The cover's verification column: the QR code, its caption and the address (or the caption alone, with no QR). */
export function verifyColumn(qr: string | null, c: { verifyText: string; verifyUrl: string | null }, width: number, margin: [number, number, number, number]): Column {
  if (!qr) return { width, text: c.verifyText, fontSize: 8, color: C.muted, alignment: 'center', margin: [margin[0], margin[1] + 16, margin[2], margin[3]] };
  return {
    width,
    stack: [
      { svg: qr, width: 84, alignment: 'center' },
      { text: c.verifyText, fontSize: 8, color: C.muted, alignment: 'center', margin: [0, 4, 0, 0] },
      { text: c.verifyUrl ?? '', fontSize: 6.5, color: C.muted, alignment: 'center', link: c.verifyUrl ?? undefined },
    ],
    margin,
  };
}

export function chart(svg: string, title: string): Content {
  return {
    stack: [
      { text: title, fontSize: 9.5, bold: true, color: C.muted, alignment: 'center', margin: [0, 6, 0, 2] },
      { svg, width: Math.min(CONTENT_WIDTH, 480), alignment: 'center' },
    ],
    unbreakable: true,
    margin: [0, 0, 0, 8],
  };
}

/** A table with a repeated blue header row and zebra rows. */
export function table(
  headers: readonly string[],
  rows: TableCell[][],
  widths: ContentTable['table']['widths'],
  fontSize = 9,
  { compact = false, keepRows = true, keepWithHeader = false }: { compact?: boolean; keepRows?: boolean; keepWithHeader?: boolean } = {},
): Content {
  const pad = compact ? 1.5 : 3;
  return {
    table: {
      headerRows: 1,
      // keeping rows whole costs a trial layout per row: only for rows of several lines
      dontBreakRows: keepRows,
      // the header row never alone at the foot of a page
      ...(keepWithHeader ? { keepWithHeaderRows: 1 } : {}),
      widths,
      body: [headers.map((h) => ({ text: h, style: 'th' })), ...rows],
    },
    layout: {
      fillColor: (rowIndex) => (rowIndex === 0 ? C.primary : rowIndex % 2 === 0 ? C.zebra : null),
      hLineWidth: (i, node) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: (i) => (i <= 1 ? C.primary : C.line),
      paddingLeft: () => 5,
      paddingRight: () => 5,
      paddingTop: () => pad,
      paddingBottom: () => pad,
    },
    fontSize,
    lineHeight: compact ? 1.1 : 1.2,
    margin: [0, 2, 0, 8],
  };
}

/** A text with a smaller grey line under it. */
export function requirementCell(text: string, sub: string): TableCell {
  return { stack: [{ text }, { text: sub, fontSize: 7.5, color: C.muted }] };
}
