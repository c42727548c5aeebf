// The HTTP API client: JSON in and out, the CSRF header on every state-changing request, and
// error bodies turned into ApiError. Types come from @cmmm/contract (type-only: no zod in the bundle).
import type { AccountView, EnterpriseType, EnterpriseView, RegisterRequest, Role, SessionView, SubPlatformView } from '@cmmm/contract/schemas';
import type { Edition, TranslationNotice } from '@cmmm/contract/edition';
import type { ErrorBody } from '@cmmm/contract/errors';
import type { ScoreResult } from '@cmmm/contract/score-result';
import type { IndustryMajor, IndustryMiddle } from '@cmmm/reference/industries';
import type { RegionNode } from '@cmmm/reference/regions';
import type {
  Grade,
  peerPositionSchema,
  PlausibilityWarning,
  Quota,
  requirementNoteSchema,
  SelfDiagnosis,
  SelfDiagnosisSummary,
  submitLevelResultSchema,
  Survey,
} from '@cmmm/contract/self-diagnosis';
import type { z } from 'zod';
import type { PolicyMatch, RoadmapEntry } from '@cmmm/contract/knowledge';
import type { CapabilityProfileView, ViewReadiness } from '@cmmm/contract/capability-profile';
import type { AuditEvent, AuditTrailPage, AuditTrailQuery } from '@cmmm/contract/audit';
import type { Dashboard, PublicStatistics } from '@cmmm/contract/dashboard';
export type { Dashboard, PublicStatistics };
import type { CampaignProgress, CampaignView, CreateCampaignRequest, FollowUpKind, FollowUpPage, UpdateCampaignRequest } from '@cmmm/contract/campaigns';
export type { CampaignProgress, CampaignView, CreateCampaignRequest, FollowUpKind, FollowUpPage, UpdateCampaignRequest };
import type { IndexReportJob, IndexReportRequest } from '@cmmm/contract/index-report';
export type { IndexReportJob, IndexReportRequest };

export type { AuditEvent, AuditTrailPage, AuditTrailQuery };

export type { AccountView, EnterpriseView, RegisterRequest, Role, SessionView, SubPlatformView, RegionNode };

/** A page of GET /api/enterprises: `next` the cursor of the following page; `total` exact up to 10,000, `totalCapped` beyond. */
export interface EnterprisePage {
  enterprises: EnterpriseView[];
  next: string | null;
  total: number;
  totalCapped: boolean;
}
export type { Edition, EnterpriseType, Grade, PlausibilityWarning, Quota, ScoreResult, SelfDiagnosis, SelfDiagnosisSummary, Survey };

// 企业自诊断
export type SubmitLevelResult = z.infer<typeof submitLevelResultSchema>;
export type PeerPosition = z.infer<typeof peerPositionSchema>;
export type RequirementNote = z.infer<typeof requirementNoteSchema>;

export interface Bilingual {
  zh: string[];
  en: string[];
}
/** The language of model text the API answers in: Chinese (authoritative) or the unofficial English translation. */
export type ModelLang = 'zh-CN' | 'en';
export type { TranslationNotice };

export interface QuestionRequirement {
  id: string;
  text: string;
  /** The Chinese original when `text` is a translation. */
  textZh?: string;
  naAllowed: boolean;
  guidance: Bilingual;
}
export interface QuestionItem {
  id: string;
  name: string;
  requirement: QuestionRequirement;
}
export interface QuestionSubdomain {
  id: string;
  name: string;
  items: QuestionItem[];
}
export interface QuestionDomain {
  id: string;
  name: string;
  tailorable: boolean;
  subdomains: QuestionSubdomain[];
}
export interface QuestionElement {
  id: string;
  name: string;
  domains: QuestionDomain[];
}
export interface Questionnaire {
  level: number;
  translation?: TranslationNotice;
  elements: QuestionElement[];
  gradeGuidance: { zh: string; en: string } | Bilingual;
}
export interface SelfDiagnosisList {
  diagnoses: SelfDiagnosisSummary[];
  quota: Quota;
  inProgressId: string | null;
}
export type { PolicyMatch, RoadmapEntry, CapabilityProfileView, ViewReadiness };
export interface SelfDiagnosisResult {
  diagnosis: SelfDiagnosisSummary;
  result: ScoreResult;
  strengths: RequirementNote[];
  weakPoints: RequirementNote[];
  peers: PeerPosition[];
  roadmap: RoadmapEntry[];
  policies: PolicyMatch[];
  profile: CapabilityProfileView;
  views: ViewReadiness[];
  translation?: TranslationNotice;
}

