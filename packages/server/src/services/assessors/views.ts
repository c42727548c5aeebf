// Rows → the views of @cmmm/contract/assessors. "Today" is the China Standard Time date the caller passes.
import type { AssessmentBody, Assessor, Certificate, Qualification, QualificationGrade, TrainingCourse } from '@cmmm/contract';
import type { AssessmentBodyRow, CertificateRow, QualificationRow, TrainingCourseRow } from '@cmmm/db';
import { regionPath } from '@cmmm/reference';
import type { AssessorWithNames } from '../../repositories/assessors.ts';
import { qualificationFacts, validThrough } from './qualification-rules.ts';

export function qualificationView(row: QualificationRow, today: string): Qualification {
  return {
    id: row.id,
    assessorId: row.assessor_id,
    grade: row.grade,
    certificateNumber: row.certificate_number,
    issuingBody: row.issuing_body,
    obtainedOn: row.obtained_on,
    validUntil: row.valid_until,
    status: row.status,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    rejectReason: row.reject_reason,
    trainingId: row.training_id,
    createdAt: row.created_at.toISOString(),
    validToday: validThrough(qualificationFacts(row), today),
  };
}

/** 138****5678: enough to recognise one's own number, not to call someone else's. */
export const maskedMobile = (mobile: string): string => (mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '****');

/**
 * One person. `full` for whoever manages the record and the person themself; other readers (assessors
 * forming a team) get the mobile masked and no user name.
 */
export function assessorView(row: AssessorWithNames, qualifications: readonly QualificationRow[], today: string, full: boolean): Assessor {
  const own = qualifications.filter((q) => q.assessor_id === row.id);
  const currentGrades = [...new Set(own.filter((q) => validThrough(qualificationFacts(q), today)).map((q) => q.grade))] as QualificationGrade[];
  return {
    id: row.id,
    name: row.name,
    mobile: full ? row.mobile : maskedMobile(row.mobile),
    bodyId: row.body_id,
    bodyName: row.body_name,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    accountId: row.account_id,
    username: full ? row.username : null,
    listedPublicly: row.listed_publicly,
    qualifications: own.map((q) => qualificationView(q, today)),
    currentGrades,
    createdAt: row.created_at.toISOString(),
  };
}

export function assessmentBodyView(row: AssessmentBodyRow, leadAssessorCount: number): AssessmentBody {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    regionCode: row.region_code,
    regionName: regionPath(row.region_code),
    contactName: row.contact_name,
    contactMobile: row.contact_mobile,
    address: row.address,
    leadAssessorCount,
    createdAt: row.created_at.toISOString(),
  };
}

export interface ParticipantRow {
  course_id: string;
  assessor_id: string;
  result: 'enrolled' | 'passed' | 'failed';
  qualification_id: string | null;
  name: string;
  certificate_number: string | null;
}

export function trainingCourseView(row: TrainingCourseRow & { trainer_name: string | null }, participants: readonly ParticipantRow[]): TrainingCourse {
  return {
    id: row.id,
    courseType: row.course_type,
    title: row.title,
    place: row.place,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    trainerId: row.trainer_id,
    trainerName: row.trainer_name,
    participants: participants
      .filter((p) => p.course_id === row.id)
      .map((p) => ({ assessorId: p.assessor_id, name: p.name, result: p.result, qualificationId: p.qualification_id, certificateNumber: p.certificate_number })),
  };
}

/** The status a certificate has today: a valid one past its date is expired even before the daily job marks it. */
export const certificateStatusOn = (row: Pick<CertificateRow, 'status' | 'valid_until'>, today: string): CertificateRow['status'] =>
  row.status === 'valid' && row.valid_until < today ? 'expired' : row.status;

export const certificateView = (row: CertificateRow, enterpriseName: string, today: string): Certificate => ({
  id: row.id,
  enterpriseId: row.enterprise_id,
  enterpriseName,
  level: row.level,
  capability: row.capability,
  certificateNumber: row.certificate_number,
  scope: row.scope,
  issuedOn: row.issued_on,
  validUntil: row.valid_until,
  status: certificateStatusOn(row, today),
  statusReason: row.status_reason,
  assessmentId: row.assessment_id,
});

/** One page of a paged list (contract `pageOf`). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
