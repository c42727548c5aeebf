// The report view laid out as an A4 PDF with pdfmake (server side), Noto Sans SC embedded (pdfkit
// subsets it to the glyphs used), charts as vector SVG, a QR code to the verification address.
// The document can reach nothing outside itself: no URL is fetched, and the only local files read
// are the two font files.
import { createRequire } from 'node:module';
import type * as PdfMakeModule from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { capabilityBars, elementRadar, FONT_FAMILY, levelBars, subdomainBars } from './charts.ts';
import { a4Report, C, chart, fields, pageFurniture, requirementCell, table, verifyColumn, verifyQr } from './pdf-blocks.ts';
import type { NodeRow, ReportView, RequirementRow } from './report-view.ts';

const require = createRequire(import.meta.url);
type PdfMake = typeof PdfMakeModule;
const pdfmake = require('pdfmake') as PdfMake;

export const FONT_FILES = {
  normal: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
} as const;

const ALLOWED_FILES: ReadonlySet<string> = new Set(Object.values(FONT_FILES));

/** Registers the embedded font and locks down resource access (idempotent; cheap). */
export function configurePdfmake(): PdfMake {
  pdfmake.setFonts({
    [FONT_FAMILY]: { normal: FONT_FILES.normal, bold: FONT_FILES.bold, italics: FONT_FILES.normal, bolditalics: FONT_FILES.bold },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => ALLOWED_FILES.has(path));
  return pdfmake;
}

export async function renderReportPdf(view: ReportView): Promise<Buffer> {
  const doc = await documentDefinition(view);
  return configurePdfmake().createPdf(doc).getBuffer();
}

/** The pdfmake document for the view (exposed for tests and benchmarks). */
export async function documentDefinition(view: ReportView): Promise<TDocumentDefinitions> {
  const L = view.labels;
  const qr = await verifyQr(view.cover.verifyUrl);
  let section = 0;
  const h1 = (text: string, numbered = true, newPage = true): Content => ({
    text: numbered ? `${++section}\u3000${text}` : text,
    style: 'h1',
    tocItem: true,
    ...(newPage ? { pageBreak: 'before' as const } : { margin: [0, 24, 0, 10] as [number, number, number, number] }),
  });
  const h2 = (text: string, toc = false): Content => ({ text, style: 'h2', ...(toc ? { tocItem: true, tocMargin: [14, 0, 0, 0] as [number, number, number, number] } : {}) });
  const para = (text: string, style = 'body'): Content => ({ text, style });

  const content: Content[] = [
    ...cover(view, qr),
    { toc: { title: { text: L.toc, style: 'tocTitle' }, numberStyle: { color: C.muted } } },
    // ---- 1 summary
    h1(L.summary),
    levelBanner(view),
    { text: L.characteristics, style: 'h3' },
    para(view.summary.characteristics),
    h2(L.levelScores),
    table(
      [L.level, L.levelScore, ''],
      view.summary.levelScores.map((r) => [
        { text: r.name },
        { text: r.score, alignment: 'right', bold: r.reached },
        { text: r.status, color: r.reached ? C.green : C.muted },
      ]),
      ['*', 80, 80],
    ),
    para(L.totalScoreNote, 'note'),
    h2(L.charts),
    chart(levelBars(view.charts, 480, 200), view.charts.levels.title),
    chart(elementRadar(view.charts, 480, 300), view.charts.radarTitle),
    h2(L.scope),
    fields(view.summary.scope),
    para(view.summary.disclaimer, 'note'),
    // ---- 2 scores
    h1(L.scores),
    para(L.scoresIntro),
    chart(subdomainBars(view.charts, 480, 430), view.charts.subdomains.title),
    h2(L.elements),
    nodeTable(view, view.scores.elements),
    h2(L.domains),
    nodeTable(view, view.scores.domains),
    h2(L.subdomains),
    nodeTable(view, view.scores.subdomains),
    para(view.scores.weightNote, 'note'),
    ...profileSection(view, h2),
    // ---- 3 strengths and weak points
    h1(L.strengthsAndWeaknesses),
    h2(L.weaknesses),
    para(`${L.weaknessesIntro}${view.weaknesses.note}`, 'note'),
    requirementTable(view, view.weaknesses.rows, C.red),
    h2(L.strengths),
    para(`${L.strengthsIntro}${view.strengths.note}`, 'note'),
    requirementTable(view, view.strengths.rows, C.green),
    // ---- 4 gap
    h1(L.gap),
    ...gapSection(view),
    // ---- 5 roadmap
    h1(L.roadmap),
    ...roadmapSection(view, h2),
    // ---- 6 peers
    h1(L.peers),
    ...peersSection(view),
    // ---- 7 policies
    h1(L.policies, true, false),
    ...policiesSection(view),
    // ---- appendix
    h1(L.appendix, false),
    para(view.appendix.intro, 'note'),
    table(
      [L.id, L.item, L.level, L.grade],
      view.appendix.rows.map((r) => [
        { text: r.requirementId, noWrap: true },
        r.item,
        { text: r.level, alignment: 'center' },
        { text: r.grade, color: gradeColour(r.code) },
      ]),
      [70, '*', 40, 80],
      8,
      { compact: true, keepRows: false },
    ),
  ];

  return {
    ...a4Report({ title: view.title, subject: view.cover.subtitle, language: view.language }),
    ...pageFurniture(view.labels.reportTitle, view.headerText, view.labels.page),
    content,
  };
}

// ---- building blocks

function profileSection(view: ReportView, h2: (text: string, toc?: boolean) => Content): Content[] {
  const p = view.profile;
  if (!p) return [];
  const out: Content[] = [
    h2(p.title, true),
    { text: p.intro, style: 'note' },
    chart(capabilityBars(p.chart, 480), p.chartTitle),
    table(
      p.headers,
      p.rows.map((r) => [{ text: r.name, bold: !r.subdomain, margin: [r.subdomain ? 12 : 0, 0, 0, 0] }, { text: r.level, noWrap: true }, r.scores]),
      [110, 60, '*'],
      8,
      { compact: true, keepRows: false },
    ),
  ];
  if (!p.views.length) return out;
  out.push(h2(p.viewsTitle, true), { text: p.viewsIntro, style: 'note' });
  for (const v of p.views) {
    out.push(
      { text: [`${v.title}\u3000`, { text: v.status, color: v.ready ? C.green : C.muted }], style: 'h3' },
      { text: v.coverage, style: 'note' },
      table(p.viewHeaders, v.rows.map((r) => [r.name, { text: r.level, noWrap: true }, r.reaches, r.missing]), [90, 55, '*', '*'], 8, { compact: true, keepRows: false }),
    );
  }
  return out;
}

function cover(view: ReportView, qr: string | null): Content[] {
  const L = view.labels;
  const c = view.cover;
  return [
    { text: '', margin: [0, 40, 0, 0] },
    { text: c.title, style: 'coverTitle' },
    { text: c.subtitle, style: 'coverSubtitle', margin: [0, 8, 0, 28] },
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              stack: [
                { text: c.levelLabel, fontSize: 11, color: '#dbe6f3' },
                { text: c.levelName, fontSize: view.language === 'en' ? 20 : 30, bold: true, color: '#ffffff', margin: [0, 4, 0, 4] },
                { text: `${L.totalScore}\u3000${view.summary.totalScore}`, fontSize: 12, color: '#ffffff' },
              ],
              alignment: 'center',
              fillColor: C.primary,
              margin: [0, 16, 0, 16],
            },
          ],
        ],
      },
      layout: 'noBorders',
      margin: [40, 0, 40, 24],
    },
    fields(c.enterprise, 11),
    {
      columns: [
        { width: '*', stack: [fields(c.details, 9, [40, 14, 10, 0])] },
        verifyColumn(qr, c, 130, [0, 14, 30, 0]),
      ],
      columnGap: 6,
    },
    { text: view.summary.disclaimer, fontSize: 8, color: C.muted, alignment: 'center', margin: [0, 30, 0, 0], pageBreak: 'after' },
  ];
}

