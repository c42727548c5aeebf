// The formal-assessment bench's data: a fresh database (embedded, or a throwaway PostgreSQL one) holding 五级 formal assessments at
// 正式评估 (assessing), each with a three-person team that rates — a high-maturity lead, a member and
// the enterprise's internal assessor, all with logins — and every requirement in scope (495: 五级, no
// domain not applicable). Built as the tests build theirs (packages/server/test/formal-fixtures.ts):
// the process steps through the HTTP API of the app in this process, the people and the bulk data
// (evidence, 3 × 495 ratings, consensus) straight through the repositories. Then the caller closes it
// and starts the real server on the same data dir (or the same PostgreSQL database).
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { connectDatabase, migrateToLatest, type Database } from '@cmmm/db';
import { requireEdition } from '@cmmm/model';
import { creditCodeCheckCharacter } from '@cmmm/reference';
import { maintenance } from '../packages/db/test/databases.ts';
import { buildApp } from '../packages/server/src/app.ts';
import { serviceContext, type ServiceContext } from '../packages/server/src/context.ts';
import { bootstrapPlatform } from '../packages/server/src/services/platform/bootstrap-platform.ts';

export const PASSWORD = 'Pinggu2026bench';
const EDITION = 'db12-t1073-2021';

/** A browser-like client: keeps cookies, fetches the CSRF token, sends it on every write. */
export class Client {
  private cookies = new Map<string, string>();
  constructor(private base: string) {}

  /** The same session, sent to another server on the same database (a session lives in the database). */
  moveTo(base: string): this {
    this.base = base;
    return this;
  }

  /** The headers a write needs (for autocannon). */
  headers(): Record<string, string> {
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': this.cookies.get('cmmm_csrf') ?? '', 'content-type': 'application/json' };
  }

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; bytes: number }> {
    if (method !== 'GET' && !this.cookies.has('cmmm_csrf')) await this.request('GET', '/api/session');
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && this.cookies.has('cmmm_csrf')) headers['x-csrf-token'] = this.cookies.get('cmmm_csrf')!;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const eq = pair!.indexOf('=');
      const value = pair!.slice(eq + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(set)) this.cookies.delete(pair!.slice(0, eq));
      else this.cookies.set(pair!.slice(0, eq), value);
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    const json = (res.headers.get('content-type') ?? '').includes('json');
    return { status: res.status, body: (json && bytes.length ? JSON.parse(bytes.toString('utf8')) : null) as T, bytes: bytes.length };
  }

  get = <T = Record<string, unknown>>(path: string) => this.request<T>('GET', path);
  post = <T = Record<string, unknown>>(path: string, body: unknown = {}) => this.request<T>('POST', path, body);
  put = <T = Record<string, unknown>>(path: string, body: unknown) => this.request<T>('PUT', path, body);
}

/** The call answered with `status`, or an error naming the step. */
async function expectStatus<T>(step: string, reply: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const r = await reply;
  if (r.status !== status) throw new Error(`bench setup: ${step} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 400)}`);
  return r.body;
}

let serial = 0;
function creditCode(region: string): string {
  serial += 1;
  const first17 = `91${region}${String(Date.now() % 100_000).padStart(5, '0')}${String(serial).padStart(4, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

const day = (d: Date, plusDays: number) => new Date(d.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10);

/** Logs in with a one-time password and sets PASSWORD; answers the logged-in client. */
async function firstLogin(base: string, username: string, oneTimePassword: string): Promise<Client> {
  const client = new Client(base);
  await expectStatus(`login ${username}`, client.post('/api/auth/login', { username, password: oneTimePassword }));
  await expectStatus(`password ${username}`, client.post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: PASSWORD }), 204);
  return client;
}

export interface Login {
  username: string;
  client: Client;
}

export interface PreparedAssessment {
  id: string;
  url: string;
  enterprise: Login;
  /** The three raters: the lead, the member, the internal assessor. */
  raters: Login[];
  /** The requirements in scope, in the sheet's order. */
  scope: string[];
  /** A 五级 certificate of this enterprise (recorded as the platform issues one), for the PDF. */
  certificateNumber: string;
}

/** A fresh database cmmm_bench_<random> on the PostgreSQL server at `serverUrl`; drop() removes it. */
export async function throwawayDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cmmm_bench_${randomBytes(6).toString('hex')}`;
  await maintenance(serverUrl, `create database ${name}`);
  const at = new URL(serverUrl);
  at.pathname = `/${name}`;
  return { url: at.href, drop: () => maintenance(serverUrl, `drop database if exists ${name} with (force)`) };
}

