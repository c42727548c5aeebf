// The calls of 正式评估 (the API's section of that name): the first meeting, the working sheet, the
// ratings and the consensus, domain summaries, the roll-up and its result, evidence and its files.
// Wire types are the contract's, imported as types only: that module builds zod schemas when loaded.
import type {
  AddEvidence,
  domainSummaryInputSchema,
  Evidence,
  EvidenceFile,
  EvidenceMethod,
  Finding,
  FindingKind,
  FindingResponse,
  FirstMeetingInput,
  FormalResult,
  FormalResultView,
  RatedGradeCode,
  saveConsensusSchema,
  saveRatingSchema,
  SheetRow,
  WorkingSheet,
} from '@cmmm/contract/formal-rating';
import type { FormalAssessment, FormalStage } from '@cmmm/contract/formal-assessment';
import type { ErrorBody } from '@cmmm/contract/errors';
import type { z } from 'zod';
import { ApiError, csrfToken, NetworkError, request } from '../../api.ts';

export type { AddEvidence, Evidence, EvidenceFile, EvidenceMethod, Finding, FindingKind, FindingResponse, FirstMeetingInput, FormalAssessment, FormalResult, FormalResultView, FormalStage, RatedGradeCode, SheetRow, WorkingSheet };
export type SaveRating = z.infer<typeof saveRatingSchema>;
export type SaveConsensus = z.infer<typeof saveConsensusSchema>;
export type DomainSummaryInput = z.infer<typeof domainSummaryInputSchema>;
export type SavedGrade = { requirementId: string; grade: RatedGradeCode };

/** The server refuses evidence files above this size (FILE_TOO_LARGE); checked here first to spare the upload. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const base = (id: string) => `/api/formal-assessments/${encodeURIComponent(id)}`;
const requirement = (id: string, what: 'ratings' | 'consensus', requirementId: string) => `${base(id)}/${what}/${encodeURIComponent(requirementId)}`;

export const ratingApi = {
  read: (id: string) => request<FormalAssessment>('GET', base(id)),
  recordFirstMeeting: (id: string, meeting: FirstMeetingInput) => request<FormalAssessment>('PUT', `${base(id)}/first-meeting`, meeting),
  sheet: (id: string) => request<WorkingSheet>('GET', `${base(id)}/working-sheet`),
  saveRating: (id: string, requirementId: string, rating: SaveRating) => request<SavedGrade>('PUT', requirement(id, 'ratings', requirementId), rating),
  submitRatings: (id: string) => request<{ submitted: boolean }>('POST', `${base(id)}/ratings/submission`, {}),
  saveConsensus: (id: string, requirementId: string, consensus: SaveConsensus) => request<SavedGrade>('PUT', requirement(id, 'consensus', requirementId), consensus),
  saveDomainSummary: (id: string, domainId: string, summary: DomainSummaryInput) =>
    request<{ domainId: string }>('PUT', `${base(id)}/domain-summaries/${encodeURIComponent(domainId)}`, summary),
  rollUp: (id: string) => request<FormalAssessment>('POST', `${base(id)}/roll-up`, {}),
  reopenRating: (id: string) => request<FormalAssessment>('POST', `${base(id)}/rating-reopening`, {}),
  /** The result with the enterprise's responses and the closing meeting (the team from 等级判定, others once shared). */
  result: (id: string) => request<FormalResultView>('GET', `${base(id)}/result`),
  evidence: (id: string, requirementId: string) => request<Evidence[]>('GET', `${base(id)}/evidence?${new URLSearchParams({ requirementId })}`),
  addEvidence: (id: string, evidence: AddEvidence) => request<Evidence>('POST', `${base(id)}/evidence`, evidence),
  /** A plain link (same-origin, the session cookie goes along) with the download attribute. */
  deleteFile: (id: string, fileId: string) => request<Evidence>('DELETE', `${base(id)}/files/${encodeURIComponent(fileId)}`),
  fileUrl: (id: string, fileId: string) => `${base(id)}/files/${encodeURIComponent(fileId)}`,
};

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error: unknown = body.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string';
}

export interface Upload {
  promise: Promise<Evidence>;
  abort: () => void;
}

/**
 * POSTs the file itself (not JSON, not multipart) to the evidence's files; the server sniffs the type.
 * XMLHttpRequest rather than fetch: it reports the upload's progress, which matters at 20 MB.
 */
export function uploadEvidenceFile(id: string, evidenceId: string, file: Blob & { name: string }, onProgress?: (percent: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<Evidence>((resolve, reject) => {
    xhr.open('POST', `${base(id)}/evidence/${encodeURIComponent(evidenceId)}/files?${new URLSearchParams({ name: file.name })}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    const token = csrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let parsed: unknown = undefined;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        parsed = undefined; // a proxy's HTML error page
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as Evidence);
      else if (isErrorBody(parsed)) reject(new ApiError(xhr.status, parsed.error.code, parsed.error.message, parsed.error.issues ?? []));
      // A proxy in front may refuse a large body before the server sees it.
      else if (xhr.status === 413) reject(new ApiError(413, 'FILE_TOO_LARGE', ''));
      else reject(new ApiError(xhr.status, xhr.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', xhr.statusText));
    };
    xhr.onerror = () => reject(new NetworkError(new Error('upload failed')));
    xhr.onabort = () => reject(new ApiError(0, 'UPLOAD_INTERRUPTED', ''));
    xhr.send(file);
  });
  return { promise, abort: () => xhr.abort() };
}