function levelBanner(view: ReportView): Content {
  const L = view.labels;
  const s = view.summary;
  const cell = (label: string, value: string, size: number): TableCell => ({
    stack: [
      { text: label, fontSize: 9, color: '#dbe6f3' },
      { text: value, fontSize: size, bold: true, color: '#ffffff' },
    ],
    fillColor: C.primary,
    margin: [10, 8, 10, 8],
  });
  return {
    table: {
      widths: ['*', 84, 110],
      body: [[cell(L.maturityLevel, s.levelName, view.language === 'en' ? 13 : 20), cell(L.totalScore, s.totalScore, 20), cell(L.displayIndex, s.displayIndex, 18)]],
    },
    layout: { hLineWidth: () => 0, vLineWidth: (i) => (i === 1 || i === 2 ? 1 : 0), vLineColor: () => '#ffffff' },
    margin: [0, 0, 0, 8],
  };
}

function nodeTable(view: ReportView, rows: readonly NodeRow[]): Content {
  const L = view.labels;
  return table(
    [L.id, L.name, L.weight, ...view.scores.levels],
    rows.map((r) => [
      { text: r.id, noWrap: true },
      { text: r.name },
      { text: r.weight, alignment: 'right', color: C.muted },
      ...r.scores.map((s): TableCell => ({ text: s, alignment: 'right', color: s === '—' ? C.muted : Number(s) >= 0.8 ? C.green : C.text })),
    ]),
    [42, '*', 44, ...view.scores.levels.map(() => 40)],
    9,
    { keepRows: false },
  );
}

function requirementTable(view: ReportView, rows: readonly RequirementRow[], colour: string): Content {
  const L = view.labels;
  if (!rows.length) return { text: L.noneFound, style: 'body' };
  return table(
    [L.id, L.level, L.requirement, L.grade],
    rows.map((r) => [
      { text: r.requirementId, noWrap: true },
      { text: r.level, alignment: 'center' },
      requirementCell(r.text, `${r.subdomain} · ${r.item}`),
      { text: r.grade, color: colour },
    ]),
    [62, 32, '*', 62],
  );
}

