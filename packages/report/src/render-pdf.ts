// Any document to its PDF: the self-diagnosis report (ReportView), the 评估报告 (FormalReportView) or
// the certificate (CertificateView) or the 指数报告 (IndexReportView).
import { renderCertificatePdf } from './certificate-document.ts';
import type { CertificateView } from './certificate-view.ts';
import { renderFormalReportPdf } from './formal-report-document.ts';
import { renderIndexReportPdf } from './index-report-document.ts';
import type { IndexReportView } from './index-report-view.ts';
import type { FormalReportView } from './formal-report-view.ts';
import { renderReportPdf } from './render-report-pdf.ts';
import type { ReportView } from './report-view.ts';

/** Every view the render pool and the in-thread renderer take, told apart by `kind`. */
export type AnyReportView = ReportView | FormalReportView | CertificateView | IndexReportView;

export function renderPdf(view: AnyReportView): Promise<Buffer> {
  if (view.kind === 'certificate') return renderCertificatePdf(view);
  if (view.kind === 'index') return renderIndexReportPdf(view);
  return view.kind === 'formal' ? renderFormalReportPdf(view) : renderReportPdf(view);
}
