// Test harness: the app on a fresh database (embedded, and PostgreSQL when TEST_DATABASE_URL is set),
// listening on a real port, with a controllable clock and a small cookie-keeping client.
import type { RegisterRequest } from '@cmmm/contract';
import { migrateToLatest, type Database } from '@cmmm/db';
import { creditCodeCheckCharacter } from '@cmmm/reference';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { buildApp, type AppOptions } from '../src/app.ts';
import type { ContextOptions, Log, ServiceContext } from '../src/context.ts';
import { bootstrapPlatform } from '../src/services/platform/bootstrap-platform.ts';
import { serviceContext } from '../src/context.ts';

export { testDatabases } from '../../db/test/databases.ts';

export interface TestPlatform {
  base: string;
  app: FastifyInstance;
  ctx: ServiceContext;
  /** The database itself, for assertions on what was stored. */
  db: Database['db'];
  clock: { now: Date; advance(ms: number): void };
  admin: { username: string; password: string };
  close(): Promise<void>;
}

const quiet = { info: () => {}, warn: () => {} };

/** `context` adds to the service context (e.g. an SMS sender other than the outbox, a read replica, region maps, a log to read). */
export async function startPlatform(
  database: Database,
  options: Partial<AppOptions> = {},
  { log = quiet, ...context }: Pick<ContextOptions, 'sms' | 'reportingDatabase' | 'maps'> & { log?: Log } = {},
): Promise<TestPlatform> {
  await migrateToLatest(database.db);
  const clock = {
    now: new Date('2026-11-21T08:00:00Z'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const ctx = serviceContext(database, log, { ...context, now: () => clock.now });
  const setup = await bootstrapPlatform(ctx);
  const app = await buildApp({ ctx, rateLimits: { register: 1000, login: 1000, reset: 1000, score: 1000, objection: 1000 }, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return { base, app, ctx, db: database.db, clock, admin: setup.admin!, close: () => app.close() };
}

/**
 * A platform on a fresh database for the enclosing describe block, started before its tests and
 * closed after them. The returned object stands for the platform once it has started.
 */
export function usePlatform(open: () => Promise<Database>, options: Partial<AppOptions> = {}, context: Parameters<typeof startPlatform>[2] = {}): TestPlatform {
  let database: Database | undefined;
  let platform: TestPlatform | undefined;
  beforeAll(async () => {
    database = await open();
    platform = await startPlatform(database, options, context);
  });
  afterAll(async () => {
    await platform?.close();
    await database?.close();
  });
  return new Proxy({} as TestPlatform, {
    get: (_, key) => {
      if (!platform) throw new Error('the test platform is used before it started');
      return platform[key as keyof TestPlatform];
    },
  });
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like client: keeps cookies, fetches the CSRF token, sends it on every write. */
export class Client {
  private cookies = new Map<string, string>();
  constructor(private base: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, options: { csrf?: string | null; raw?: Uint8Array } = {}): Promise<Reply<T>> {
    if (method !== 'GET' && options.csrf === undefined && !this.cookies.has('cmmm_csrf')) await this.request('GET', '/api/session');
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = options.csrf === undefined ? this.cookies.get('cmmm_csrf') : options.csrf;
    if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.raw) headers['content-type'] = 'application/octet-stream';
    const res = await fetch(`${this.base}${path}`, { method, headers, body: options.raw ? Buffer.from(options.raw) : body === undefined ? undefined : JSON.stringify(body) });
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(set)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    if (!(res.headers.get('content-type') ?? 'application/json').includes('json')) return { status: res.status, body: new Uint8Array(await res.arrayBuffer()) as T, headers: res.headers };
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
  }

  /** A file sent as the raw body (application/octet-stream), as the pages upload evidence. */
  upload = <T = Record<string, unknown>>(path: string, bytes: Uint8Array) => this.request<T>('POST', path, undefined, { raw: bytes });

  get = <T = Record<string, unknown>>(path: string) => this.request<T>('GET', path);
  post = <T = Record<string, unknown>>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  patch = <T = Record<string, unknown>>(path: string, body?: unknown) => this.request<T>('PATCH', path, body ?? {});
}

let serial = 0;
/** A valid credit code, different on every call (region 320583 昆山市). */
export function newCreditCode(region = '320583'): string {
  serial += 1;
  const org = `${Date.now() % 100_000_000}`.padStart(8, '0').slice(-5) + `${serial}`.padStart(4, '0');
  const first17 = `91${region}${org.slice(0, 9)}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

export function registration(overrides: { account?: Partial<RegisterRequest['account']>; enterprise?: Partial<RegisterRequest['enterprise']>; subPlatformCode?: string } = {}): RegisterRequest {
  serial += 1;
  return {
    account: { username: `qiye${serial}${Math.floor(Math.random() * 1e6)}`, password: 'Zhizao2026', mobile: `139${String(serial).padStart(8, '0')}`, ...overrides.account },
    enterprise: {
      name: `昆山精密机械有限公司${serial}`,
      creditCode: newCreditCode(),
      organisationType: 'independent',
      industryCode: '351',
      regionCode: '320583',
      enterpriseType: 'discrete',
      contactName: '王工',
      contactMobile: '13912345678',
      ...overrides.enterprise,
    },
    ...(overrides.subPlatformCode ? { subPlatformCode: overrides.subPlatformCode } : {}),
  };
}

/** A client logged in as a new enterprise user. */
export async function registeredClient(p: TestPlatform, overrides: Parameters<typeof registration>[0] = {}) {
  const client = new Client(p.base);
  const form = registration(overrides);
  const res = await client.post<{ account: { id: string }; enterprise: { id: string } }>('/api/auth/register', form);
  if (res.status !== 201) throw new Error(`registration failed: ${JSON.stringify(res.body)}`);
  return { client, form, accountId: res.body.account.id, enterpriseId: res.body.enterprise.id };
}

const ADMIN_PASSWORD = 'Guanli2026admin';

/** A client logged in as the platform admin (who must change the one-time password first). */
export async function adminClient(p: TestPlatform): Promise<Client> {
  const client = new Client(p.base);
  const res = await client.post('/api/auth/login', { username: p.admin.username, password: p.admin.password });
  if (res.status !== 200) throw new Error(`admin login failed: ${JSON.stringify(res.body)}`);
  if ((res.body as { account: { mustChangePassword: boolean } }).account.mustChangePassword) {
    const changed = await client.post('/api/auth/password', { currentPassword: p.admin.password, newPassword: ADMIN_PASSWORD });
    if (changed.status !== 204) throw new Error(`admin password change failed: ${JSON.stringify(changed.body)}`);
    p.admin.password = ADMIN_PASSWORD;
  }
  return client;
}

/** A staff account of a role, created by the admin, logged in. */
export async function staffClient(p: TestPlatform, role: 'assessor' | 'lead_assessor' | 'agency_admin' | 'region_admin' | 'platform_admin', regionCode?: string, bodyId?: string) {
  const admin = await adminClient(p);
  serial += 1;
  const username = `${role.replace('_', '')}${serial}${Math.floor(Math.random() * 1e6)}`;
  // An agency admin manages one 评估机构: a new one unless the caller names it.
  if (role === 'agency_admin' && !bodyId) {
    const body = await admin.post<{ id: string }>('/api/assessment-bodies', { name: `测试评估机构${serial}${Math.floor(Math.random() * 1e6)}`, creditCode: newCreditCode('110108'), regionCode: '110108', contactName: '测试', contactMobile: '13800000000' });
    if (body.status !== 201) throw new Error(`body registration failed: ${JSON.stringify(body.body)}`);
    bodyId = body.body.id;
  }
  const created = await admin.post<{ oneTimePassword: string; account: { id: string } }>('/api/admin/accounts', { username, displayName: '测试', role, ...(regionCode ? { regionCode } : {}), ...(bodyId ? { bodyId } : {}) });
  if (created.status !== 201) throw new Error(`staff creation failed: ${JSON.stringify(created.body)}`);
  const client = new Client(p.base);
  const login = await client.post('/api/auth/login', { username, password: created.body.oneTimePassword });
  if (login.status !== 200) throw new Error(`staff login failed: ${JSON.stringify(login.body)}`);
  const changed = await client.post('/api/auth/password', { currentPassword: created.body.oneTimePassword, newPassword: 'Pinggu2026staff' });
  if (changed.status !== 204) throw new Error(`staff password change failed: ${JSON.stringify(changed.body)}`);
  return { client, accountId: created.body.account.id, bodyId: bodyId ?? null };
}

// ---- for the suites driven by the OpenAPI document (authorization matrix, fuzz)
// (imports here rather than above: this part was added after the rest; ES hoists them anyway)
import type { Survey } from '@cmmm/contract';
import { requireEdition } from '@cmmm/model';

/** A new session of an account whose password is not one-time. */
export async function loggedInClient(p: TestPlatform, username: string, password: string): Promise<Client> {
  const client = new Client(p.base);
  const login = await client.post('/api/auth/login', { username, password });
  if (login.status !== 200) throw new Error(`login of ${username} failed: ${JSON.stringify(login.body)}`);
  return client;
}

/** An anonymous browser that has fetched its CSRF token (so that its writes pass the CSRF check). */
export async function anonymousClient(p: TestPlatform): Promise<Client> {
  const client = new Client(p.base);
  await client.get('/api/session');
  return client;
}

export interface RawReply {
  status: number;
  contentType: string;
  text: string;
  /** The answer told the browser to forget its session (退出). */
  endsSession: boolean;
}

/**
 * One request exactly as given — the path as is (already encoded), the body as raw text — with the
 * cookies and CSRF token of `from` (none for null). Cookies the answer sets are ignored, so `from`
 * keeps its own session whatever the request does.
 */
export async function sendRaw(base: string, from: Client | null, method: string, path: string, body?: { text: string; contentType?: string }): Promise<RawReply> {
  const headers: Record<string, string> = {};
  const cookies = ['cmmm_session', 'cmmm_csrf', 'cmmm_device'].flatMap((name) => {
    const value = from?.cookie(name);
    return value ? [`${name}=${value}`] : [];
  });
  if (cookies.length) headers.cookie = cookies.join('; ');
  const csrf = from?.cookie('cmmm_csrf');
  if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  if (body?.contentType) headers['content-type'] = body.contentType;
  const res = await fetch(`${base}${path}`, { method, headers, body: body && method !== 'GET' ? body.text : undefined });
  const endsSession = res.headers.getSetCookie().some((c) => /^cmmm_session=(;|$)/.test(c) || (c.startsWith('cmmm_session=') && /expires=Thu, 01 Jan 1970/i.test(c)));
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text(), endsSession };
}

/** A self-diagnosis of the client's enterprise taken to completion (物流 tailored; 一级 reached, 二级 not). */
export async function completeSelfDiagnosis(client: Client): Promise<{ id: string; reportNumber: string }> {
  const edition = requireEdition('db12-t1073-2021');
  const tailored = ['M3'];
  const answersAt = (level: number, grade: string) =>
    Object.fromEntries(
      edition.elements.flatMap((e) =>
        e.domains.flatMap((d) => d.subdomains.filter((s) => !tailored.some((t) => s.id.startsWith(t))).flatMap((s) => s.items.map((i) => [i.requirements.find((r) => r.level === level)!.id, grade]))),
      ),
    );
  const created = await client.post<{ id: string }>('/api/self-diagnoses', { enterpriseType: 'discrete', tailored });
  if (created.status !== 201) throw new Error(`diagnosis creation failed: ${JSON.stringify(created.body)}`);
  const { id } = created.body;
  const steps = [
    () => client.request('PUT', `/api/self-diagnoses/${id}/survey`, SAMPLE_SURVEY),
    () => client.request('PUT', `/api/self-diagnoses/${id}/answers`, { answers: answersAt(1, 'LI') }),
    () => client.post(`/api/self-diagnoses/${id}/submit`),
    () => client.request('PUT', `/api/self-diagnoses/${id}/answers`, { answers: answersAt(2, 'NI') }),
    () => client.post(`/api/self-diagnoses/${id}/submit`),
  ];
  for (const step of steps) {
    const res = await step();
    if (res.status !== 200) throw new Error(`completing a diagnosis failed: ${JSON.stringify(res.body)}`);
  }
  const done = await client.get<{ status: string; reportNumber: string }>(`/api/self-diagnoses/${id}`);
  if (done.body.status !== 'completed') throw new Error(`the diagnosis did not complete: ${JSON.stringify(done.body)}`);
  return { id, reportNumber: done.body.reportNumber };
}

/** A valid 调查问卷. */
export const SAMPLE_SURVEY: Survey = {
  employees: 320,
  revenueBand: '2000to40000',
  mainProducts: '精密数控机床零部件',
  productionMode: 'multi_variety_small_batch',
  informationSystems: ['ERP'],
  networkedEquipmentShare: 0,
  ncEquipmentShare: 40,
};

/** The password staffClient gives the staff accounts it creates. */
export const STAFF_PASSWORD = 'Pinggu2026staff';

/**
 * A migrated database for the enclosing describe block, with `reset` (e.g. a truncate) run before each
 * test, for repository tests that need no platform around them.
 */
export function useMigratedDatabase(openMigrated: () => Promise<Database>, reset: { execute(db: Database['db']): Promise<unknown> }): { readonly db: Database['db'] } {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await openMigrated();
  });
  afterAll(() => database?.close());
  beforeEach(async () => {
    await reset.execute(database!.db);
  });
  return {
    get db() {
      if (!database) throw new Error('the test database is used before it opened');
      return database.db;
    },
  };
}

// ---- for the read-side suites (diagnosis results, dashboards): rows stored directly, as the completion stores them
import type { ScoreResult } from '@cmmm/model';
import { newId } from '../src/security/tokens.ts';
import { recordDiagnosisResult } from '../src/services/statistics/record-diagnosis-result.ts';

/** An enterprise row without an account, in a region and an industry. */
export async function insertEnterpriseRow(ctx: ServiceContext, e: { name: string; regionCode: string; industryCode: string }): Promise<string> {
  const id = newId();
  await ctx.repos.enterprises.insertEnterprise({
    id,
    name: e.name,
    creditCode: newCreditCode(e.regionCode),
    organisationType: 'independent',
    parentName: null,
    industryCode: e.industryCode,
    regionCode: e.regionCode,
    enterpriseType: 'discrete',
    contactName: '测试',
    contactMobile: '13800000000',
    subPlatformCode: null,
  });
  return id;
}

/** A completed self-diagnosis stored and recorded in one transaction, as the completion does; its id. */
export const storeCompletedDiagnosis = (ctx: ServiceContext, enterpriseId: string, result: ScoreResult, completedAt: Date, survey: Survey | null = null): Promise<string> =>
  ctx.transaction(async (tx) => {
    const assessmentId = newId();
    await tx.repos.assessments.insertCompletedAssessment({ id: assessmentId, enterpriseId, result, answers: {}, completedAt, survey });
    await recordDiagnosisResult(tx, { assessmentId, enterpriseId, completedAt, result, survey });
    return assessmentId;
  });