function gapSection(view: ReportView): Content[] {
  const L = view.labels;
  const g = view.gap;
  if (!g) return [{ text: L.gapNone, style: 'body' }];
  return [
    { text: g.intro, style: 'body' },
    fields(g.facts),
    { text: L.improvements, style: 'h2' },
    { text: g.improvementsIntro, style: 'note' },
    table(
      [L.id, L.requirement, L.change, L.gain],
      g.improvements.map((i) => [
        { text: i.requirementId, noWrap: true },
        requirementCell(i.text, i.subdomain),
        { text: i.change, fontSize: 8 },
        { text: i.gain, alignment: 'right', color: C.green },
      ]),
      [62, '*', 92, 48],
    ),
    { text: L.holding, style: 'h2' },
    { text: g.holdingIntro, style: 'note' },
    table(
      [L.id, L.requirement, L.grade, L.effect],
      g.holding.map((h) => [
        { text: h.requirementId, noWrap: true },
        requirementCell(h.text, h.subdomain),
        { text: h.grade, color: C.orange },
        { text: h.effect, alignment: 'right' },
      ]),
      [62, '*', 58, 62],
    ),
  ];
}

function roadmapSection(view: ReportView, h2: (text: string, toc?: boolean) => Content): Content[] {
  const L = view.labels;
  if (!view.roadmap.length) return [{ text: L.roadmapNone, style: 'body' }];
  const out: Content[] = [{ text: L.roadmapIntro, style: 'note' }];
  view.roadmap.forEach((r, i) => {
    out.push(h2(`${i + 1}. ${r.name}`, true));
    out.push({ text: L.reason, style: 'h3' }, { text: r.reason, style: 'body', fontSize: 9 });
    out.push({ text: L.subdomainsAddressed, style: 'h3' }, { ul: [...r.subdomains], fontSize: 9, margin: [0, 0, 0, 4] });
    if (r.path.length) out.push({ text: L.path, style: 'h3' }, { ol: [...r.path], fontSize: 9.5, margin: [0, 0, 0, 4] });
    if (r.targets.length) {
      out.push(
        { text: L.targets, style: 'h3' },
        { ul: r.targets.map((t) => t.text), fontSize: 9, margin: [0, 0, 0, 4] },
      );
    }
    if (r.case) {
      out.push({ text: `${L.caseStudy}${view.language === 'en' ? ': ' : '：'}${r.case.enterprise}`, style: 'h3' }, { text: r.case.summary, style: 'body', fontSize: 9 });
      if (r.case.kpis.length) {
        out.push(table([L.kpi, L.before, L.after, L.changeKpi], r.case.kpis.map((k) => [k.name, k.before, k.after, k.change]), ['*', 70, 70, 70], 8.5));
      }
    }
  });
  out.push({ text: L.method, style: 'h3' }, { text: L.roadmapMethod, style: 'note' });
  return out;
}

function peersSection(view: ReportView): Content[] {
  const L = view.labels;
  const out: Content[] = [{ text: L.peersIntro, style: 'note' }];
  if (view.peers.rows.length) {
    out.push(
      table(
        [L.peerGroup, L.peerCount, L.percentile, ''],
        view.peers.rows.map((r) => [r.label, { text: r.peers, alignment: 'right' }, { text: r.percentile, alignment: 'right', bold: true }, r.text]),
        ['*', 60, 50, 130],
      ),
    );
  }
  if (view.peers.note) out.push({ text: view.peers.note, style: 'body' });
  return out;
}

function policiesSection(view: ReportView): Content[] {
  const L = view.labels;
  const { matched, related } = view.policies;
  const out: Content[] = [];
  if (!matched.length) out.push({ text: L.policiesNone, style: 'body' });
  else {
    out.push(
      { text: L.policiesIntro, style: 'note' },
      table(
        [`${L.region}`, L.policyDocument, L.policyReward, L.policyApplies],
        matched.map((p) => [
          requirementCell(p.region, p.scope),
          { text: p.document, bold: true },
          requirementCell(p.reward, `${L.policyLevels}：${p.levels}`),
          p.appliesTo,
        ]),
        [62, 130, '*', 52],
      ),
    );
  }
  if (related.length) {
    out.push(
      { text: L.relatedPolicies, style: 'h2' },
      { text: L.relatedPoliciesIntro, style: 'note' },
      table(
        [`${L.region}`, L.policyDocument, L.policyReward],
        related.map((p) => [requirementCell(p.region, p.scope), { text: p.document, bold: true }, p.reward ? p.reward : { text: L.policyNoLevel, color: C.muted }]),
        [62, 150, '*'],
      ),
    );
  }
  return out;
}

function gradeColour(code: string): string {
  return code === 'FI' ? C.green : code === 'LI' ? C.primary : code === 'PI' ? C.orange : code === 'NI' ? C.red : C.muted;
}