/** BENCH_DATABASE_URL, else TEST_DATABASE_URL: a PostgreSQL server where the bench may create databases. */
export const benchServerUrl = (): string | undefined => process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;

export interface FormalBenchData {
  dataDir: string;
  /** The PostgreSQL database, or undefined for the embedded one in dataDir. */
  databaseUrl: string | undefined;
  /** Rated, submitted by all three, consensus on every requirement, evidence on every requirement. */
  sheet: PreparedAssessment;
  /** Rated by all three, nothing submitted: where ratings are saved. */
  saving: PreparedAssessment;
}

/**
 * Builds the data in the embedded database of `dataDir`, or in the PostgreSQL database at `databaseUrl`;
 * `whileOpen` runs on the open database before it is closed (in-process baselines).
 */
export async function prepareFormalBench<T>(
  where: { dataDir: string; databaseUrl?: string },
  whileOpen: (ctx: ServiceContext, data: FormalBenchData) => Promise<T>,
): Promise<{ data: FormalBenchData; extra: T }> {
  const { dataDir, databaseUrl } = where;
  const database: Database = await connectDatabase({ dataDir, databaseUrl });
  try {
    await migrateToLatest(database.db);
    const quiet = { info: () => {}, warn: () => {} };
    const ctx = serviceContext(database, quiet);
    const setup = await bootstrapPlatform(ctx);
    const app = await buildApp({ ctx, logLevel: 'silent', rateLimits: { register: 1000, login: 1000, reset: 1000, score: 1000, objection: 1000 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    let listening = true;
    const stop = async () => {
      if (listening) await app.close();
      listening = false;
    };
    try {
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const admin = await firstLogin(base, setup.admin!.username, setup.admin!.password);
      const today = new Date();

      const staff = async (role: 'assessor' | 'lead_assessor'): Promise<{ accountId: string; login: Login }> => {
        serial += 1;
        const username = `bench${role.replace('_', '')}${serial}`;
        const created = await expectStatus('staff account', admin.post<{ oneTimePassword: string; account: { id: string } }>('/api/admin/accounts', { username, displayName: '基准测试', role }), 201);
        return { accountId: created.account.id, login: { username, client: await firstLogin(base, username, created.oneTimePassword) } };
      };
      const GRADES = ['intro', 'assessor', 'lead_assessor', 'high_maturity_lead'] as const;
      const person = async (o: { grade: (typeof GRADES)[number]; name: string; bodyId?: string; enterpriseId?: string }) => {
        const id = randomUUID();
        const account = await staff(o.grade === 'lead_assessor' || o.grade === 'high_maturity_lead' ? 'lead_assessor' : 'assessor');
        await ctx.repos.assessors.insertAssessor({ id, name: o.name, mobile: '13900000000', bodyId: o.bodyId ?? null, enterpriseId: o.enterpriseId ?? null, accountId: account.accountId });
        for (const grade of GRADES.slice(0, GRADES.indexOf(o.grade) + 1)) {
          await ctx.repos.assessors.insertQualification({ id: randomUUID(), assessorId: id, grade, certificateNumber: `CMMM-${grade}-${id}`, issuingBody: '中国电子技术标准化研究院', obtainedOn: day(today, -700), validUntil: day(today, 1100), status: 'approved' });
        }
        return { id, ...account };
      };

      const bodyId = randomUUID();
      await ctx.repos.assessmentBodies.insertAssessmentBody({ id: bodyId, name: '苏州智能制造评估中心', creditCode: creditCode('320505'), regionCode: '320505', contactName: '赵经理', contactMobile: '13800000001' });
      const lead = await person({ grade: 'high_maturity_lead', name: '张主任', bodyId });
      const member = await person({ grade: 'assessor', name: '陈评估师', bodyId });

      const assessment = async (n: number): Promise<PreparedAssessment> => {
        // The enterprise, with a completed self-diagnosis (no tailoring) and a 三级 certificate two years old.
        const enterprise = new Client(base);
        const username = `benchqiye${n}`;
        const registered = await expectStatus(
          'registration',
          enterprise.post<{ enterprise: { id: string } }>('/api/auth/register', {
            account: { username, password: PASSWORD, mobile: `1390000100${n}` },
            enterprise: { name: `无锡精工智造科技有限公司${n}`, creditCode: creditCode('320214'), organisationType: 'independent', industryCode: '341', regionCode: '320214', enterpriseType: 'discrete', contactName: '王工', contactMobile: '13912345678' },
          }),
          201,
        );
        const enterpriseId = registered.enterprise.id;
        const diagnosisId = await completeSelfDiagnosis(enterprise);
        const issuedOn = day(today, -730);
        await ctx.repos.certificates.insertCertificate({ id: randomUUID(), enterpriseId, level: 3, certificateNumber: `CMMM-3-${issuedOn.replaceAll('-', '')}-BENCH${n}`, scope: '精密数控机床零部件', issuedOn, validUntil: day(today, 365) });
        const internal = await person({ grade: 'intro', name: '周内审', enterpriseId });

        // 申请 → 受理 → 评估组 → 计划 → 预评估 → 首次会议.
        const submitted = await expectStatus(
          'application',
          enterprise.post<{ id: string }>('/api/formal-assessments', {
            selfDiagnosisId: diagnosisId,
            assessmentType: 'predefined',
            targetLevel: 5,
            scope: '精密数控机床零部件的设计、生产、销售',
            notApplicable: [],
            sponsor: { name: '李明', title: '副总经理' },
            liaison: { name: '王工', mobile: '13912345678' },
            bodyId,
            leadAssessorId: lead.id,
            internalAssessorId: internal.id,
          }),
          201,
        );
        const url = `/api/formal-assessments/${submitted.id}`;
        const L = lead.login.client;
        await expectStatus('acceptance', L.post(`${url}/acceptance`, { accept: true, lawful: true, intelligentManufacturing: true }));
        await expectStatus('member', L.put(`${url}/team/${member.id}`, { teamRole: 'member' }));
        await expectStatus('internal', L.put(`${url}/team/${internal.id}`, { teamRole: 'internal' }));
        await expectStatus('lead declares', L.post(`${url}/team/${lead.id}/declaration`, { conflict: false }));
        await expectStatus('member declares', member.login.client.post(`${url}/team/${member.id}/declaration`, { conflict: false }));
        await expectStatus('internal declared', enterprise.post(`${url}/team/${internal.id}/declaration`, { conflict: false }));
        await expectStatus('team formation', L.post(`${url}/team/formation`));
        const team = [lead.id, member.id, internal.id];
        const plan = (startsOn: string, endsOn: string) => ({
          purpose: '验证企业满足标准要求的证据，确定成熟度等级',
          scope: '精密数控机床零部件的设计、生产、销售',
          tasks: '现场参观、系统演示、现场操作、收集评估证据',
          startsOn,
          endsOn,
          assessorIds: team,
          agenda: [{ date: startsOn, time: '09:00-12:00', activity: '首次会议、现场参观', assessorIds: team }],
        });
        const formalStarts = day(today, 14);
        await expectStatus('pre plan', L.put(`${url}/plans/pre`, plan(day(today, 4), day(today, 6))));
        await expectStatus('formal plan', L.put(`${url}/plans/formal`, plan(formalStarts, day(today, 28))));
        await expectStatus('pre plan confirmed', enterprise.post(`${url}/plans/pre/confirmation`, { version: 1 }));
        await expectStatus('formal plan confirmed', enterprise.post(`${url}/plans/formal/confirmation`, { version: 1 }));
        await expectStatus('pre-assessment', L.put(`${url}/pre-assessment`, { basicSituation: '企业已建成 ERP、MES', directEvidence: 'MES 生产报工记录', indirectEvidence: '智能制造规划文件', readinessFindings: '具备正式评估条件' }));
        await expectStatus('feasible', L.post(`${url}/pre-assessment/decision`, { decision: 'proceed' }));
        await expectStatus('first meeting', L.put(`${url}/first-meeting`, { heldOn: formalStarts, attendees: '评估组、企业', planConfirmed: true, agreedItems: '日程' }));
        const sheet = await expectStatus('working sheet', L.get<{ rows: { requirementId: string }[] }>(`${url}/working-sheet`));
        const scope = sheet.rows.map((r) => r.requirementId);

        // Evidence and the three raters' ratings on every requirement (a mix of grades, some 2 steps apart).
        const grades = ['FI', 'LI', 'PI', 'NI'] as const;
        const at = new Date();
        await database.db
          .insertInto('evidence')
          .values(scope.map((requirementId) => ({ id: randomUUID(), assessment_id: submitted.id, requirement_id: requirementId, method: 'document_review' as const, source: '生产部', collected_on: formalStarts, note: '制度与运行记录', created_by: member.accountId, created_at: at })))
          .execute();
        await database.db
          .insertInto('rating')
          .values(team.flatMap((assessorId, r) => scope.map((requirementId, i) => ({ assessment_id: submitted.id, assessor_id: assessorId, requirement_id: requirementId, grade: grades[(i + r) % 3]!, note: r === 0 && i % 7 === 0 ? '现场核实' : null, updated_at: at }))))
          .execute();
        const issuedOn5 = day(today, 0);
        const certificateNumber = `CMMM-5-${issuedOn5.replaceAll('-', '')}-${submitted.id.replaceAll('-', '').slice(0, 10).toUpperCase()}`;
        await ctx.repos.certificates.insertCertificate({ id: randomUUID(), enterpriseId, level: 5, certificateNumber, scope: '精密数控机床零部件的设计、生产、销售', issuedOn: issuedOn5, validUntil: day(today, 365 * 3 - 1), assessmentId: submitted.id, bodyId });
        const raters = [lead.login, member.login, internal.login];
        return { id: submitted.id, url, enterprise: { username, client: enterprise }, raters, scope, certificateNumber };
      };

      const sheet = await assessment(1);
      // Everyone submits; the lead records the consensus on every requirement.
      for (const assessorId of await teamOf(ctx, sheet.id)) await ctx.repos.formalRatings.submitRatings({ assessmentId: sheet.id, assessorId, at: new Date() });
      await database.db
        .insertInto('consensus_rating')
        .values(sheet.scope.map((requirementId, i) => ({ assessment_id: sheet.id, requirement_id: requirementId, grade: (['FI', 'LI', 'PI'] as const)[i % 3]!, note: '组内一致', finding: i % 3 === 2 ? '部分实现，需补充运行记录' : null, decided_by: lead.accountId, updated_at: new Date() })))
        .execute();
      const saving = await assessment(2);
      const data = { dataDir, databaseUrl, sheet, saving };
      await stop();
      return { data, extra: await whileOpen(ctx, data) };
    } finally {
      await stop();
    }
  } finally {
    await database.close();
  }
}

async function teamOf(ctx: ServiceContext, id: string): Promise<string[]> {
  return (await ctx.repos.formalAssessments.listTeam(id)).filter((m) => m.removed_at === null).map((m) => m.assessor_id);
}

/** A self-diagnosis taken to completion: 一级 LI, 二级 NI (so 一级 reached), nothing tailored. */
async function completeSelfDiagnosis(client: Client): Promise<string> {
  const edition = requireEdition(EDITION);
  const answersAt = (level: number, grade: string) =>
    Object.fromEntries(edition.elements.flatMap((e) => e.domains.flatMap((d) => d.subdomains.flatMap((s) => s.items.map((i) => [i.requirements.find((r) => r.level === level)!.id, grade])))));
  const { id } = await expectStatus('self-diagnosis', client.post<{ id: string }>('/api/self-diagnoses', { enterpriseType: 'discrete', tailored: [] }), 201);
  const survey = { employees: 320, revenueBand: '2000to40000', mainProducts: '精密数控机床零部件', productionMode: 'multi_variety_small_batch', informationSystems: ['ERP'], networkedEquipmentShare: 0, ncEquipmentShare: 40 };
  await expectStatus('survey', client.put(`/api/self-diagnoses/${id}/survey`, survey));
  await expectStatus('answers 1', client.put(`/api/self-diagnoses/${id}/answers`, { answers: answersAt(1, 'LI') }));
  await expectStatus('submit 1', client.post(`/api/self-diagnoses/${id}/submit`));
  await expectStatus('answers 2', client.put(`/api/self-diagnoses/${id}/answers`, { answers: answersAt(2, 'NI') }));
  await expectStatus('submit 2', client.post(`/api/self-diagnoses/${id}/submit`));
  return id;
}
