// The calls after 等级判定 (the API's sections 正式评估 and 合规性审查与证书): sharing the result, the
// enterprise's 再次论证 and the lead's decisions, 末次会议, the compliance review, the objections to the
// public notice, the certificate, and the certificates an enterprise holds.
// Wire types are the contract's, imported as types only: those modules build zod schemas when loaded.
import type { Certificate } from '@cmmm/contract/assessors';
import type { objectionSchema, Review } from '@cmmm/contract/certification';
import type { findingResponseInputSchema, lastMeetingSchema } from '@cmmm/contract/formal-rating';
import type { z } from 'zod';
import { request } from '../../api.ts';
import type { FormalAssessment, RatedGradeCode } from './rating-api.ts';

export type { Certificate, Review };
export type Objection = z.infer<typeof objectionSchema>;
export type ReviewCheck = Review['checks'][number];
export type ReviewRecord = Review['reviews'][number];
export type ResponseInput = z.infer<typeof findingResponseInputSchema>;
export type LastMeetingInput = z.infer<typeof lastMeetingSchema>;
/** The contract's responseDecisionSchema (a refined schema: its input type is spelled out here). */
export interface ResponseDecision {
  accept: boolean;
  reason: string;
  /** Required when accepting: the consensus changes to it. */
  grade?: RatedGradeCode;
}
export interface ReviewDecision {
  approve: boolean;
  /** Required to return the result to the team. */
  reasons?: string;
}
export interface ObjectionResolution {
  uphold: boolean;
  resolution: string;
}

const base = (id: string) => `/api/formal-assessments/${encodeURIComponent(id)}`;
const response = (id: string, requirementId: string) => `${base(id)}/responses/${encodeURIComponent(requirementId)}`;

export const certificationApi = {
  shareResult: (id: string) => request<FormalAssessment>('POST', `${base(id)}/result-sharing`, {}),
  respond: (id: string, requirementId: string, input: ResponseInput) => request<{ requirementId: string }>('PUT', response(id, requirementId), input),
  decideResponse: (id: string, requirementId: string, decision: ResponseDecision) =>
    request<{ requirementId: string; grade: RatedGradeCode }>('POST', `${response(id, requirementId)}/decision`, decision),
  finalise: (id: string, meeting: LastMeetingInput) => request<FormalAssessment>('POST', `${base(id)}/finalisation`, meeting),

  submitForReview: (id: string) => request<FormalAssessment>('POST', `${base(id)}/review-request`, {}),
  review: (id: string) => request<Review>('GET', `${base(id)}/review`),
  decideReview: (id: string, decision: ReviewDecision) => request<FormalAssessment>('POST', `${base(id)}/review/decision`, decision),

  objections: (id: string) => request<Objection[]>('GET', `${base(id)}/objections`),
  resolveObjection: (id: string, objectionId: string, resolution: ObjectionResolution) =>
    request<FormalAssessment>('POST', `${base(id)}/objections/${encodeURIComponent(objectionId)}/resolution`, resolution),
  issueCertificate: (id: string) => request<FormalAssessment>('POST', `${base(id)}/certificate`, {}),
  /** The certificate this assessment led to (null before it is issued): whoever may read the assessment. */
  assessmentCertificate: (id: string) => request<{ certificate: Certificate | null }>('GET', `${base(id)}/certificate`).then((r) => r.certificate),

  /** Whoever may see the enterprise (its users, the platform admin, the region's admin); 404 for others. */
  enterpriseCertificates: (enterpriseId: string) => request<{ items: Certificate[] }>('GET', `/api/enterprises/${encodeURIComponent(enterpriseId)}/certificates`).then((r) => r.items),
};
