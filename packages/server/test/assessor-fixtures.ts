// Builders for the suites about 评估机构, 评估人员, qualifications and training: each takes overrides
// and fails loudly when the platform refuses what a test needs as a given.
import { Client, newCreditCode, STAFF_PASSWORD, type TestPlatform } from './harness.ts';

let serial = 0;
const next = () => {
  serial += 1;
  return `${serial}${Math.floor(Math.random() * 1e6)}`;
};

export interface Body {
  id: string;
  name: string;
  creditCode: string;
  regionCode: string;
  regionName: string;
  contactName: string;
  contactMobile: string;
  leadAssessorCount: number;
}

export interface Qualification {
  id: string;
  assessorId: string;
  grade: string;
  certificateNumber: string;
  issuingBody: string;
  obtainedOn: string;
  validUntil: string;
  status: 'pending' | 'approved' | 'rejected';
  decidedAt: string | null;
  rejectReason: string | null;
  trainingId: string | null;
  validToday: boolean;
}

export interface Person {
  id: string;
  name: string;
  mobile: string;
  bodyId: string | null;
  bodyName: string | null;
  enterpriseId: string | null;
  accountId: string | null;
  username: string | null;
  listedPublicly: boolean;
  qualifications: Qualification[];
  currentGrades: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const bodyForm = (overrides: Record<string, unknown> = {}) => ({
  name: `无锡智造评估咨询有限公司${next()}`,
  creditCode: newCreditCode('320214'),
  regionCode: '320214',
  contactName: '周工',
  contactMobile: '13812340000',
  ...overrides,
});

export async function registerBody(admin: Client, overrides: Record<string, unknown> = {}): Promise<Body> {
  const res = await admin.post<Body>('/api/assessment-bodies', bodyForm(overrides));
  if (res.status !== 201) throw new Error(`body registration failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A logged-in account created by the platform admin, its one-time password already changed. */
export async function accountOf(p: TestPlatform, admin: Client, role: string, extra: Record<string, unknown> = {}): Promise<{ client: Client; accountId: string; username: string }> {
  const username = `${role.replace('_', '')}${next()}`;
  const created = await admin.post<{ oneTimePassword: string; account: { id: string } }>('/api/admin/accounts', { username, displayName: '测试', role, ...extra });
  if (created.status !== 201) throw new Error(`account creation failed: ${JSON.stringify(created.body)}`);
  return { client: await firstLogIn(p, username, created.body.oneTimePassword), accountId: created.body.account.id, username };
}

/** Logs in with a one-time password and changes it. */
export async function firstLogIn(p: TestPlatform, username: string, oneTimePassword: string): Promise<Client> {
  const client = new Client(p.base);
  const login = await client.post<{ account: { mustChangePassword: boolean } }>('/api/auth/login', { username, password: oneTimePassword });
  if (login.status !== 200 || !login.body.account.mustChangePassword) throw new Error(`first login failed: ${JSON.stringify(login.body)}`);
  const changed = await client.post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: STAFF_PASSWORD });
  if (changed.status !== 204) throw new Error(`password change failed: ${JSON.stringify(changed.body)}`);
  return client;
}

/** The agency admin of a body. */
export const agencyAdminOf = async (p: TestPlatform, admin: Client, bodyId: string) => accountOf(p, admin, 'agency_admin', { bodyId });

export const personForm = (overrides: Record<string, unknown> = {}) => ({ name: `李评估${next()}`, mobile: '13900001111', ...overrides });

export async function registerPerson(by: Client, overrides: Record<string, unknown> = {}): Promise<{ assessor: Person; oneTimePassword: string | null }> {
  const res = await by.post<{ assessor: Person; oneTimePassword: string | null }>('/api/assessors', personForm(overrides));
  if (res.status !== 201) throw new Error(`assessor registration failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A unique certificate number. */
export const certificateNumber = (prefix = 'CMMM') => `${prefix}-${next()}`;

export const qualificationForm = (grade: string, overrides: Record<string, unknown> = {}) => ({
  grade,
  certificateNumber: certificateNumber(),
  issuingBody: '中国电子技术标准化研究院',
  obtainedOn: '2025-01-10',
  validUntil: '2028-01-09',
  ...overrides,
});

export async function addQualification(by: Client, assessorId: string, grade: string, overrides: Record<string, unknown> = {}): Promise<Qualification> {
  const res = await by.post<Qualification>(`/api/assessors/${assessorId}/qualifications`, qualificationForm(grade, overrides));
  if (res.status !== 201) throw new Error(`adding ${grade} failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Grades approved one after the other by the platform admin, along the path. */
export async function approvedPath(admin: Client, assessorId: string, grades: string[], overrides: Record<string, unknown> = {}): Promise<Qualification[]> {
  const added: Qualification[] = [];
  for (const grade of grades) added.push(await addQualification(admin, assessorId, grade, overrides));
  return added;
}

export interface AuditRow {
  action: string;
  subjectType: string;
  subjectId: string;
  actorId: string | null;
  regionCode: string | null;
  summary: Record<string, unknown>;
}

/** Every audit event of a subject, oldest first. */
export async function eventsOf(admin: Client, subjectType: string, subjectId: string): Promise<AuditRow[]> {
  const res = await admin.get<{ events: AuditRow[] }>(`/api/admin/audit-events?subjectType=${subjectType}&subjectId=${subjectId}&limit=200`);
  if (res.status !== 200) throw new Error(`audit trail failed: ${JSON.stringify(res.body)}`);
  return res.body.events.reverse();
}
