// Fixtures of the formal-assessment tests: staff logins, bodies, qualified people, enterprises with a
// completed self-diagnosis, and an assessment taken to 受理, a formed team or confirmed plans.
import type { FormalAssessment } from '@cmmm/contract';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { adminClient, Client, completeSelfDiagnosis, newCreditCode, registeredClient, STAFF_PASSWORD, type usePlatform } from './harness.ts';

type View = FormalAssessment;
export type Grade = 'intro' | 'assessor' | 'lead_assessor' | 'high_maturity_lead';

/** The grade path up to a grade (each one's prerequisite approved first). */
const GRADE_PATH: Record<Grade, Grade[]> = {
  intro: ['intro'],
  assessor: ['intro', 'assessor'],
  lead_assessor: ['intro', 'assessor', 'lead_assessor'],
  high_maturity_lead: ['intro', 'assessor', 'lead_assessor', 'high_maturity_lead'],
};

export const PRE_DATES = { startsOn: '2026-12-01', endsOn: '2026-12-02' };
export const FORMAL_DATES = { startsOn: '2026-12-14', endsOn: '2026-12-16' };
/** Five days: with three people and the two-day pre-assessment, 21 person-days (三级's standard). */
export const FULL_FORMAL_DATES = { startsOn: '2026-12-14', endsOn: '2026-12-18' };

