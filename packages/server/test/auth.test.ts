// 注册 / 登录 / 退出 / 忘记密码 through the real HTTP stack, on every test database.
import { describe, expect, it } from 'vitest';
import { adminClient, Client, registration, startPlatform, testDatabases, usePlatform } from './harness.ts';

type ErrorReply = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

describe.each(testDatabases)('accounts on the $name database', ({ open }) => {
  const p = usePlatform(open);

  describe('注册', () => {
    it('registers an enterprise and logs its user in', async () => {
      const client = new Client(p.base);
      const form = registration();
      const res = await client.post<{ account: { username: string; role: string }; enterprise: { name: string; regionPath: string; industryName: string; subPlatformCodes: string[] } }>('/api/auth/register', form);
      expect(res.status).toBe(201);
      expect(res.body.account).toMatchObject({ username: form.account.username, role: 'enterprise_user' });
      expect(res.body.enterprise.name).toBe(form.enterprise.name);
      expect(res.body.enterprise.regionPath).toContain('昆山市');
      expect(res.body.enterprise.subPlatformCodes).toContain('320583'); // located in 昆山: belongs to that sub-platform
      const session = await client.get<{ account: { username: string } | null }>('/api/session');
      expect(session.body.account?.username).toBe(form.account.username);
      expect(client.cookie('cmmm_session')).toBeTruthy();
    });

    it('refuses a credit code whose check character is wrong, with the licence guidance', async () => {
      const form = registration();
      const code = form.enterprise.creditCode;
      form.enterprise.creditCode = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
      const res = await new Client(p.base).post<ErrorReply>('/api/auth/register', form);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('CREDIT_CODE_CHECK');
      expect(res.body.error.issues?.[0]?.path).toBe('enterprise.creditCode');
    });

    it('refuses a duplicate credit code with seed 001 message and the way to recover', async () => {
      const form = registration();
      expect((await new Client(p.base).post('/api/auth/register', form)).status).toBe(201);
      const again = registration({ enterprise: { creditCode: form.enterprise.creditCode.toLowerCase() } });
      const res = await new Client(p.base).post<ErrorReply>('/api/auth/register', again);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('ENTERPRISE_EXISTS');
      expect(res.body.error.message).toContain('该企业已在平台注册过账户');
      expect(res.body.error.message).toContain('忘记密码');
      // Not even the masked mobile: it would tell a stranger who holds the account.
      expect(res.body.error.message).not.toMatch(/\d{3}\*\*\*\*\d{4}/);
    });

    it('lists every required field that is missing', async () => {
      const res = await new Client(p.base).post<ErrorReply>('/api/auth/register', { account: {}, enterprise: {} });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
      const paths = res.body.error.issues!.map((i) => i.path).sort();
      expect(paths).toEqual(
        [
          'account.mobile', 'account.password', 'account.username',
          'enterprise.contactMobile', 'enterprise.contactName', 'enterprise.creditCode', 'enterprise.enterpriseType',
          'enterprise.industryCode', 'enterprise.name', 'enterprise.organisationType', 'enterprise.regionCode',
        ].sort(),
      );
      for (const i of res.body.error.issues!) expect(i.message).toMatch(/[\u4e00-\u9fff]/); // Chinese messages
    });

    it('refuses over-long input', async () => {
      const res = await new Client(p.base).post<ErrorReply>('/api/auth/register', registration({ enterprise: { name: '很'.repeat(101) } }));
      expect(res.status).toBe(400);
      expect(res.body.error.issues?.[0]).toMatchObject({ path: 'enterprise.name' });
      expect(res.body.error.issues?.[0]?.message).toContain('100');
      const huge = await new Client(p.base).post<ErrorReply>('/api/auth/register', { padding: 'x'.repeat(2 * 1024 * 1024) });
      expect(huge.status).toBe(413);
    });

    it('registers a non-independent entity with its legal entity named, and requires that name', async () => {
      const parent = registration();
      expect((await new Client(p.base).post('/api/auth/register', parent)).status).toBe(201);
      const missing = await new Client(p.base).post<ErrorReply>('/api/auth/register', registration({ enterprise: { organisationType: 'plant', creditCode: parent.enterprise.creditCode } }));
      expect(missing.body.error.code).toBe('PARENT_REQUIRED');
      // a 车间·工厂 shares its legal entity's credit code
      const plant = registration({ enterprise: { organisationType: 'plant', creditCode: parent.enterprise.creditCode, parentName: parent.enterprise.name, name: '二号工厂' } });
      const res = await new Client(p.base).post<{ enterprise: { organisationType: string; parentName: string } }>('/api/auth/register', plant);
      expect(res.status).toBe(201);
      expect(res.body.enterprise).toMatchObject({ organisationType: 'plant', parentName: parent.enterprise.name });
      // the same plant twice is a duplicate
      const twice = await new Client(p.base).post<ErrorReply>('/api/auth/register', registration({ enterprise: { ...plant.enterprise } }));
      expect(twice.body.error.code).toBe('ENTERPRISE_EXISTS');
    });

    it('refuses an unknown industry or a region above county level, and a taken user name', async () => {
      const industry = await new Client(p.base).post<ErrorReply>('/api/auth/register', registration({ enterprise: { industryCode: '999' } }));
      expect(industry.body.error.code).toBe('UNKNOWN_INDUSTRY');
      const region = await new Client(p.base).post<ErrorReply>('/api/auth/register', registration({ enterprise: { regionCode: '320500' } }));
      expect(region.body.error.code).toBe('UNKNOWN_REGION');
      const first = registration();
      await new Client(p.base).post('/api/auth/register', first);
      const taken = await new Client(p.base).post<ErrorReply>('/api/auth/register', registration({ account: { username: first.account.username } }));
      expect([taken.status, taken.body.error.code]).toEqual([409, 'USERNAME_TAKEN']);
      expect(taken.body.error.issues?.[0]?.path).toBe('account.username');
    });

    it('records the sub-platform a registration came through', async () => {
      const res = await new Client(p.base).post<{ enterprise: { subPlatformCodes: string[] } }>('/api/auth/register', registration({ subPlatformCode: '110000' }));
      expect(res.body.enterprise.subPlatformCodes).toContain('110000');
    });
  });

  describe('登录 and lock-out', () => {
    it('logs in and out', async () => {
      const form = registration();
      await new Client(p.base).post('/api/auth/register', form);
      const client = new Client(p.base);
      const login = await client.post<{ account: { username: string } }>('/api/auth/login', { username: form.account.username.toUpperCase(), password: form.account.password });
      expect(login.status).toBe(200);
      expect(login.body.account.username).toBe(form.account.username);
      expect((await client.post('/api/auth/logout')).status).toBe(204);
      expect((await client.get<{ account: null }>('/api/session')).body.account).toBeNull();
    });

    it('changes the password, refusing a wrong current one', async () => {
      const form = registration();
      const client = new Client(p.base);
      await client.post('/api/auth/register', form);
      const wrong = await client.post<ErrorReply>('/api/auth/password', { currentPassword: 'Nope12345', newPassword: 'Xinmima2026' });
      expect([wrong.status, wrong.body.error.code, wrong.body.error.issues?.[0]?.path]).toEqual([400, 'WRONG_PASSWORD', 'currentPassword']);
      expect((await client.post('/api/auth/password', { currentPassword: form.account.password, newPassword: 'Xinmima2026' })).status).toBe(204);
      expect((await new Client(p.base).post('/api/auth/login', { username: form.account.username, password: 'Xinmima2026' })).status).toBe(200);
    });

    it('ends every other session of the account when the password changes, keeping the one that changed it', async () => {
      const form = registration();
      const here = new Client(p.base);
      await here.post('/api/auth/register', form);
      const elsewhere = new Client(p.base);
      expect((await elsewhere.post('/api/auth/login', { username: form.account.username, password: form.account.password })).status).toBe(200);
      expect((await here.post('/api/auth/password', { currentPassword: form.account.password, newPassword: 'Xinmima2026' })).status).toBe(204);
      expect((await elsewhere.get<{ account: null }>('/api/session')).body.account).toBeNull();
      expect((await here.get<{ account: { username: string } }>('/api/session')).body.account?.username).toBe(form.account.username);
    });

    it('counts failed logins atomically: of 10 concurrent guesses 5 are checked; the lock is per address, not on the account', async () => {
      const form = registration();
      await new Client(p.base).post('/api/auth/register', form);
      const guesses = await Promise.all(
        Array.from({ length: 10 }, (_, i) => new Client(p.base).post<ErrorReply>('/api/auth/login', { username: form.account.username, password: `Wrong${i}2345` })),
      );
      const codes = guesses.map((g) => g.body.error.code).sort();
      expect(codes).toEqual([...Array(6).fill('ACCOUNT_LOCKED'), ...Array(4).fill('BAD_CREDENTIALS')]); // 5 checked: the 5th failure locks
      // the same address is locked now; the account itself is not: a reset clears it, and so does an admin
      const admin = await adminClient(p);
      const account = (await admin.get<{ accounts: { id: string; locked: boolean }[] }>(`/api/admin/accounts?q=${form.account.username}`)).body.accounts[0]!;
      expect(account.locked).toBe(false);
      expect((await admin.patch(`/api/admin/accounts/${account.id}`, { locked: false })).status).toBe(200);
      expect((await new Client(p.base).post('/api/auth/login', { username: form.account.username, password: form.account.password })).status).toBe(200);
    });

    it('says the same for a wrong password and an unknown user', async () => {
      const form = registration();
      await new Client(p.base).post('/api/auth/register', form);
      const wrong = await new Client(p.base).post<ErrorReply>('/api/auth/login', { username: form.account.username, password: 'Wrong12345' });
      const unknown = await new Client(p.base).post<ErrorReply>('/api/auth/login', { username: 'nobody-here', password: 'Wrong12345' });
      expect([wrong.status, wrong.body.error]).toEqual([unknown.status, unknown.body.error]);
      expect(wrong.body.error.code).toBe('BAD_CREDENTIALS');
    });

    it('locks the account after 5 failures, even for the right password, for 15 minutes', async () => {
      const form = registration();
      await new Client(p.base).post('/api/auth/register', form);
      const client = new Client(p.base);
      const codes: string[] = [];
      for (let i = 0; i < 5; i++) codes.push((await client.post<ErrorReply>('/api/auth/login', { username: form.account.username, password: `Wrong${i}2345` })).body.error.code);
      expect(codes).toEqual(['BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'ACCOUNT_LOCKED']);
      const right = await client.post<ErrorReply>('/api/auth/login', { username: form.account.username, password: form.account.password });
      expect([right.status, right.body.error.code]).toEqual([423, 'ACCOUNT_LOCKED']);
      p.clock.advance(15 * 60_000 + 1);
      expect((await client.post('/api/auth/login', { username: form.account.username, password: form.account.password })).status).toBe(200);
    });
  });

  describe('忘记密码', () => {
    async function lastCode(mobile: string): Promise<string> {
      const admin = await adminClient(p);
      const outbox = await admin.get<{ messages: { mobile: string; body: string }[] }>('/api/admin/sms-outbox');
      const message = outbox.body.messages.find((m) => m.mobile === mobile);
      return /验证码为 (\d{6})/.exec(message!.body)![1]!;
    }

    it('resets the password with the code sent to the registered mobile; old sessions end', async () => {
      const form = registration();
      const owner = new Client(p.base);
      await owner.post('/api/auth/register', form);
      const anon = new Client(p.base);
      const sent = await anon.post<{ sentTo: string }>('/api/auth/password-reset/request', { mobile: form.account.mobile });
      expect(sent.body.sentTo).toBe(`${form.account.mobile.slice(0, 3)}****${form.account.mobile.slice(-4)}`);
      const code = await lastCode(form.account.mobile);
      const wrongCode = code === '000000' ? '111111' : '000000';
      expect((await anon.post<ErrorReply>('/api/auth/password-reset/confirm', { mobile: form.account.mobile, code: wrongCode, newPassword: 'Xinmima2026' })).body.error.code).toBe('RESET_CODE_INVALID');
      expect((await anon.post('/api/auth/password-reset/confirm', { mobile: form.account.mobile, code, newPassword: 'Xinmima2026' })).status).toBe(204);
      expect((await owner.get<{ account: null }>('/api/session')).body.account).toBeNull(); // logged out everywhere
      expect((await anon.post('/api/auth/login', { username: form.account.username, password: 'Xinmima2026' })).status).toBe(200);
      // a used code is spent
      expect((await anon.post<ErrorReply>('/api/auth/password-reset/confirm', { mobile: form.account.mobile, code, newPassword: 'Again2026x' })).body.error.code).toBe('RESET_CODE_INVALID');
    });

    it('finds the account by credit code too (seed 001 §3.2), answering only the masked mobile', async () => {
      const form = registration();
      await new Client(p.base).post('/api/auth/register', form);
      const sent = await new Client(p.base).post<{ sentTo: string; mobile?: string }>('/api/auth/password-reset/request', { creditCode: form.enterprise.creditCode });
      expect(sent.status).toBe(200);
      expect(sent.body.sentTo).toMatch(/^139\*\*\*\*\d{4}$/);
      expect(sent.body.mobile).toBeUndefined();
    });

    it('expires codes after 10 minutes; an unknown mobile gets the same answer and no SMS', async () => {
      const form = registration();
      await new Client(p.base).post('/api/auth/register', form);
      const anon = new Client(p.base);
      await anon.post('/api/auth/password-reset/request', { mobile: form.account.mobile });
      const code = await lastCode(form.account.mobile);
      p.clock.advance(10 * 60_000 + 1);
      expect((await anon.post<ErrorReply>('/api/auth/password-reset/confirm', { mobile: form.account.mobile, code, newPassword: 'Xinmima2026' })).body.error.code).toBe('RESET_CODE_INVALID');
      const registered = await anon.post<{ sentTo: string; mobile: string }>('/api/auth/password-reset/request', { mobile: form.account.mobile });
      const unknown = await anon.post<{ sentTo: string; mobile: string }>('/api/auth/password-reset/request', { mobile: '13000000000' });
      expect([unknown.status, Object.keys(unknown.body).sort()]).toEqual([registered.status, Object.keys(registered.body).sort()]);
      expect(unknown.body.sentTo).toBe('130****0000');
      const outbox = await (await adminClient(p)).get<{ messages: { mobile: string }[] }>('/api/admin/sms-outbox');
      expect(outbox.body.messages.some((m) => m.mobile === '13000000000')).toBe(false);
    });
  });

  describe('CSRF', () => {
    it('refuses state-changing requests without the token, or with a wrong one', async () => {
      const client = new Client(p.base);
      const none = await client.request<ErrorReply>('POST', '/api/auth/login', { username: 'x', password: 'y' }, { csrf: null });
      expect([none.status, none.body.error.code]).toEqual([403, 'CSRF']);
      await client.get('/api/session');
      const wrong = await client.request<ErrorReply>('POST', '/api/auth/register', registration(), { csrf: 'forged' });
      expect([wrong.status, wrong.body.error.code]).toEqual([403, 'CSRF']);
    });

    it('sets the session cookie httpOnly and SameSite', async () => {
      const client = new Client(p.base);
      await client.get('/api/session');
      const res = await fetch(`${p.base}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `cmmm_csrf=${client.cookie('cmmm_csrf')}`, 'x-csrf-token': client.cookie('cmmm_csrf')! },
        body: JSON.stringify(registration()),
      });
      const session = res.headers.getSetCookie().find((c) => c.startsWith('cmmm_session='))!;
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Lax/i);
    });
  });
});

describe('rate limits', () => {
  it('answer 429 RATE_LIMITED past the limit of registrations per minute', async () => {
    const database = await testDatabases[0]!.open();
    const p = await startPlatform(database, { rateLimits: { register: 3, login: 10, reset: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await new Client(p.base).post('/api/auth/register', registration())).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
      const limited = await new Client(p.base).post<ErrorReply>('/api/auth/register', registration());
      expect(limited.body.error.code).toBe('RATE_LIMITED');
      // password reset requests are limited too
      const resets: number[] = [];
      for (let i = 0; i < 4; i++) resets.push((await new Client(p.base).post('/api/auth/password-reset/request', { mobile: '13000000000' })).status);
      expect(resets.at(-1)).toBe(429);
    } finally {
      await p.close();
      await database.close();
    }
  });
});

