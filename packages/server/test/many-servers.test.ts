// No hidden state: two real server processes on one PostgreSQL database, one browser's requests
// alternating between them. A revoked session is refused at once by the other server; rate limits,
// lock-outs and the monthly self-diagnosis limit are counted in the database, atomically.
import { sql, type Database } from '@cmmm/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_SURVEY, testDatabases, type Reply } from './harness.ts';
import { Browser, levelOneRequirements, registerEnterprise, startServer, TAILORED, until, type ServerProcess } from './server-process.ts';

type ErrorBody = { error: { code: string; message: string } };
type SessionBody = { account: { id: string; role: string } | null };

const ADMIN_PASSWORD = 'Guanli2026admin';
const postgres = testDatabases.find((d) => d.name === 'postgres');
const errorOf = (res: Reply) => [res.status, (res.body as ErrorBody | null)?.error?.code];

/** A fresh database on the TEST_DATABASE_URL server (dropped by close()), and its URL. */
async function urlOf(database: Database): Promise<string> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${rows[0]!.name}`;
  return url.href;
}

describe.runIf(postgres)('servers started at once on an empty PostgreSQL database', { timeout: 180_000 }, () => {
  it('all start, one of them creates the platform admin, all exit 0 on SIGTERM', async () => {
    const database = await postgres!.open();
    const started: PromiseSettledResult<ServerProcess>[] = [];
    try {
      const databaseUrl = await urlOf(database);
      started.push(...(await Promise.allSettled([1, 2, 3].map(() => startServer({ databaseUrl })))));
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual(['started', 'started', 'started']);
      const servers = started.map((s) => (s as PromiseFulfilledResult<ServerProcess>).value);
      // The admin's lines follow the ready line: wait for them, then count who printed them.
      await until(() => servers.some((s) => s.output().includes('one-time password:')) || undefined, 30_000, 'the admin\'s one-time password printed');
      expect(servers.filter((s) => s.output().includes('one-time password:'))).toHaveLength(1);
      expect(await Promise.all(servers.map((s) => s.stop()))).toEqual([0, 0, 0]);
    } finally {
      await Promise.allSettled(started.map((s) => s.status === 'fulfilled' && s.value.stop()));
      await database.close();
    }
  });
});

describe.runIf(postgres)('many servers on one PostgreSQL', { timeout: 180_000 }, () => {
  let database: Database;
  const servers: ServerProcess[] = [];
  let A = '';
  let B = '';
  /** The platform admin, logged in (on A) with its one-time password changed. */
  let admin: Browser;

  beforeAll(async () => {
    database = await postgres!.open();
    const databaseUrl = await urlOf(database);
    // The first migrates the empty database and creates the admin; the second finds both done.
    servers.push(await startServer({ databaseUrl, expectAdmin: true }));
    servers.push(await startServer({ databaseUrl }));
    [A, B] = servers.map((s) => s.url) as [string, string];
    admin = new Browser();
    expect((await admin.post(A, '/api/auth/login', { username: 'admin', password: servers[0]!.adminPassword })).status).toBe(200);
    expect((await admin.post(B, '/api/auth/password', { currentPassword: servers[0]!.adminPassword, newPassword: ADMIN_PASSWORD })).status).toBe(204);
  });
  afterAll(async () => {
    await Promise.allSettled(servers.map((s) => s.stop()));
    await database?.close();
  });

  /** Whom base takes this browser for (null: anonymous). */
  const whoOn = async (browser: Browser, base: string) => {
    const res = await browser.get<SessionBody>(base, '/api/session');
    expect(res.status).toBe(200);
    return res.body.account?.id ?? null;
  };

  async function staffAccount(role: 'assessor' | 'lead_assessor') {
    const username = `pinggu${Math.floor(Math.random() * 1e9)}`;
    const created = await admin.post<{ oneTimePassword: string; account: { id: string } }>(A, '/api/admin/accounts', { username, displayName: '测试', role });
    expect(created.status).toBe(201);
    const staff = new Browser();
    expect((await staff.post(B, '/api/auth/login', { username, password: created.body.oneTimePassword })).status).toBe(200);
    expect([await whoOn(staff, A), await whoOn(staff, B)]).toEqual([created.body.account.id, created.body.account.id]);
    return { staff, username, password: created.body.oneTimePassword, accountId: created.body.account.id };
  }

  it('one server creates the admin; both are ready', async () => {
    expect(servers[0]!.adminPassword).toBeTruthy();
    expect(servers[1]!.output()).not.toContain('one-time password');
    for (const base of [A, B]) {
      const ready = await new Browser().get(base, '/api/health/ready');
      expect([ready.status, ready.body]).toEqual([200, { status: 'ok', database: 'ok', pendingMigrations: [] }]);
      expect((await new Browser().get(base, '/api/health/live')).status).toBe(200);
    }
  });

  it('a session opened on A works on B; logging out on B ends it on A at once', async () => {
    const owner = new Browser();
    const { form, accountId } = await registerEnterprise(owner, B);
    const user = new Browser();
    expect((await user.post(A, '/api/auth/login', { username: form.account.username, password: form.account.password })).status).toBe(200);
    expect((await user.get(A, '/api/self-diagnoses')).status).toBe(200); // A has read the session
    expect(await whoOn(user, B)).toBe(accountId);
    const stale = user.copy(); // the cookies as they were: the session token itself is what must be dead
    expect((await user.post(B, '/api/auth/logout')).status).toBe(204);
    expect(errorOf(await stale.get(A, '/api/self-diagnoses'))).toEqual([401, 'NOT_AUTHENTICATED']);
    expect(await whoOn(stale, A)).toBeNull();
    expect(await whoOn(owner, A)).toBe(accountId); // the account's other session lives on
  });

  it('changing the password on A ends the account\'s other sessions on B at once, and keeps its own', async () => {
    const changer = new Browser();
    const { form, accountId } = await registerEnterprise(changer, A);
    const other = new Browser();
    expect((await other.post(B, '/api/auth/login', { username: form.account.username, password: form.account.password })).status).toBe(200);
    expect([await whoOn(other, A), await whoOn(other, B)]).toEqual([accountId, accountId]);
    const newPassword = 'Xinmima2027';
    expect((await changer.post(A, '/api/auth/password', { currentPassword: form.account.password, newPassword })).status).toBe(204);
    expect(errorOf(await other.get(B, '/api/self-diagnoses'))).toEqual([401, 'NOT_AUTHENTICATED']);
    expect(await whoOn(other, A)).toBeNull();
    expect([await whoOn(changer, B), await whoOn(changer, A)]).toEqual([accountId, accountId]);
    const login = new Browser();
    expect(errorOf(await login.post(B, '/api/auth/login', { username: form.account.username, password: form.account.password }))).toEqual([401, 'BAD_CREDENTIALS']);
    expect((await login.post(B, '/api/auth/login', { username: form.account.username, password: newPassword })).status).toBe(200);
  });

  it('an admin\'s lock or role change on A ends the account\'s sessions on B at once', async () => {
    const locked = await staffAccount('assessor');
    expect((await admin.patch(A, `/api/admin/accounts/${locked.accountId}`, { locked: true })).status).toBe(200);
    expect(await whoOn(locked.staff, B)).toBeNull();
    expect(await whoOn(locked.staff, A)).toBeNull();
    expect(errorOf(await new Browser().post(B, '/api/auth/login', { username: locked.username, password: locked.password }))).toEqual([423, 'ACCOUNT_DISABLED']);

    const promoted = await staffAccount('assessor');
    const patched = await admin.patch<{ role: string }>(A, `/api/admin/accounts/${promoted.accountId}`, { role: 'lead_assessor' });
    expect([patched.status, patched.body.role]).toEqual([200, 'lead_assessor']);
    expect(await whoOn(promoted.staff, B)).toBeNull();
    expect(await whoOn(promoted.staff, A)).toBeNull();
  });

  it('shares the login rate limit: 6 attempts on A and 6 on B from one address, the 11th and 12th are refused', async () => {
    const guesser = new Browser();
    const answers: unknown[] = [];
    for (let i = 0; i < 12; i++) {
      answers.push(errorOf(await guesser.post(i % 2 ? B : A, '/api/auth/login', { username: `nobody${Math.floor(Math.random() * 1e9)}`, password: 'Cuowu2026x' })));
    }
    expect(answers).toEqual([...Array(10).fill([401, 'BAD_CREDENTIALS']), [429, 'RATE_LIMITED'], [429, 'RATE_LIMITED']]);
    // per client address: another address is not refused
    expect(errorOf(await new Browser().post(B, '/api/auth/login', { username: 'nobody', password: 'Cuowu2026x' }))).toEqual([401, 'BAD_CREDENTIALS']);
  });

  it('10 concurrent wrong passwords for one account on both servers: exactly 5 are checked', async () => {
    const owner = new Browser();
    const { form, accountId } = await registerEnterprise(owner, A);
    const guesser = new Browser();
    await guesser.get(A, '/api/session'); // the CSRF cookie, before the concurrent writes
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => guesser.post(i % 2 ? B : A, '/api/auth/login', { username: form.account.username, password: `Cuowu2026x${i}` }).then(errorOf)),
    );
    // log-in.ts counts the attempt (per account and address) before checking the password: attempts
    // 1–4 are checked and answer BAD_CREDENTIALS, the 5th is checked and answers ACCOUNT_LOCKED,
    // attempts 6–10 answer ACCOUNT_LOCKED unchecked. Checked failures are counted per account.
    expect(answers.filter(([, code]) => code === 'BAD_CREDENTIALS')).toHaveLength(4);
    expect(answers.filter(([, code]) => code === 'ACCOUNT_LOCKED')).toEqual(Array(6).fill([423, 'ACCOUNT_LOCKED']));
    const counters = await database.db.selectFrom('rate_limit_counter').select(['key', 'hits']).where('key', 'in', [`login:${accountId}`, `login:${accountId}:${guesser.address}`]).orderBy('key').execute();
    expect(counters).toEqual([
      { key: `login:${accountId}`, hits: 5 },
      { key: `login:${accountId}:${guesser.address}`, hits: 10 },
    ]);
    // (that address has used its 10 logins a minute; the lock-out is per address:) the owner elsewhere still logs in
    expect(errorOf(await guesser.post(B, '/api/auth/login', { username: form.account.username, password: form.account.password }))).toEqual([429, 'RATE_LIMITED']);
    expect((await new Browser().post(B, '/api/auth/login', { username: form.account.username, password: form.account.password })).status).toBe(200);
  });

  it('holds the monthly limit and one diagnosis in progress with creations alternating and racing on both servers', async () => {
    const enterprise = new Browser();
    const { enterpriseId } = await registerEnterprise(enterprise, B);
    const create = (base: string) => enterprise.post<{ id: string }>(base, '/api/self-diagnoses', { enterpriseType: 'discrete', tailored: TAILORED });
    /** Creations racing, two on each server: the answers, and the one created. */
    const race = async () => {
      const answers = await Promise.all([A, B, A, B].map(create));
      return { codes: answers.map((r) => (r.status === 201 ? 201 : errorOf(r)[1])).sort(), created: answers.find((r) => r.status === 201)?.body.id };
    };
    /** Survey on one server, answers on the other, 提交 (all 未实现: not reached) on the first: completed. */
    const complete = async (id: string, first: string, second: string) => {
      expect((await enterprise.put(first, `/api/self-diagnoses/${id}/survey`, SAMPLE_SURVEY)).status).toBe(200);
      expect((await enterprise.put(second, `/api/self-diagnoses/${id}/answers`, { answers: Object.fromEntries(levelOneRequirements.map((r) => [r, 'NI'])) })).status).toBe(200);
      const submitted = await enterprise.post<{ completed: boolean }>(first, `/api/self-diagnoses/${id}/submit`);
      expect([submitted.status, submitted.body.completed]).toEqual([200, true]);
    };

    const first = await race();
    expect(first.codes).toEqual([201, 'SELF_DIAGNOSIS_IN_PROGRESS', 'SELF_DIAGNOSIS_IN_PROGRESS', 'SELF_DIAGNOSIS_IN_PROGRESS'].sort());
    expect(errorOf(await create(B))).toEqual([409, 'SELF_DIAGNOSIS_IN_PROGRESS']);
    await complete(first.created!, A, B);
    const second = await create(B);
    expect(second.status).toBe(201);
    expect(errorOf(await create(A))).toEqual([409, 'SELF_DIAGNOSIS_IN_PROGRESS']);
    await complete(second.body.id, B, A);
    const third = await race();
    expect(third.codes).toEqual(first.codes);
    await complete(third.created!, A, B);
    const fourth = await race();
    expect(fourth.codes).toEqual(Array(4).fill('SELF_DIAGNOSIS_LIMIT'));

    const list = await enterprise.get<{ diagnoses: unknown[]; quota: { used: number; remaining: number }; inProgressId: string | null }>(A, '/api/self-diagnoses');
    expect([list.body.diagnoses.length, list.body.quota.used, list.body.quota.remaining, list.body.inProgressId]).toEqual([3, 3, 0, null]);
    const stored = await database.db.selectFrom('assessment').select(['status']).where('enterprise_id', '=', enterpriseId).execute();
    expect(stored.map((r) => r.status)).toEqual(['completed', 'completed', 'completed']);
  });

  it('a 指数报告 job left by a server that died is taken over by a server starting, and any server answers it', async () => {
    const requester = (await admin.get<SessionBody>(A, '/api/session')).body.account!.id;
    const id = crypto.randomUUID();
    const at = new Date(Date.now() - 5 * 60_000);
    // as the dead server left it: its lease ran out during the first step
    await database.db
      .insertInto('index_report')
      .values({ id, kind: 'national', region: '', industry: null, scope: '全国', requested_by: requester, status: 'running', done_steps: 0, step: 'figures', created_at: at, updated_at: at, claimed_by: 'a-dead-server', lease_until: new Date(Date.now() - 60_000), attempts: 1 })
      .execute();
    // a server looks for such jobs as it starts (and every 30 s after)
    const C = await startServer({ databaseUrl: await urlOf(database) });
    try {
      const job = await until(async () => {
        const res = await admin.get<{ status: string; done: number }>(A, `/api/index-reports/${id}`);
        return res.body.status === 'running' ? undefined : res.body;
      }, 120_000, 'the job taken over and done');
      expect(job).toMatchObject({ status: 'done', done: 4 });
      expect((await admin.get(B, `/api/index-reports/${id}`)).body).toMatchObject({ status: 'done', fileName: 'ZS-national-CN' });
      const row = await database.db.selectFrom('index_report').select(['attempts', 'claimed_by', 'pdf']).where('id', '=', id).executeTakeFirstOrThrow();
      expect([row.attempts, row.claimed_by === 'a-dead-server', Buffer.from(row.pdf!).subarray(0, 5).toString()]).toEqual([2, false, '%PDF-']);
    } finally {
      expect(await C.stop(), C.output()).toBe(0);
    }
  });

  it('both servers drain and exit 0 on SIGTERM', async () => {
    for (const base of [A, B]) expect((await new Browser().get(base, '/api/health/ready')).status).toBe(200);
    const codes = await Promise.all(servers.map((s) => s.stop()));
    expect(codes, servers.map((s) => s.output()).join('\n---\n')).toEqual([0, 0]);
  });
});
