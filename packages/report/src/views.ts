// @cmmm/report/views — what a server needs at start: the pure report views, their labels and the worker pool
// that renders PDFs. pdfmake, echarts and the fonts (≈ 1.5 s to load) stay in the render workers.
export { buildReportView } from './report-view.ts';
export { buildFormalReportView } from './formal-report-view.ts';
export { buildCertificateView } from './certificate-view.ts';
export { buildIndexReportView, type IndexFigures, type IndexReportInput, type IndexReportView } from './index-report-view.ts';
export type { AnyReportView } from './render-pdf.ts';
export type { ReportLanguage } from './labels.ts';
export { createRenderPool, type RenderPool, type RenderPoolOptions } from './render-pool.ts';
