// The authorization matrix: every endpoint × every role, including another enterprise's data and
// another region's, on every test database.
import { beforeAll, describe, expect, it } from 'vitest';
import { adminClient, Client, registeredClient, staffClient, testDatabases, usePlatform } from './harness.ts';

type Who = 'anonymous' | 'own enterprise' | 'other enterprise' | 'assessor' | 'lead assessor' | 'agency admin' | 'region admin (昆山)' | 'region admin (北京)' | 'platform admin';
const WHO: Who[] = ['anonymous', 'own enterprise', 'other enterprise', 'assessor', 'lead assessor', 'agency admin', 'region admin (昆山)', 'region admin (北京)', 'platform admin'];

describe.each(testDatabases)('authorization on the $name database', ({ open }) => {
  const p = usePlatform(open);
  const clients = {} as Record<Who, Client>;
  let enterpriseA = '';
  let someAccount = '';

  beforeAll(async () => {
    const own = await registeredClient(p, { enterprise: { regionCode: '320583' } });
    const other = await registeredClient(p, { enterprise: { regionCode: '110108' } });
    clients['other enterprise'] = other.client;
    enterpriseA = own.enterpriseId;
    // the admin endpoints act on a bystander, so no client's own session is touched
    someAccount = (await registeredClient(p, { enterprise: { regionCode: '440305' } })).accountId;
    clients.anonymous = new Client(p.base);
    clients['own enterprise'] = own.client;
    clients.assessor = (await staffClient(p, 'assessor')).client;
    clients['lead assessor'] = (await staffClient(p, 'lead_assessor')).client;
    clients['agency admin'] = (await staffClient(p, 'agency_admin')).client;
    clients['region admin (昆山)'] = (await staffClient(p, 'region_admin', '320583')).client;
    clients['region admin (北京)'] = (await staffClient(p, 'region_admin', '110000')).client;
    clients['platform admin'] = await adminClient(p);
  });

  // expected status per role, in WHO order
  const endpoints: { name: string; call: (c: Client) => Promise<{ status: number }>; expect: number[] }[] = [
    // a forbidden enterprise answers like a missing one (404): no probing for ids
    { name: 'GET /api/enterprises/:id (enterprise in 昆山)', call: (c) => c.get(`/api/enterprises/${enterpriseA}`), expect: [401, 200, 404, 404, 404, 404, 200, 404, 200] },
    { name: 'GET /api/enterprises', call: (c) => c.get('/api/enterprises'), expect: [401, 403, 403, 403, 403, 403, 200, 200, 200] },
    { name: 'GET /api/admin/accounts', call: (c) => c.get('/api/admin/accounts'), expect: [401, 403, 403, 403, 403, 403, 403, 403, 200] },
    {
      name: 'POST /api/admin/accounts',
      call: (c) => c.post('/api/admin/accounts', { username: `x${Math.floor(Math.random() * 1e9)}`, displayName: '新评估师', role: 'assessor' }),
      expect: [401, 403, 403, 403, 403, 403, 403, 403, 201],
    },
    { name: 'PATCH /api/admin/accounts/:id', call: (c) => c.patch(`/api/admin/accounts/${someAccount}`, { locked: false }), expect: [401, 403, 403, 403, 403, 403, 403, 403, 200] },
    { name: 'POST /api/admin/accounts/:id/one-time-password', call: (c) => c.post(`/api/admin/accounts/${someAccount}/one-time-password`), expect: [401, 403, 403, 403, 403, 403, 403, 403, 200] },
    { name: 'GET /api/admin/sms-outbox', call: (c) => c.get('/api/admin/sms-outbox'), expect: [401, 403, 403, 403, 403, 403, 403, 403, 200] },
    { name: 'PATCH /api/sub-platforms/320583 (昆山)', call: (c) => c.patch('/api/sub-platforms/320583', { themeColor: '#0f766e' }), expect: [401, 403, 403, 403, 403, 403, 200, 403, 200] },
    { name: 'GET /api/sub-platforms', call: (c) => c.get('/api/sub-platforms'), expect: [200, 200, 200, 200, 200, 200, 200, 200, 200] },
    { name: 'GET /api/session', call: (c) => c.get('/api/session'), expect: [200, 200, 200, 200, 200, 200, 200, 200, 200] },
    { name: 'GET /api/reference/industries', call: (c) => c.get('/api/reference/industries'), expect: [200, 200, 200, 200, 200, 200, 200, 200, 200] },
  ];

  it.each(endpoints)('$name', async ({ call, expect: expected }) => {
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const [i, who] of WHO.entries()) {
      got[who] = (await call(clients[who])).status;
      want[who] = expected[i]!;
    }
    expect(got).toEqual(want);
  });

  it('a region admin lists only the enterprises of its region', async () => {
    const kunshan = await clients['region admin (昆山)'].get<{ enterprises: { regionCode: string }[] }>('/api/enterprises');
    expect(kunshan.body.enterprises.length).toBeGreaterThan(0);
    expect(kunshan.body.enterprises.every((e) => e.regionCode.startsWith('320583'))).toBe(true);
    const beijing = await clients['region admin (北京)'].get<{ enterprises: { regionCode: string }[] }>('/api/enterprises');
    expect(beijing.body.enterprises.every((e) => e.regionCode.startsWith('11'))).toBe(true);
    expect(beijing.body.enterprises.length).toBeGreaterThan(0);
    // A search stays within the region: by name or credit code, LIKE wildcards as plain text.
    const one = kunshan.body.enterprises[0] as unknown as { name: string; creditCode: string };
    const byName = await clients['region admin (昆山)'].get<{ enterprises: { name: string }[]; total: number }>(`/api/enterprises?q=${encodeURIComponent(one.name)}`);
    expect(byName.body.enterprises.map((e) => e.name)).toContain(one.name);
    expect(byName.body.total).toBe(byName.body.enterprises.filter((e) => e.name.includes(one.name)).length);
    const byCode = await clients['platform admin'].get<{ enterprises: { creditCode: string }[] }>(`/api/enterprises?q=${one.creditCode.slice(4, 14)}`);
    expect(byCode.body.enterprises.map((e) => e.creditCode)).toEqual([one.creditCode]);
    expect((await clients['region admin (北京)'].get<{ total: number }>(`/api/enterprises?q=${encodeURIComponent(one.name)}`)).body.total).toBe(0);
    expect((await clients['platform admin'].get<{ total: number }>('/api/enterprises?q=%25')).body.total).toBe(0);
  });

  it('an unknown enterprise id is 404 for the platform admin, and malformed ids are refused', async () => {
    expect((await clients['platform admin'].get('/api/enterprises/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await clients['platform admin'].get('/api/enterprises/not-a-uuid')).status).toBe(400);
  });

  it('lists carry their total; a theme colour change recolours the generated logo', async () => {
    const accounts = await clients['platform admin'].get<{ accounts: unknown[]; total: number }>('/api/admin/accounts?pageSize=2');
    expect(accounts.body.accounts).toHaveLength(2);
    expect(accounts.body.total).toBeGreaterThanOrEqual(9);
    const before = await clients.anonymous.get<{ themeColor: string; logoSvg: string }>('/api/sub-platforms/310000');
    expect(before.body.logoSvg).toContain(`fill="${before.body.themeColor}"`);
    const after = await clients['platform admin'].patch<{ themeColor: string; logoSvg: string }>('/api/sub-platforms/310000', { themeColor: '#1B5E20' });
    expect(after.body.logoSvg).toContain('fill="#1B5E20"');
    expect(after.body.logoSvg).not.toContain(before.body.themeColor);
  });

  it('the last platform admin cannot demote itself', async () => {
    const me = await clients['platform admin'].get<{ account: { id: string } }>('/api/session');
    const res = await clients['platform admin'].patch<{ error: { code: string } }>(`/api/admin/accounts/${me.body.account.id}`, { role: 'assessor' });
    expect(res.body.error.code).toBe('LAST_PLATFORM_ADMIN');
  });
});
