// The API of 评估机构、评估人员、标准培训、证书 and 信息查询 (/tmp/conformity-api.md). Types come from
// @cmmm/contract/assessors as types only: that module builds zod schemas when loaded, the bundle must not.
import type {
  addQualificationSchema,
  AssessmentBody,
  Assessor,
  Certificate,
  CourseType,
  createAssessmentBodySchema,
  createAssessorSchema,
  createTrainingCourseSchema,
  directoryAssessorSchema,
  directoryBodySchema,
  QualificationGrade,
  recordCertificateSchema,
  recordTrainingResultSchema,
  TrainingCourse,
  trainingParticipantSchema,
  updateAssessmentBodySchema,
  updateAssessorSchema,
} from '@cmmm/contract/assessors';
import type { Qualification } from '@cmmm/contract/assessors';
import type { z } from 'zod';
import { request, type EnterpriseView } from '../../api.ts';

export type { AssessmentBody, Assessor, Certificate, CourseType, Qualification, QualificationGrade, TrainingCourse };
export type DirectoryAssessor = z.infer<typeof directoryAssessorSchema>;
export type DirectoryBody = z.infer<typeof directoryBodySchema>;
export type DirectoryGrade = Exclude<QualificationGrade, 'intro'>;
export type TrainingParticipant = z.infer<typeof trainingParticipantSchema>;
export type CreateAssessmentBody = z.input<typeof createAssessmentBodySchema>;
export type UpdateAssessmentBody = z.input<typeof updateAssessmentBodySchema>;
export type CreateAssessor = z.input<typeof createAssessorSchema>;
export type UpdateAssessor = z.input<typeof updateAssessorSchema>;
export type AddQualification = z.input<typeof addQualificationSchema>;
export type CreateTrainingCourse = z.input<typeof createTrainingCourseSchema>;
export type RecordTrainingResult = z.input<typeof recordTrainingResultSchema>;
export type RecordCertificate = z.input<typeof recordCertificateSchema>;

/** A page of a paged list (contract `pageOf`). */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface AssessorFilter extends PageQuery {
  q?: string;
  grade?: QualificationGrade;
  bodyId?: string;
  enterpriseId?: string;
  pending?: boolean;
}

const queryOf = (params: Record<string, string | number | boolean | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};
const id = encodeURIComponent;
const get = <T,>(path: string) => request<T>('GET', path);
const send = <T,>(method: 'POST' | 'PATCH' | 'PUT', path: string, body: unknown) => request<T>(method, path, body);

export const assessorsApi = {
  // 信息查询 (public)
  directoryAssessors: (filter: PageQuery & { q?: string; grade?: DirectoryGrade }) => get<Paged<DirectoryAssessor>>(`/api/directory/assessors${queryOf({ ...filter })}`),
  directoryBodies: (filter: PageQuery & { q?: string }) => get<Paged<DirectoryBody>>(`/api/directory/bodies${queryOf({ ...filter })}`),

  // 评估机构
  bodies: (filter: PageQuery & { q?: string }) => get<Paged<AssessmentBody>>(`/api/assessment-bodies${queryOf({ ...filter })}`),
  registerBody: (body: CreateAssessmentBody) => send<AssessmentBody>('POST', '/api/assessment-bodies', body),
  updateBody: (bodyId: string, body: UpdateAssessmentBody) => send<AssessmentBody>('PATCH', `/api/assessment-bodies/${id(bodyId)}`, body),

  // 评估人员与资质
  assessors: (filter: AssessorFilter) => get<Paged<Assessor>>(`/api/assessors${queryOf({ ...filter, pending: filter.pending ? 'true' : undefined })}`),
  registerAssessor: (body: CreateAssessor) => send<{ assessor: Assessor; oneTimePassword: string | null }>('POST', '/api/assessors', body),
  ownAssessor: () => get<Assessor>('/api/assessors/me'),
  assessor: (assessorId: string) => get<Assessor>(`/api/assessors/${id(assessorId)}`),
  updateAssessor: (assessorId: string, body: UpdateAssessor) => send<Assessor>('PATCH', `/api/assessors/${id(assessorId)}`, body),
  addQualification: (assessorId: string, body: AddQualification) => send<Qualification>('POST', `/api/assessors/${id(assessorId)}/qualifications`, body),
  decideQualification: (qualificationId: string, body: { approve: boolean; reason?: string }) => send<Qualification>('POST', `/api/qualifications/${id(qualificationId)}/decision`, body),

  // 标准培训
  trainings: (filter: PageQuery) => get<Paged<TrainingCourse>>(`/api/trainings${queryOf({ ...filter })}`),
  createTraining: (body: CreateTrainingCourse) => send<TrainingCourse>('POST', '/api/trainings', body),
  training: (courseId: string) => get<TrainingCourse>(`/api/trainings/${id(courseId)}`),
  enrolParticipant: (courseId: string, assessorId: string) => send<TrainingCourse>('POST', `/api/trainings/${id(courseId)}/participants`, { assessorId }),
  recordTrainingResult: (courseId: string, assessorId: string, body: RecordTrainingResult) =>
    send<TrainingCourse>('PUT', `/api/trainings/${id(courseId)}/participants/${id(assessorId)}`, body),

  // 证书
  enterpriseCertificates: (enterpriseId: string) => get<{ items: Certificate[] }>(`/api/enterprises/${id(enterpriseId)}/certificates`).then((r) => r.items),
  recordCertificate: (body: RecordCertificate) => send<Certificate>('POST', '/api/certificates', body),
  /** Enterprises matching a name or credit code (platform admin). */
  enterprises: (q: string) => get<{ enterprises: EnterpriseView[]; total: number }>(`/api/enterprises${queryOf({ q: q || undefined, pageSize: 50 })}`).then((r) => r.enterprises),
};