export function formalFixtures(p: ReturnType<typeof usePlatform>) {
  let admin: Client | undefined;
  const adminOf = async () => (admin ??= await adminClient(p));
  let serial = 0;

  /** A staff login; an agency admin's body is set before it logs in (the session carries it). */
  async function staff(role: 'assessor' | 'lead_assessor' | 'agency_admin' | 'region_admin' | 'reviewer', options: { bodyId?: string; regionCode?: string } = {}) {
    admin ??= await adminClient(p);
    serial += 1;
    const username = `fa${role.replace('_', '')}${serial}${Math.floor(Math.random() * 1e6)}`;
    const created = await admin.post<{ oneTimePassword: string; account: { id: string } }>('/api/admin/accounts', {
      username,
      displayName: '测试',
      role,
      ...(options.regionCode ? { regionCode: options.regionCode } : {}),
      ...(options.bodyId ? { bodyId: options.bodyId } : {}),
    });
    expect(created.status).toBe(201);
    if (options.bodyId) await p.db.updateTable('account').set({ body_id: options.bodyId }).where('id', '=', created.body.account.id).execute();
    const client = new Client(p.base);
    expect((await client.post('/api/auth/login', { username, password: created.body.oneTimePassword })).status).toBe(200);
    expect((await client.post('/api/auth/password', { currentPassword: created.body.oneTimePassword, newPassword: STAFF_PASSWORD })).status).toBe(204);
    return { client, accountId: created.body.account.id };
  }

  async function body(): Promise<string> {
    const id = randomUUID();
    serial += 1;
    await p.ctx.repos.assessmentBodies.insertAssessmentBody({ id, name: `苏州智造评估中心${serial}`, creditCode: newCreditCode('320505'), regionCode: '320505', contactName: '赵经理', contactMobile: '13800000001' });
    return id;
  }

  /** An assessor with approved qualifications up to `grade`, optionally with a login. */
  async function person(options: { grade: Grade; bodyId?: string; enterpriseId?: string; validUntil?: string; login?: boolean; name?: string }) {
    const id = randomUUID();
    const account = options.login ? await staff(options.grade === 'lead_assessor' || options.grade === 'high_maturity_lead' ? 'lead_assessor' : 'assessor') : undefined;
    await p.ctx.repos.assessors.insertAssessor({
      id,
      name: options.name ?? `评估师${++serial}`,
      mobile: '13900000000',
      bodyId: options.bodyId ?? null,
      enterpriseId: options.enterpriseId ?? null,
      accountId: account?.accountId ?? null,
    });
    for (const grade of GRADE_PATH[options.grade]) {
      await p.ctx.repos.assessors.insertQualification({
        id: randomUUID(),
        assessorId: id,
        grade,
        certificateNumber: `CMMM-${grade}-${id}`,
        issuingBody: '中国电子技术标准化研究院',
        obtainedOn: '2024-01-01',
        validUntil: options.validUntil ?? '2029-12-31',
        status: 'approved',
      });
    }
    return { id, client: account?.client as Client, accountId: account?.accountId };
  }

  /** A registered enterprise with a completed self-diagnosis. */
  async function enterprise() {
    const e = await registeredClient(p);
    const diagnosis = await completeSelfDiagnosis(e.client);
    return { ...e, diagnosisId: diagnosis.id };
  }

  const application = (e: { diagnosisId: string }, bodyId: string, overrides: Record<string, unknown> = {}) => ({
    selfDiagnosisId: e.diagnosisId,
    assessmentType: 'predefined',
    targetLevel: 3,
    scope: '精密数控机床零部件的设计、生产、销售',
    notApplicable: [{ nodeId: 'M3', reason: '物流全部外包，企业不涉及' }],
    sponsor: { name: '李明', title: '副总经理' },
    liaison: { name: '王工', mobile: '13912345678' },
    bodyId,
    ...overrides,
  });

  const put = <T = View>(c: Client, path: string, body: unknown) => c.request<T>('PUT', path, body);
  const planOf = (ids: string[], dates: { startsOn: string; endsOn: string }, purpose = '了解企业智能制造基本情况，确定正式评估的可行性') => ({
    purpose,
    scope: '精密数控机床零部件的设计、生产、销售',
    tasks: '现场参观、系统演示、现场操作、收集评估证据',
    ...dates,
    assessorIds: ids,
    agenda: [{ date: dates.startsOn, time: '09:00-12:00', activity: '首次会议、现场参观', assessorIds: ids }],
  });
  const declare = (c: Client, url: string, assessorId: string, conflict = false, statement?: string) =>
    c.post<View>(`${url}/team/${assessorId}/declaration`, { conflict, ...(statement ? { statement } : {}) });

  /** A 三级 (or other level) application, submitted and accepted by its lead. */
  async function acceptedAssessment(options: { level?: number; leadGrade?: Grade } = {}) {
    const level = options.level ?? 3;
    const bodyId = await body();
    const lead = await person({ bodyId, grade: options.leadGrade ?? 'lead_assessor', login: true, name: '张主任' });
    const e = await enterprise();
    const internal = await person({ enterpriseId: e.enterpriseId, grade: 'intro', name: '周内审' });
    if (level >= 4) await p.ctx.repos.certificates.insertCertificate({ id: randomUUID(), enterpriseId: e.enterpriseId, level: 3, certificateNumber: `CMMM-3-${randomUUID()}`, scope: '机床', issuedOn: '2025-06-01', validUntil: '2028-06-01' });
    const submitted = await e.client.post<View>('/api/formal-assessments', application(e, bodyId, { targetLevel: level, leadAssessorId: lead.id, ...(level >= 3 ? { internalAssessorId: internal.id } : {}) }));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const url = `/api/formal-assessments/${submitted.body.id}`;
    const accepted = await lead.client.post<View>(`${url}/acceptance`, { accept: true, lawful: true, intelligentManufacturing: true });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    return { id: submitted.body.id, url, bodyId, lead, e, internal };
  }

  /** …with a member and the internal assessor added, everyone declared, the team formed. */
  async function formedTeam(options: { level?: number; memberValidUntil?: string } = {}) {
    const a = await acceptedAssessment(options);
    const member = await person({ bodyId: a.bodyId, grade: 'assessor', login: true, name: '陈评估师', validUntil: options.memberValidUntil });
    expect((await put(a.lead.client, `${a.url}/team/${member.id}`, { teamRole: 'member' })).status).toBe(200);
    expect((await put(a.lead.client, `${a.url}/team/${a.internal.id}`, { teamRole: 'internal' })).status).toBe(200);
    expect((await declare(a.lead.client, a.url, a.lead.id)).status).toBe(200);
    expect((await declare(member.client, a.url, member.id)).status).toBe(200);
    expect((await declare(a.e.client, a.url, a.internal.id)).status).toBe(200);
    const formed = await a.lead.client.post<View>(`${a.url}/team/formation`);
    expect(formed.status, JSON.stringify(formed.body)).toBe(200);
    return { ...a, member, team: [a.lead.id, member.id, a.internal.id] };
  }

  /** …with both plans saved and confirmed. */
  async function confirmedPlans(formalDates = FORMAL_DATES) {
    const a = await formedTeam();
    expect((await put(a.lead.client, `${a.url}/plans/pre`, planOf(a.team, PRE_DATES))).status).toBe(200);
    expect((await put(a.lead.client, `${a.url}/plans/formal`, planOf(a.team, formalDates, '验证企业满足标准要求的证据，确定成熟度等级'))).status).toBe(200);
    expect((await a.e.client.post(`${a.url}/plans/pre/confirmation`, { version: 1 })).status).toBe(200);
    const done = await a.e.client.post<View>(`${a.url}/plans/formal/confirmation`, { version: 1 });
    expect(done.body.stage).toBe('plans_confirmed');
    return a;
  }

  /** …with the pre-assessment recorded and the decision 具备正式评估条件. */
  async function feasibleAssessment(formalDates = FORMAL_DATES) {
    const a = await confirmedPlans(formalDates);
    const recorded = await put(a.lead.client, `${a.url}/pre-assessment`, {
      basicSituation: '企业已建成 ERP、MES',
      directEvidence: 'MES 生产报工记录',
      indirectEvidence: '智能制造规划文件',
      readinessFindings: '具备正式评估条件',
    });
    expect(recorded.status).toBe(200);
    const feasible = await a.lead.client.post<View>(`${a.url}/pre-assessment/decision`, { decision: 'proceed' });
    expect(feasible.body.stage).toBe('feasible');
    return a;
  }

  /**
   * …through the formal assessment to 评估结果已确定 (final): the first meeting, evidence for every
   * requirement but those in `withoutEvidence`, both raters rating all LI, the consensus, the roll-up,
   * the result shared and finalised. The plans give 21 person-days (三级's standard).
   */
  async function finalAssessment(options: { withoutEvidence?: number } = {}) {
    const a = await feasibleAssessment(FULL_FORMAL_DATES);
    expect((await put(a.lead.client, `${a.url}/first-meeting`, { heldOn: FULL_FORMAL_DATES.startsOn, attendees: '评估组、企业', planConfirmed: true, agreedItems: '日程' })).status).toBe(200);
    const sheet = await a.lead.client.get<{ rows: { requirementId: string }[] }>(`${a.url}/working-sheet`);
    const scope = sheet.body.rows.map((r) => r.requirementId);
    const evidenced = scope.slice(options.withoutEvidence ?? 0);
    for (const requirementId of evidenced) await addEvidence(a, requirementId);
    await rateAndRollUp(a, scope);
    return { ...a, scope, withoutEvidence: scope.slice(0, options.withoutEvidence ?? 0) };
  }

  async function addEvidence(a: { member: { client: Client }; url: string }, requirementId: string) {
    const res = await a.member.client.post(`${a.url}/evidence`, { requirementId, method: 'document_review', source: '生产部', collectedOn: FULL_FORMAL_DATES.startsOn, note: '制度与运行记录' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }

  /** Both raters rate every requirement LI (ratings kept from before are simply resubmitted), consensus LI, roll-up, share, finalise. */
  async function rateAndRollUp(a: { lead: { client: Client }; member: { client: Client }; e: { client: Client }; url: string }, scope: readonly string[]) {
    for (const rater of [a.lead.client, a.member.client]) {
      for (const id of scope) expect((await put(rater, `${a.url}/ratings/${id}`, { grade: 'LI' })).status).toBe(200);
      expect((await rater.post(`${a.url}/ratings/submission`)).status).toBe(200);
    }
    for (const id of scope) expect((await put(a.lead.client, `${a.url}/consensus/${id}`, { grade: 'LI', note: '一致' })).status).toBe(200);
    expect((await a.lead.client.post<View>(`${a.url}/roll-up`)).body.stage).toBe('rated');
    expect((await a.lead.client.post<View>(`${a.url}/result-sharing`)).body.stage).toBe('communicating');
    const final = await a.lead.client.post<View>(`${a.url}/finalisation`, { heldOn: FULL_FORMAL_DATES.endsOn, attendees: '评估组、企业', summary: '通报评估结果' });
    expect(final.body.stage, JSON.stringify(final.body)).toBe('final');
  }

  return { finalAssessment, addEvidence, rateAndRollUp, feasibleAssessment, adminOf, staff, body, person, enterprise, application, put, planOf, declare, acceptedAssessment, formedTeam, confirmedPlans };
}
