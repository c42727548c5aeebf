// 指数报告 on the wire (issue 11 §3): a 全国, 区域 or 行业 report generated on demand as a PDF. Generation is a
// job kept in the database (any server answers its status); its steps are written as they happen.
import { z } from 'zod';

export const INDEX_REPORT_KINDS = ['national', 'region', 'industry'] as const;
export type IndexReportKind = (typeof INDEX_REPORT_KINDS)[number];

export const indexReportRequestSchema = z.object({
  kind: z.enum(INDEX_REPORT_KINDS),
  /** 区域: the region (GB/T 2260, 6 digits); 行业: optionally the region within which (default: the nation, or a region admin's own region). */
  region: z.string().trim().regex(/^\d{6}$/, '地区代码应为 6 位数字（GB/T 2260 行政区划代码）').optional(),
  /** 行业: a GB/T 4754-2017 manufacturing major class (2 digits). */
  industry: z.string().trim().regex(/^\d{2}$/, '行业大类代码应为 2 位数字（GB/T 4754-2017）').optional(),
});
export type IndexReportRequest = z.infer<typeof indexReportRequestSchema>;

export const INDEX_REPORT_STATUSES = ['running', 'done', 'failed'] as const;
export type IndexReportStatus = (typeof INDEX_REPORT_STATUSES)[number];

/** The steps of a generation, in order (the web shows them as progress). */
export const INDEX_REPORT_STEPS = ['figures', 'weakSubdomains', 'text', 'pdf'] as const;
export type IndexReportStep = (typeof INDEX_REPORT_STEPS)[number];

export const indexReportJobSchema = z.object({
  id: z.string(),
  kind: z.enum(INDEX_REPORT_KINDS),
  /** What the report covers, e.g. 全国、江苏省、全国 · 汽车制造业. */
  scope: z.string(),
  region: z.string().nullable(),
  industry: z.string().nullable(),
  status: z.enum(INDEX_REPORT_STATUSES),
  /** Steps finished of `steps`; the step under way (null when done or failed, or while the job waits for a
   *  server to take it over — which starts it again from the first step). */
  done: z.number().int(),
  steps: z.number().int(),
  step: z.enum(INDEX_REPORT_STEPS).nullable(),
  /** Why it failed (an error code: INDEX_REPORT_FAILED, or INDEX_REPORT_ABANDONED after 3 attempts), when it did. */
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The file name of the PDF (without .pdf), once done. */
  fileName: z.string().nullable(),
});
export type IndexReportJob = z.infer<typeof indexReportJobSchema>;
