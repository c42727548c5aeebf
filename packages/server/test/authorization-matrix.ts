// The reviewed authorization table: for every operation of the OpenAPI document (by operationId), what
// each persona gets, and why (policy.ts). authorization-matrix.test.ts sends every operation as every
// persona with the row's sample request — always valid, so that validation (which runs before any
// handler) cannot answer in authorization's place — and compares. A new route without a row fails, and
// so does a row whose operation is gone: review the policy, then add or remove the row.
import { CONFORMITY_MATRIX, type ConformityFixtures } from './authorization-matrix-conformity.ts';
import { registration, SAMPLE_SURVEY } from './harness.ts';

export const PERSONAS = [
  'anonymous',
  'enterprise A', // an enterprise user of A (昆山 320583), the owner of the resources acted on
  'enterprise B', // an enterprise user of B (北京) acting on A's resources
  'assessor',
  'lead assessor',
  'agency admin',
  'region admin 昆山', // sub-platform 320583: A is in its region
  'region admin 北京', // sub-platform 110000: A is not
  'platform admin',
] as const;
export type Persona = (typeof PERSONAS)[number];

/** The policy let the request through: 2xx, or a business answer after authorization (409, WRONG_PASSWORD…). */
export const OK = 'allowed';
export interface Denial {
  status: 401 | 403 | 404;
  code: string;
}
/** Login needed (authorize without an actor). */
const E401: Denial = { status: 401, code: 'NOT_AUTHENTICATED' };
/** The rule says no. */
const E403: Denial = { status: 403, code: 'FORBIDDEN' };
/** Staff on the use-cases only enterprise users have (ownEnterpriseId). */
const NAE: Denial = { status: 403, code: 'NOT_AN_ENTERPRISE' };
/** Forbidden answers like missing, so enterprise ids cannot be probed. */
const E404: Denial = { status: 404, code: 'NOT_FOUND' };
export type Outcome = typeof OK | Denial;

/** What the sample requests act on, made in the test's beforeAll. */
export interface Fixtures extends ConformityFixtures {
  enterpriseA: string;
  /** A's completed self-diagnosis, with its report number and one of its requirements. */
  diagnosisA: string;
  reportNumber: string;
  requirementId: string;
  editionId: string;
  /** A valid `cmmm score` input (A's diagnosis exported). */
  scoreInput: unknown;
  /** An account the admin operations act on: no persona's own. */
  bystanderId: string;
  /** An account to log in to (never changed by any row). */
  loginTarget: { username: string; password: string; mobile: string };
  /** A 推进活动 of 昆山 (320583), set by the platform admin. */
  campaignA: string;
  /** A 指数报告 of 昆山 (320583), made by the platform admin. */
  indexReportId: string;
}