export interface ApiIssue {
  code: string;
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Thrown when the server cannot be reached at all. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}

export const CSRF_COOKIE = 'cmmm_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

// The latest token the server handed out, for when the cookie cannot be read (it normally can).
let lastCsrfToken: string | undefined;
export const rememberCsrfToken = (token: string): void => {
  lastCsrfToken = token;
};

export function readCookie(name: string, cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export const csrfToken = (): string | undefined => readCookie(CSRF_COOKIE) ?? lastCsrfToken;

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error: unknown = body.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string';
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method)) {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined; // a proxy's HTML error page, for example
    }
  }
  if (!response.ok) {
    if (isErrorBody(parsed)) throw new ApiError(response.status, parsed.error.code, parsed.error.message, parsed.error.issues ?? []);
    throw new ApiError(response.status, response.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', response.statusText);
  }
  return parsed as T;
}

const get = <T,>(path: string) => request<T>('GET', path);
const send = <T,>(method: 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown) => request<T>(method, path, body ?? {});

/** Server answers of the session endpoints also rotate the CSRF token: remember it. */
async function sessionCall(promise: Promise<SessionView>): Promise<SessionView> {
  const session = await promise;
  rememberCsrfToken(session.csrfToken);
  return session;
}

export interface IndustryMiddleView extends IndustryMiddle {
  suggestedEnterpriseType: 'process' | 'discrete';
}
export interface IndustryMajorView extends Omit<IndustryMajor, 'middles'> {
  middles: IndustryMiddleView[];
}

export interface MaturityLevelView {
  level: number;
  label: string;
  name: string;
  characteristics: string;
  /** In English: the standard's Chinese, authoritative. */
  nameZh?: string;
  characteristicsZh?: string;
}

export interface CreateAccountRequest {
  username: string;
  displayName: string;
  mobile?: string;
  role: Exclude<Role, 'enterprise_user'>;
  regionCode?: string;
}
export interface UpdateAccountRequest {
  role?: Role;
  regionCode?: string | null;
  locked?: boolean;
}
export interface SubPlatformUpdate {
  name?: string;
  shortName?: string;
  themeColor?: string;
  logoSvg?: string | null;
}
export interface SmsMessage {
  id: string;
  mobile: string;
  body: string;
  createdAt: string;
}
export interface PasswordResetConfirm {
  mobile: string;
  code: string;
  newPassword: string;
  username?: string;
}

/** Downloads are plain links (same-origin, the session cookie goes along): 查看报告 and the exports. */
export const downloads = {
  reportPdf: (id: string, lang: 'zh-CN' | 'en') => `/api/self-diagnoses/${encodeURIComponent(id)}/report.pdf?lang=${lang}`,
  exportJson: (id: string) => `/api/self-diagnoses/${encodeURIComponent(id)}/export.json`,
  exportXlsx: (id: string) => `/api/self-diagnoses/${encodeURIComponent(id)}/export.xlsx`,
  verify: (reportNumber: string) => `/verify/${encodeURIComponent(reportNumber)}`,
};

