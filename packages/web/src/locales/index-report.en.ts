// UI text: index reports (issue 11 §3). Same keys as index-report.zh-CN.ts.
import type { indexReportZhCN } from './index-report.zh-CN.ts';

export const indexReportEn: Record<keyof typeof indexReportZhCN, string> = {
  'ir.title': 'Index reports',
  'ir.intro': 'Generate a national, regional or industry intelligent-manufacturing index report (PDF, in Chinese) on demand: level distribution, current state, regional standing, key industries, key indicators, weak points, directions and advice. The text is written from the data by rules; figures resting on fewer than {k} enterprises are not published.',
  'ir.regionHint': 'For a regional report, open a region in the dashboard first.',
  'ir.kind': 'Report type',
  'ir.kind.national': 'National',
  'ir.kind.region': 'Region: {region}',
  'ir.kind.industry': 'Industry',
  'ir.industry': 'Industry major class',
  'ir.industry.placeholder': 'Choose a major class (GB/T 4754)',
  'ir.generate': 'Generate report',
  'ir.scope': 'Scope: {scope}',
  'ir.progress': 'Progress',
  'ir.step.figures': 'Reading the level distribution, industry and region indexes…',
  'ir.step.weakSubdomains': 'Counting the weak points…',
  'ir.step.text': 'Writing the text by rules…',
  'ir.step.pdf': 'Laying out the PDF…',
  'ir.download': 'Download PDF',
};