export interface Sample {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

export interface Row {
  why: string;
  /** In PERSONAS order. */
  expect: readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
  /** A valid request; `self` is the persona's own password (null when anonymous). */
  sample: (f: Fixtures, self: { password: string } | null) => Sample;
  /**
   * 'throwaway': sent on a new session of the persona, since the request ends the session it comes with.
   * 'throwaway, then log in again': it ends the persona's other sessions too.
   */
  session?: 'throwaway' | 'throwaway, then log in again';
}

const none = (): Sample => ({});
let unique = 0;
const nextUnique = () => `${Date.now() % 1e6}${(unique += 1)}${Math.floor(Math.random() * 1e4)}`;
const diagnosis = (f: Fixtures, extra: Omit<Sample, 'params'> = {}): Sample => ({ params: { id: f.diagnosisA }, ...extra });

//                                                  anon  ent A ent B assr  lead  agcy  rg昆山 rg北京 plat
const everyone = /*                              */ [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK] as const;
const anyLogin = /*                              */ [E401, OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK] as const;
const platformAdminOnly = /*                     */ [E401, E403, E403, E403, E403, E403, E403, E403, OK] as const;
const platformOrRegionAdmins = /*                */ [E401, E403, E403, E403, E403, E403, OK,   OK,   OK] as const;
const enterpriseUsers = /*                       */ [E401, OK,   OK,   NAE,  NAE,  NAE,  NAE,  NAE,  NAE] as const;
/** canReadSelfDiagnosis: its enterprise, assigned assessors (none yet), admins over its region. */
const readersOfA = /*                            */ [E401, OK,   E403, E403, E403, E403, OK,   E403, OK] as const;
/** canAnswerSelfDiagnosis: its own enterprise's users; staff are refused as non-enterprises first. */
const answerersOfA = /*                          */ [E401, OK,   E403, NAE,  NAE,  NAE,  NAE,  NAE,  NAE] as const;
/** A campaign of 昆山: the platform admin and 昆山's admin; staff and enterprises refused, 北京's admin finds nothing. */
const campaignAdminsOfA = /*                     */ [E401, E403, E403, E403, E403, E403, OK,   E404, OK] as const;

export const MATRIX: Record<string, Row> = {
  // ---- 平台: health checks, for load balancers and monitors (canCheckHealth)
  checkLiveness: { why: 'health: public', expect: everyone, sample: none },
  ping: { why: 'health (old address): public', expect: everyone, sample: none },
  checkReadiness: { why: 'health: public', expect: everyone, sample: none },
  checkHealth: { why: 'health: public', expect: everyone, sample: none },

  // ---- 模型, 参考数据, 地方分平台 (reading), 报告验证: public data (canReadPublicData)
  listEditions: { why: 'the model is public', expect: everyone, sample: none },
  readEdition: { why: 'the model is public', expect: everyone, sample: (f) => ({ params: { edition: f.editionId } }) },
  readMaturityLevels: { why: 'the model is public', expect: everyone, sample: (f) => ({ params: { edition: f.editionId } }) },
  scoreAnswers: { why: 'stateless scoring, as `cmmm score`', expect: everyone, sample: (f) => ({ body: f.scoreInput }) },
  listIndustries: { why: 'reference data for forms', expect: everyone, sample: none },
  readRegionTree: { why: 'reference data for forms', expect: everyone, sample: none },
  listProvinces: { why: 'reference data for forms', expect: everyone, sample: none },
  readProvince: { why: 'reference data for forms', expect: everyone, sample: () => ({ params: { code: '110000' } }) },
  listSubPlatforms: { why: 'sub-platforms are public', expect: everyone, sample: none },
  readSubPlatform: { why: 'sub-platforms are public', expect: everyone, sample: () => ({ params: { code: '320583' } }) },
  verifyReport: { why: 'the QR code of a report opens it: public', expect: everyone, sample: (f) => ({ params: { number: f.reportNumber } }) },

  // ---- 账户 (canUseAccountEntry: anyone; a logged-in user may register another enterprise)
  readSession: { why: 'answers anonymous visitors too (and hands out the CSRF token)', expect: everyone, sample: none },
  registerEnterprise: { why: 'account entry: anyone', expect: everyone, sample: () => ({ body: registration() }) },
  logIn: { why: 'account entry: anyone', expect: everyone, sample: (f) => ({ body: { username: f.loginTarget.username, password: f.loginTarget.password } }) },
  logOut: { why: 'anyone; ends the session it comes with', expect: everyone, sample: none, session: 'throwaway' },
  requestPasswordReset: {
    why: 'account entry: anyone (an unknown mobile answers like a known one)',
    expect: everyone,
    sample: () => ({ body: { mobile: `137${nextUnique().slice(-8).padStart(8, '0')}` } }),
  },
  confirmPasswordReset: {
    why: 'account entry: anyone (no code was sent: RESET_CODE_INVALID, after authorization)',
    expect: everyone,
    sample: (f) => ({ body: { mobile: f.loginTarget.mobile, code: '000000', newPassword: 'Zhizao2026new' } }),
  },
  changePassword: {
    why: 'canChangeOwnPassword: any login; ends the account’s other sessions',
    expect: anyLogin,
    sample: (_f, self) => ({ body: { currentPassword: self?.password ?? 'Zhizao2026', newPassword: self?.password ?? 'Zhizao2026' } }),
    session: 'throwaway, then log in again',
  },

  // ---- 企业
  readEnterprise: {
    why: 'canViewEnterprise: its users, assigned assessors (none), admins over its region; others get 404 (no probing)',
    //      anon  ent A ent B assr  lead  agcy  rg昆山 rg北京 plat
    expect: [E401, OK,  E404, E404, E404, E404, OK,   E404, OK],
    sample: (f) => ({ params: { id: f.enterpriseA } }),
  },
  listEnterprises: { why: 'canListEnterprises: platform and region admins (a region admin sees its region)', expect: platformOrRegionAdmins, sample: () => ({ query: { page: '1', pageSize: '20' } }) },

  // ---- 地方分平台 (changing)
  updateSubPlatform: {
    why: 'canUpdateSubPlatform: the platform admin or this sub-platform’s own admin',
    //      anon  ent A ent B assr  lead  agcy  rg昆山 rg北京 plat
    expect: [E401, E403, E403, E403, E403, E403, OK,  E403, OK],
    sample: () => ({ params: { code: '320583' }, body: { themeColor: '#0f766e' } }),
  },

  // ---- 平台管理
  listAccounts: { why: 'canManageAccounts: platform admin', expect: platformAdminOnly, sample: () => ({ query: { role: 'enterprise_user', pageSize: '5' } }) },
  createStaffAccount: {
    why: 'canManageAccounts: platform admin',
    expect: platformAdminOnly,
    sample: () => ({ body: { username: `matrix${nextUnique()}`, displayName: '矩阵测试', role: 'assessor' } }),
  },
  updateAccount: { why: 'canManageAccounts: platform admin (acts on a bystander)', expect: platformAdminOnly, sample: (f) => ({ params: { id: f.bystanderId }, body: { locked: false } }) },
  issueOneTimePassword: { why: 'canManageAccounts: platform admin (acts on a bystander)', expect: platformAdminOnly, sample: (f) => ({ params: { id: f.bystanderId } }) },
  readSmsOutbox: { why: 'canReadSmsOutbox: it holds reset codes, platform admin only', expect: platformAdminOnly, sample: none },
  readAuditTrail: {
    why: 'canReadAuditTrail: platform admin all, a region admin its region (even an empty one)',
    expect: platformOrRegionAdmins,
    sample: () => ({ query: { subjectType: 'self_diagnosis', limit: '10' } }),
  },

  readPublicStatistics: { why: 'canReadPublicData: the nation\'s k-anonymous figures are public', expect: everyone, sample: none },
  readDashboard: {
    why: 'canReadDashboard: platform admin any region, a region admin its own region and below (昆山 asks for 昆山)',
    expect: [E401, E403, E403, E403, E403, E403, OK, E403, OK],
    sample: () => ({ query: { region: '320583' } }),
  },
  readRegionMap: {
    why: 'canReadDashboard on the map\'s region, as the dashboard itself (昆山 asks for 昆山\'s, which the test\'s MAP_DIR holds)',
    expect: [E401, E403, E403, E403, E403, E403, OK, E403, OK],
    sample: () => ({ params: { region: '320583' } }),
  },
  startIndexReport: {
    why: 'canGenerateIndexReport: platform admin any scope, a region admin its own region and below (昆山 asks for 昆山)',
    expect: [E401, E403, E403, E403, E403, E403, OK, E403, OK],
    sample: () => ({ body: { kind: 'region', region: '320583' } }),
  },
  readIndexReport: {
    why: 'canGenerateIndexReport on the report\'s region; others are told it does not exist (no probing of ids)',
    expect: [E401, E404, E404, E404, E404, E404, OK, E404, OK],
    sample: (f) => ({ params: { id: f.indexReportId } }),
  },
  readIndexReportPdf: {
    why: 'canGenerateIndexReport on the report\'s region (while it is being made: INDEX_REPORT_NOT_READY, after authorization)',
    expect: [E401, E404, E404, E404, E404, E404, OK, E404, OK],
    sample: (f) => ({ params: { id: f.indexReportId } }),
  },

  // ---- 推进活动 (canManageCampaigns, canManageCampaignIn: a region admin its region and below; others' campaigns answer 404)
  listCampaigns: { why: 'canManageCampaigns: platform and region admins (a region admin sees its region\'s)', expect: platformOrRegionAdmins, sample: none },
  createCampaign: {
    why: 'canManageCampaignIn: the platform admin any region and the nation (regionCode null), a region admin its own and below, never the nation (北京 for 昆山, or anyone for the nation: CAMPAIGN_REGION_FORBIDDEN; campaigns.test.ts)',
    //      anon  ent A ent B assr  lead  agcy  rg昆山 rg北京 plat
    expect: [E401, E403, E403, E403, E403, E403, OK, { status: 403, code: 'CAMPAIGN_REGION_FORBIDDEN' }, OK],
    sample: () => ({ body: { title: '矩阵测试活动', regionCode: '320583', target: 10, startsOn: '2026-11-01', endsOn: '2026-11-30' } }),
  },
  readCampaign: { why: 'canManageCampaignIn over the campaign\'s region; others 404 (no probing)', expect: campaignAdminsOfA, sample: (f) => ({ params: { id: f.campaignA } }) },
  listCampaignFollowUp: {
    why: 'canManageCampaignIn: the names of the region\'s enterprises, for its own admins only',
    expect: campaignAdminsOfA,
    sample: (f) => ({ params: { id: f.campaignA }, query: { kind: 'never', pageSize: '5' } }),
  },
  updateCampaign: { why: 'canManageCampaignIn over the campaign\'s region', expect: campaignAdminsOfA, sample: (f) => ({ params: { id: f.campaignA }, body: { target: 60 } }) },
  // 昆山's admin closes it first; the platform admin then gets CAMPAIGN_CLOSED (409, after authorization)
  closeCampaign: { why: 'canManageCampaignIn over the campaign\'s region', expect: campaignAdminsOfA, sample: (f) => ({ params: { id: f.campaignA } }) },

  // ---- 企业自诊断
  listSelfDiagnoses: { why: 'canRunSelfDiagnosis: its own list, enterprise users only', expect: enterpriseUsers, sample: none },
  createSelfDiagnosis: { why: 'canRunSelfDiagnosis: enterprise users only (B creates its own)', expect: enterpriseUsers, sample: () => ({ body: { enterpriseType: 'discrete', tailored: [] } }) },
  readSelfDiagnosis: { why: 'canReadSelfDiagnosis', expect: readersOfA, sample: (f) => diagnosis(f) },
  readQuestionnaire: { why: 'canReadSelfDiagnosis', expect: readersOfA, sample: (f) => diagnosis(f, { query: { level: '1' } }) },
  checkPlausibility: { why: 'canReadSelfDiagnosis', expect: readersOfA, sample: (f) => diagnosis(f) },
  readSelfDiagnosisResult: { why: 'canReadSelfDiagnosis', expect: readersOfA, sample: (f) => diagnosis(f) },
  exportSelfDiagnosisJson: { why: 'canReadSelfDiagnosis', expect: readersOfA, sample: (f) => diagnosis(f) },
  exportSelfDiagnosisWorkbook: { why: 'canReadSelfDiagnosis', expect: readersOfA, sample: (f) => diagnosis(f) },
  renderSelfDiagnosisReport: { why: 'canReadSelfDiagnosis', expect: readersOfA, sample: (f) => diagnosis(f, { query: { lang: 'zh-CN' } }) },
  // A's diagnosis is completed, so A itself gets a business refusal (409) after authorization: no side effects.
  submitSurvey: { why: 'canAnswerSelfDiagnosis (A: SURVEY_LOCKED)', expect: answerersOfA, sample: (f) => diagnosis(f, { body: SAMPLE_SURVEY }) },
  saveAnswer: {
    why: 'canAnswerSelfDiagnosis (A: DIAGNOSIS_COMPLETED)',
    expect: answerersOfA,
    sample: (f) => ({ params: { id: f.diagnosisA, requirementId: f.requirementId }, body: { grade: 'FI' } }),
  },
  saveAnswers: { why: 'canAnswerSelfDiagnosis (A: DIAGNOSIS_COMPLETED)', expect: answerersOfA, sample: (f) => diagnosis(f, { body: { answers: { [f.requirementId]: 'FI' } } }) },
  submitLevel: { why: 'canAnswerSelfDiagnosis (A: DIAGNOSIS_COMPLETED)', expect: answerersOfA, sample: (f) => diagnosis(f) },

  // ---- 标准符合性评估 (authorization-matrix-conformity.ts)
  ...CONFORMITY_MATRIX,
};

// ---- the operations themselves, from the OpenAPI document (also what fuzz.test.ts fuzzes)

export interface Operation {
  id: string;
  method: string;
  /** The OpenAPI path template, e.g. /api/enterprises/{id}. */
  path: string;
  parameters: { in: 'path' | 'query'; name: string; required?: boolean; schema: JsonSchema }[];
  body: JsonSchema | null;
}
export type JsonSchema = Record<string, unknown>;

/** Every operation of the platform's OpenAPI document. */
export async function openApiOperations(base: string): Promise<Operation[]> {
  type Doc = { paths: Record<string, Record<string, { operationId?: string; parameters?: Operation['parameters']; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>> };
  const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as Doc;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      return { id: op.operationId, method: method.toUpperCase(), path, parameters: op.parameters ?? [], body: op.requestBody?.content['application/json']?.schema ?? null };
    }),
  );
}