const query = (params: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** Chinese is the API's default: only English is asked for, so the Chinese answers keep their cached URLs. */
const langQuery = (lang: ModelLang): string => (lang === 'en' ? '?lang=en' : '');

export const api = {
  session: () => sessionCall(get<SessionView>('/api/session')),
  register: (body: RegisterRequest) => sessionCall(send<SessionView>('POST', '/api/auth/register', body)),
  login: (username: string, password: string) => sessionCall(send<SessionView>('POST', '/api/auth/login', { username, password })),
  logout: () => send<null>('POST', '/api/auth/logout'),
  requestPasswordReset: (by: { mobile: string } | { creditCode: string }) => send<{ sentTo: string; mobile?: string }>('POST', '/api/auth/password-reset/request', by),
  confirmPasswordReset: (body: PasswordResetConfirm) => send<null>('POST', '/api/auth/password-reset/confirm', body),
  changePassword: (currentPassword: string, newPassword: string) => send<null>('POST', '/api/auth/password', { currentPassword, newPassword }),

  // Reference data and the model in the reader's language (`lang`: the UI's; Chinese by default).
  industries: (lang: ModelLang = 'zh-CN') => get<{ industries: IndustryMajorView[] }>(`/api/reference/industries${langQuery(lang)}`).then((r) => r.industries),
  regions: (lang: ModelLang = 'zh-CN') => get<{ regions: RegionNode[] }>(`/api/reference/regions${langQuery(lang)}`).then((r) => r.regions),
  provinces: (lang: ModelLang = 'zh-CN') => get<{ provinces: RegionNode[] }>(`/api/reference/provinces${langQuery(lang)}`).then((r) => r.provinces),
  province: (code: string, lang: ModelLang = 'zh-CN') => get<{ province: RegionNode }>(`/api/reference/provinces/${code}${langQuery(lang)}`).then((r) => r.province),
  maturityLevels: (lang: ModelLang = 'zh-CN') => get<{ levels: MaturityLevelView[] }>(`/api/editions/db12-t1073-2021/levels${langQuery(lang)}`).then((r) => r.levels),
  edition: (lang: ModelLang = 'zh-CN') => get<Edition & { translation?: TranslationNotice }>(`/api/editions/db12-t1073-2021${langQuery(lang)}`),

  subPlatforms: () => get<{ subPlatforms: SubPlatformView[] }>('/api/sub-platforms').then((r) => r.subPlatforms),
  subPlatform: (code: string) => get<SubPlatformView>(`/api/sub-platforms/${encodeURIComponent(code)}`),
  updateSubPlatform: (code: string, body: SubPlatformUpdate) => send<SubPlatformView>('PATCH', `/api/sub-platforms/${encodeURIComponent(code)}`, body),

  /** One page of the admin's enterprise list, newest first; `after` the previous page's `next`. */
  enterprises: (options: { after?: string; pageSize?: number } = {}) => get<EnterprisePage>(`/api/enterprises${query({ after: options.after, pageSize: options.pageSize ?? 20 })}`),
  enterprise: (id: string) => get<EnterpriseView>(`/api/enterprises/${encodeURIComponent(id)}`),

  accounts: (filter: { q?: string; role?: Role }) => get<{ accounts: AccountView[] }>(`/api/admin/accounts${query({ ...filter, pageSize: 200 })}`).then((r) => r.accounts),
  createAccount: (body: CreateAccountRequest) => send<{ account: AccountView; oneTimePassword: string }>('POST', '/api/admin/accounts', body),
  updateAccount: (id: string, body: UpdateAccountRequest) => send<AccountView>('PATCH', `/api/admin/accounts/${encodeURIComponent(id)}`, body),
  issueOneTimePassword: (id: string) => send<{ oneTimePassword: string }>('POST', `/api/admin/accounts/${encodeURIComponent(id)}/one-time-password`),
  selfDiagnoses: () => get<SelfDiagnosisList>('/api/self-diagnoses'),
  createSelfDiagnosis: (enterpriseType: EnterpriseType, tailored: string[]) => send<SelfDiagnosis>('POST', '/api/self-diagnoses', { enterpriseType, tailored }),
  selfDiagnosis: (id: string) => get<SelfDiagnosis>(`/api/self-diagnoses/${encodeURIComponent(id)}`),
  questionnaire: (id: string, level: number, lang: ModelLang = 'zh-CN') => get<Questionnaire>(`/api/self-diagnoses/${encodeURIComponent(id)}/questionnaire${query({ level, lang: lang === 'en' ? lang : undefined })}`),
  saveSurvey: (id: string, survey: Survey) => send<SelfDiagnosis>('PUT', `/api/self-diagnoses/${encodeURIComponent(id)}/survey`, survey),
  saveAnswer: (id: string, requirementId: string, grade: Grade) =>
    send<{ requirementId: string; grade: Grade; savedAt: string }>('PUT', `/api/self-diagnoses/${encodeURIComponent(id)}/answers/${encodeURIComponent(requirementId)}`, { grade }),
  saveAnswers: (id: string, answers: Record<string, Grade>) => send<{ saved: number; savedAt: string }>('PUT', `/api/self-diagnoses/${encodeURIComponent(id)}/answers`, { answers }),
  plausibility: (id: string) => get<{ warnings: PlausibilityWarning[] }>(`/api/self-diagnoses/${encodeURIComponent(id)}/plausibility`).then((r) => r.warnings),
  submitLevel: (id: string) => send<SubmitLevelResult>('POST', `/api/self-diagnoses/${encodeURIComponent(id)}/submit`),
  selfDiagnosisResult: (id: string, lang: ModelLang = 'zh-CN') => get<SelfDiagnosisResult>(`/api/self-diagnoses/${encodeURIComponent(id)}/result${langQuery(lang)}`),
  smsOutbox: () => get<{ messages: SmsMessage[] }>('/api/admin/sms-outbox').then((r) => r.messages),
  auditTrail: (query: AuditTrailQuery) => {
    const params = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])));
    return get<AuditTrailPage>(`/api/admin/audit-events?${params}`);
  },
  /** 数据看板 of a region (6-digit code), or of the nation / one's own region when omitted. */
  dashboard: (region?: string) => get<Dashboard>(region ? `/api/dashboard?region=${encodeURIComponent(region)}` : '/api/dashboard'),
  /** The operator's map of a region's children (GeoJSON; 000000 the nation): 404 MAP_NOT_SUPPLIED where it supplied none. */
  regionMap: (region: string) => get<unknown>(`/api/dashboard/maps/${encodeURIComponent(region)}`),
  /** 推进活动: the admin's campaigns, one with its progress, its follow-up lists page by page (`after` the previous `next`). */
  campaigns: () => get<{ campaigns: CampaignView[] }>('/api/campaigns').then((r) => r.campaigns),
  campaign: (id: string) => get<CampaignProgress>(`/api/campaigns/${encodeURIComponent(id)}`),
  createCampaign: (body: CreateCampaignRequest) => send<CampaignView>('POST', '/api/campaigns', body),
  updateCampaign: (id: string, body: UpdateCampaignRequest) => send<CampaignView>('PATCH', `/api/campaigns/${encodeURIComponent(id)}`, body),
  closeCampaign: (id: string) => send<CampaignView>('POST', `/api/campaigns/${encodeURIComponent(id)}/close`),
  campaignFollowUp: (id: string, kind: FollowUpKind, options: { after?: string; pageSize?: number } = {}) =>
    get<FollowUpPage>(`/api/campaigns/${encodeURIComponent(id)}/enterprises${query({ kind, after: options.after, pageSize: options.pageSize ?? 20 })}`),
  /** 公开统计: the nation's figures, for anyone. */
  publicStatistics: () => get<PublicStatistics>('/api/public/statistics'),
  /** 指数报告: start one, read its progress; the PDF's address once done. */
  startIndexReport: (body: IndexReportRequest) => send<IndexReportJob>('POST', '/api/index-reports', body),
  indexReport: (id: string) => get<IndexReportJob>(`/api/index-reports/${encodeURIComponent(id)}`),
  indexReportPdf: (id: string) => `/api/index-reports/${encodeURIComponent(id)}/pdf`,
};
