// Services run on fake repositories as well as on both databases: the context is all they see.
// Here no database exists at all; a repository call the test did not expect fails the test.
import { describe, expect, it } from 'vitest';
import type { EnterpriseRow, SubPlatformRow } from '@cmmm/db';
import { createCaches } from '../src/caches.ts';
import type { ServiceContext } from '../src/context.ts';
import type { AppError } from '../src/errors.ts';
import type { Actor } from '../src/policy.ts';
import type { Repositories } from '../src/repositories/index.ts';
import { createStaffAccount } from '../src/services/admin/manage-accounts.ts';
import { readEnterprise } from '../src/services/enterprises/read-enterprises.ts';
import { updateSubPlatform } from '../src/services/sub-platforms/sub-platforms.ts';

type Fakes = { [K in keyof Repositories]?: Partial<Repositories[K]> };

function fakeContext(fakes: Fakes): ServiceContext {
  const unexpected = (repo: string) => new Proxy({}, { get: (_, fn) => () => Promise.reject(new Error(`unexpected call ${repo}.${String(fn)}`)) });
  const repos = new Proxy(fakes, {
    get: (target, repo: string) => new Proxy(target[repo as keyof Repositories] ?? {}, { get: (known, fn) => (known as Record<string | symbol, unknown>)[fn] ?? (unexpected(repo) as Record<string | symbol, unknown>)[fn] }),
  }) as unknown as Repositories;
  const ctx: ServiceContext = {
    repos,
    reporting: repos,
    transaction: (work) => work(ctx),
    concurrentDb: true,
    now: () => new Date('2026-11-21T08:00:00Z'),
    requestId: 'req-1',
    publicUrl: 'https://cmmm.example.cn',
    sms: { send: () => Promise.reject(new Error('no SMS expected')) },
    reports: { render: () => Promise.reject(new Error('no report expected')) },
    caches: createCaches(false),
    log: { info: () => {}, warn: () => {} },
    evidence: { store: { put: () => Promise.reject(new Error('no upload expected')), open: () => Promise.reject(new Error('no download expected')), has: () => Promise.resolve(false), delete: () => Promise.reject(new Error('no deletion expected')) }, maxBytes: 1 },
    scheme: { noticeDays: 7, certificateYears: 3 },
    serverId: 'server-1',
    maps: { find: () => Promise.reject(new Error('no region map expected')), read: () => Promise.reject(new Error('no region map expected')) },
  };
  return ctx;
}

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'OK', (err: AppError) => err.code);
const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({ id: `${role}-1`, role, enterpriseId: null, regionCode: null, ...extra });

const kunshanEnterprise = {
  id: 'e1', name: '昆山精密机械有限公司', credit_code: '91320583MA1XXXXXXX', organisation_type: 'independent', parent_name: null, industry_code: '351',
  region_code: '320583', enterprise_type: 'discrete', contact_name: '王工', contact_mobile: '13912345678', sub_platform_code: null, is_demo: false,
  created_at: new Date('2026-11-01T00:00:00Z'), province: '32', city: '3205', county: '320583',
} satisfies EnterpriseRow;

describe('services on fake repositories', () => {
  it('readEnterprise: inside the region it answers the view; outside it answers like a missing id; anonymous is refused before any read', async () => {
    const ctx = fakeContext({ enterprises: { findEnterpriseById: async (id: string) => (id === 'e1' ? kunshanEnterprise : undefined) } });
    const view = await readEnterprise(ctx, actor('region_admin', { regionCode: '320500' }), { id: 'e1' });
    expect(view).toMatchObject({ name: kunshanEnterprise.name, regionCode: '320583' });
    expect(await codeOf(readEnterprise(ctx, actor('region_admin', { regionCode: '110000' }), { id: 'e1' }))).toBe('NOT_FOUND');
    expect(await codeOf(readEnterprise(ctx, actor('platform_admin'), { id: 'nope' }))).toBe('NOT_FOUND');
    expect(await codeOf(readEnterprise(fakeContext({}), null, { id: 'e1' }))).toBe('NOT_AUTHENTICATED');
  });

  it('createStaffAccount: anyone but the platform admin is refused before a repository is touched', async () => {
    const ctx = fakeContext({});
    for (const role of ['region_admin', 'assessor', 'enterprise_user'] as const) {
      expect(await codeOf(createStaffAccount(ctx, actor(role), { username: 'pinggushi01', displayName: '李评估', role: 'assessor' }))).toBe('FORBIDDEN');
    }
  });

  it('updateSubPlatform: writes the change and one audit event with what was before and after, in the same transaction', async () => {
    const row: SubPlatformRow = { code: '320583', name: '昆山市', short_name: '昆山', theme_color: '#1677FF', logo_svg: null, created_at: new Date('2026-11-01T00:00:00Z') };
    const events: unknown[] = [];
    let transactions = 0;
    const base = fakeContext({
      subPlatforms: {
        findSubPlatform: async () => ({ ...row }),
        updateSubPlatform: async (_code: string, patch: { name?: string }) => void Object.assign(row, patch.name ? { name: patch.name } : {}),
      },
      auditEvents: { appendAuditEvent: async (event: unknown) => void events.push(event) as never },
    });
    const ctx: ServiceContext = { ...base, transaction: (work) => ((transactions += 1), work(ctx)) };
    const view = await updateSubPlatform(ctx, actor('region_admin', { regionCode: '320583' }), { code: '320583', patch: { name: '昆山市智能制造分平台' } });
    expect(view.name).toBe('昆山市智能制造分平台');
    expect(transactions).toBe(1);
    expect(events).toEqual([
      expect.objectContaining({ action: 'sub_platform.updated', subjectId: '320583', actorRole: 'region_admin', requestId: 'req-1', summary: { before: { name: '昆山市' }, after: { name: '昆山市智能制造分平台' }, logoChanged: false } }),
    ]);
    expect(await codeOf(updateSubPlatform(ctx, actor('region_admin', { regionCode: '110000' }), { code: '320583', patch: { name: 'x' } }))).toBe('FORBIDDEN');
  });
});
