// @cmmm/report — the self-diagnosis report and the 评估报告 of a formal assessment: a pure view of
// everything each shows, then its PDF.
export {
  buildReportView,
  LISTED_HOLDING,
  LISTED_REQUIREMENTS,
  type AppendixRow,
  type ChartData,
  type EnterpriseInfo,
  type Field,
  type HoldingRow,
  type ImprovementRow,
  type LevelScoreRow,
  type NodeRow,
  type PeerGroupInput,
  type PolicyView,
  type ReportInput,
  type ReportView,
  type RequirementRow,
  type RoadmapView,
} from './report-view.ts';
export {
  buildFormalReportView,
  LISTED_DIFFERENCES,
  type FindingRow,
  type FormalAssessmentFacts,
  type FormalReportInput,
  type FormalReportView,
  type FormalResultFacts,
  type SheetFacts,
} from './formal-report-view.ts';
export { renderReportPdf, documentDefinition, configurePdfmake, FONT_FILES } from './render-report-pdf.ts';
export { renderFormalReportPdf, formalDocumentDefinition } from './formal-report-document.ts';
export { buildCertificateView, CERTIFICATE_LABELS, type CertificateInput, type CertificateLabels, type CertificateView } from './certificate-view.ts';
export { renderCertificatePdf, certificateDocumentDefinition } from './certificate-document.ts';
export { renderPdf, type AnyReportView } from './render-pdf.ts';
export { buildIndexReportView, LEVEL_NAMES, type IndexReportInput, type IndexReportView, type IndexFigures, type IndexSection } from './index-report-view.ts';
export { renderIndexReportPdf, indexDocumentDefinition } from './index-report-document.ts';
export { elementRadar, subdomainBars, levelBars, capabilityBars, distributionBars, rankingBars, FONT_FAMILY } from './charts.ts';
export { LABELS, type ReportLabels, type ReportLanguage } from './labels.ts';
export { FORMAL_LABELS, type FormalReportLabels } from './formal-labels.ts';
export type { PolicyMatch, RoadmapEntry } from '@cmmm/contract/knowledge';
export { createRenderPool, type RenderPool, type RenderPoolOptions } from './render-pool.ts';
