// The calls of 标准符合性评估 (the API's section of that name, plus the bodies and assessors the forms
// choose from). Wire types are the contract's, imported as types only: no zod in the bundle.
import type { Assessor, AssessmentBody } from '@cmmm/contract/assessors';
import type {
  Application,
  ApplicationCheck,
  FormalAssessment,
  FormalAssessmentSummary,
  FormalStage,
  PlanKind,
  SavePlan,
  TeamRole,
} from '@cmmm/contract/formal-assessment';
import { request } from '../../api.ts';

export type { Application, ApplicationCheck, Assessor, AssessmentBody, FormalAssessment, FormalAssessmentSummary, FormalStage, PlanKind, SavePlan, TeamRole };
export type { AssessmentType, FormalAction, Plan, TeamMember } from '@cmmm/contract/formal-assessment';
export type { QualificationGrade } from '@cmmm/contract/assessors';

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AcceptanceDecision {
  accept: boolean;
  lawful: boolean;
  intelligentManufacturing: boolean;
  reason?: string;
}
export interface CoiDeclaration {
  conflict: boolean;
  statement?: string;
}
export interface DomainWeights {
  weights: Record<string, number> | null;
  rationale?: string;
}
export interface PreAssessmentRecord {
  basicSituation: string;
  directEvidence: string;
  indirectEvidence: string;
  readinessFindings: string;
}
export interface FeasibilityDecision {
  decision: 'proceed' | 'close';
  reasons?: string;
}
export interface AssessorQuery {
  q?: string;
  grade?: string;
  bodyId?: string;
  enterpriseId?: string;
  pageSize?: number;
}

const query = (params: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

const base = (id: string) => `/api/formal-assessments/${encodeURIComponent(id)}`;
const member = (id: string, assessorId: string) => `${base(id)}/team/${encodeURIComponent(assessorId)}`;

export const formalApi = {
  list: (filter: { stage?: FormalStage; page?: number; pageSize?: number }) => request<PageOf<FormalAssessmentSummary>>('GET', `/api/formal-assessments${query({ ...filter })}`),
  read: (id: string) => request<FormalAssessment>('GET', base(id)),
  check: (application: Application) => request<{ checks: ApplicationCheck[] }>('POST', '/api/formal-assessments/checks', application).then((r) => r.checks),
  submit: (application: Application) => request<FormalAssessment>('POST', '/api/formal-assessments', application),

  withdraw: (id: string) => request<FormalAssessment>('POST', `${base(id)}/withdrawal`, {}),
  assignLead: (id: string, assessorId: string) => request<FormalAssessment>('PUT', `${base(id)}/lead`, { assessorId }),
  decideAcceptance: (id: string, decision: AcceptanceDecision) => request<FormalAssessment>('POST', `${base(id)}/acceptance`, decision),
  addMember: (id: string, assessorId: string, teamRole: Exclude<TeamRole, 'lead'>) => request<FormalAssessment>('PUT', member(id, assessorId), { teamRole }),
  removeMember: (id: string, assessorId: string) => request<FormalAssessment>('DELETE', member(id, assessorId)),
  declare: (id: string, assessorId: string, declaration: CoiDeclaration) => request<FormalAssessment>('POST', `${member(id, assessorId)}/declaration`, declaration),
  formTeam: (id: string) => request<FormalAssessment>('POST', `${base(id)}/team/formation`, {}),
  reopenTeam: (id: string) => request<FormalAssessment>('POST', `${base(id)}/team/reopening`, {}),
  setWeights: (id: string, body: DomainWeights) => request<FormalAssessment>('PUT', `${base(id)}/weights`, body),
  savePlan: (id: string, kind: PlanKind, plan: SavePlan) => request<FormalAssessment>('PUT', `${base(id)}/plans/${kind}`, plan),
  confirmPlan: (id: string, kind: PlanKind, version: number) => request<FormalAssessment>('POST', `${base(id)}/plans/${kind}/confirmation`, { version }),
  recordPreAssessment: (id: string, record: PreAssessmentRecord) => request<FormalAssessment>('PUT', `${base(id)}/pre-assessment`, record),
  decideFeasibility: (id: string, decision: FeasibilityDecision) => request<FormalAssessment>('POST', `${base(id)}/pre-assessment/decision`, decision),

  bodies: () => request<PageOf<AssessmentBody>>('GET', `/api/assessment-bodies${query({ pageSize: 100 })}`).then((r) => r.items),
  assessors: (filter: AssessorQuery) => request<PageOf<Assessor>>('GET', `/api/assessors${query({ pageSize: 200, ...filter })}`).then((r) => r.items),
  ownAssessor: () => request<Assessor>('GET', '/api/assessors/me'),
};
