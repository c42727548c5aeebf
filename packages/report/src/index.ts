// @cmmm/report — the self-diagnosis report: a pure view of everything it shows, then its PDF.
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
export { renderReportPdf, documentDefinition, configurePdfmake, FONT_FILES } from './render-report-pdf.ts';
export { elementRadar, subdomainBars, levelBars, FONT_FAMILY } from './charts.ts';
export { LABELS, type ReportLabels, type ReportLanguage } from './labels.ts';
export type { PolicyMatch, RoadmapEntry } from '@cmmm/contract/knowledge';
export { createRenderPool, type RenderPool, type RenderPoolOptions } from './render-pool.ts';
