// 推进活动 (issue 11 §5): a campaign's progress equals a recomputation from the raw rows (completions inside and
// outside the window, China time, and the region; an enterprise counted once), the follow-up lists are the
// region's enterprises that never completed a self-diagnosis and those whose valid result is older than 365
// days, keyset pages return every row once, and a region admin acts only on its own region; a nation-wide
// campaign (the platform admin's only) counts by province and city and lists follow-ups across the nation.
import { MIN_GROUP_SIZE } from '@cmmm/contract';
import { assess, DEFAULT_EDITION_ID, editionIndex, requireEdition, type Grade, type ScoreResult } from '@cmmm/model';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/policy.ts';
import { closeCampaign, createCampaign, updateCampaign } from '../src/services/campaigns/manage-campaigns.ts';
import { listFollowUp, progressOf, readCampaign } from '../src/services/campaigns/read-campaign.ts';
import { adminClient, insertEnterpriseRow, staffClient, storeCompletedDiagnosis, testDatabases, usePlatform } from './harness.ts';

// the actors' ids are accounts' (a campaign names who set it); a region admin of any region here (the policy reads regionCode)
const PLATFORM_ADMIN: Actor = { id: '', role: 'platform_admin', enterpriseId: null, regionCode: null };
const regionAdmin = (regionCode: string): Actor => ({ id: PLATFORM_ADMIN.id, role: 'region_admin', enterpriseId: null, regionCode });

function resultFor(target: number): ScoreResult {
  const answers: Record<string, Grade> = {};
  for (const { requirement: r, level } of editionIndex(requireEdition(DEFAULT_EDITION_ID)).requirements) answers[r.id] = level <= target ? 'FI' : 'NI';
  const scored = assess({ enterpriseType: 'discrete', tailored: [], answers });
  if (!scored.ok) throw new Error(scored.issues[0]!.message);
  return scored.value;
}

// the campaign: 苏州 (320500), 2026-10-01 … 2026-11-20 China time; the clock stands at 2026-11-21 16:00 China time
const WINDOW = { from: Date.parse('2026-10-01T00:00:00+08:00'), to: Date.parse('2026-11-21T00:00:00+08:00') };
const CAMPAIGN = { title: '苏州市自诊断推进', regionCode: '320500', target: 20, startsOn: '2026-10-01', endsOn: '2026-11-20' };
const INDUSTRIES = ['351', '352', '131'];

describe.each(testDatabases)('推进活动 on the $name database', ({ open }) => {
  const p = usePlatform(open);
  let campaignId = '';

  beforeAll(async () => {
    PLATFORM_ADMIN.id = (await p.db.selectFrom('account').select('id').where('role', '=', 'platform_admin').executeTakeFirstOrThrow()).id;
    const result = resultFor(2);
    let serial = 0;
    const enterprise = async (regionCode: string, industryCode = INDUSTRIES[serial % INDUSTRIES.length]!) =>
      insertEnterpriseRow(p.ctx, { name: `推进测试企业${(serial += 1)}`, regionCode, industryCode });
    const at = (iso: string) => new Date(iso);
    // inside the window: 7 in 昆山, 6 in 吴中 (one of them twice), 2 in 姑苏 (a hidden county); the window's edges
    for (let i = 0; i < 7; i++) await storeCompletedDiagnosis(p.ctx, await enterprise('320583'), result, at(`2026-10-${String(2 + i).padStart(2, '0')}T02:00:00Z`));
    for (let i = 0; i < 6; i++) {
      const id = await enterprise('320506');
      await storeCompletedDiagnosis(p.ctx, id, result, at(`2026-11-0${1 + i}T02:00:00Z`));
      if (i === 0) await storeCompletedDiagnosis(p.ctx, id, result, at('2026-11-10T02:00:00Z'));
    }
    await storeCompletedDiagnosis(p.ctx, await enterprise('320508'), result, at('2026-09-30T16:00:00Z')); // 10-01 00:00 China time: inside
    await storeCompletedDiagnosis(p.ctx, await enterprise('320508'), result, at('2026-11-20T15:59:59Z')); // 11-20 23:59:59: inside
    // outside: the day before and after (China time), another city, another province
    await storeCompletedDiagnosis(p.ctx, await enterprise('320583'), result, at('2026-09-30T15:59:59Z'));
    await storeCompletedDiagnosis(p.ctx, await enterprise('320583'), result, at('2026-11-20T16:00:00Z'));
    await storeCompletedDiagnosis(p.ctx, await enterprise('320214'), result, at('2026-10-10T02:00:00Z'));
    await storeCompletedDiagnosis(p.ctx, await enterprise('110108'), result, at('2026-10-10T02:00:00Z'));
    // stale: valid results before 2025-11-21 08:00 UTC (365 days before the clock); one renewed since; one just inside the year
    for (let i = 0; i < 5; i++) await storeCompletedDiagnosis(p.ctx, await enterprise(i % 2 ? '320583' : '320506'), result, at(`2025-0${3 + i}-15T02:00:00Z`));
    const renewed = await enterprise('320583');
    await storeCompletedDiagnosis(p.ctx, renewed, result, at('2025-01-15T02:00:00Z'));
    await storeCompletedDiagnosis(p.ctx, renewed, result, at('2026-06-15T02:00:00Z'));
    await storeCompletedDiagnosis(p.ctx, await enterprise('320583'), result, at('2025-11-21T08:00:01Z'));
    await storeCompletedDiagnosis(p.ctx, await enterprise('320214'), result, at('2025-02-15T02:00:00Z')); // 无锡: not 苏州's
    // never completed: 苏州's and others'
    for (let i = 0; i < 5; i++) await enterprise(['320583', '320506', '320508'][i % 3]!);
    await enterprise('110108');
    p.clock.now = new Date('2026-11-21T08:00:00Z');
    campaignId = (await createCampaign(p.ctx, regionAdmin('320500'), CAMPAIGN)).id;
  });

  /** Raw rows: every completed self-diagnosis with its enterprise's region and class. */
  const completions = async () =>
    (
      await sql<{ enterprise_id: string; completed_at: Date; region_code: string; industry_code: string }>`
        select a.enterprise_id, a.completed_at, e.region_code, e.industry_code
          from assessment a join enterprise e on e.id = a.enterprise_id
         where a.kind = 'self_diagnosis' and a.status = 'completed'`.execute(p.db)
    ).rows;

  it('counts each enterprise of the region once that completed inside the window (China time), by city, county and class', async () => {
    const inside = (await completions()).filter((r) => r.region_code.startsWith('3205') && r.completed_at.getTime() >= WINDOW.from && r.completed_at.getTime() < WINDOW.to);
    const distinct = (rows: typeof inside) => new Set(rows.map((r) => r.enterprise_id)).size;
    const by = (key: (r: (typeof inside)[number]) => string) => {
      const groups = new Map<string, typeof inside>();
      for (const r of inside) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
      return new Map([...groups].map(([k, rows]) => [k, distinct(rows)]));
    };
    const total = distinct(inside);
    expect(total).toBe(15); // 7 + 6 + 2, the one that completed twice once

    const counts = await p.ctx.repos.campaigns.countCompletedInWindow({ region: '3205', industryMajor: null, from: new Date(WINDOW.from), to: new Date(WINDOW.to) });
    const of = (group: string) => new Map(counts.filter((c) => c.group === group).map((c) => [c.key, c.enterprises]));
    expect(of('all')).toEqual(new Map([['', total]]));
    expect(of('city')).toEqual(by((r) => r.region_code.slice(0, 4)));
    expect(of('county')).toEqual(by((r) => r.region_code));
    expect(of('industry')).toEqual(by((r) => r.industry_code.slice(0, 2)));

    const read = await readCampaign(p.ctx, regionAdmin('320500'), { id: campaignId });
    expect(read.status).toBe('ended'); // the clock is on 11-21, the day after
    expect(read.progress.completed).toEqual({ value: total, suppressed: false });
    expect(read.progress.percent).toBe(Math.round((total / CAMPAIGN.target) * 1000) / 10);
    expect(read.progress.daysLeft).toBe(0);
    expect(read.progress.byCity).toEqual([]); // a city's campaign: its counties only
    // 姑苏 has 2 (< 5): hidden, and with it the smallest shown county (吴中, 6), else total − 昆山 would give it away
    expect(read.progress.byCounty).toEqual([
      { code: '320583', name: '昆山市', completed: { value: 7, suppressed: false } },
      { code: '320506', name: '吴中区', completed: { value: null, suppressed: true } },
      { code: '320508', name: '姑苏区', completed: { value: null, suppressed: true } },
    ]);
    for (const g of read.progress.byIndustry) {
      const n = by((r) => r.industry_code.slice(0, 2)).get(g.code)!;
      if (!g.completed.suppressed) expect(g.completed.value).toBe(n);
      if (n < MIN_GROUP_SIZE) expect(g.completed.suppressed).toBe(true);
    }

    // one major class only; and a province's campaign breaks down by city too
    const textiles = await p.ctx.repos.campaigns.countCompletedInWindow({ region: '3205', industryMajor: '35', from: new Date(WINDOW.from), to: new Date(WINDOW.to) });
    expect(textiles.find((c) => c.group === 'all')?.enterprises).toBe(distinct(inside.filter((r) => r.industry_code.startsWith('35'))));
    const jiangsu = await createCampaign(p.ctx, PLATFORM_ADMIN, { ...CAMPAIGN, regionCode: '320000', startsOn: '2026-11-21', endsOn: '2026-11-30' });
    const province = await readCampaign(p.ctx, PLATFORM_ADMIN, { id: jiangsu.id });
    expect(province.status).toBe('running');
    expect(province.progress.daysLeft).toBe(10);
    expect(province.progress.completed).toEqual({ value: null, suppressed: true }); // nobody yet: hidden below 5
    expect(province.progress.percent).toBeNull();
  });

  /** Every page of a follow-up list, as its ids in order, and the counted total. */
  async function walk(actor: Actor, kind: 'never' | 'stale', pageSize: number, id = campaignId) {
    const ids: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await listFollowUp(p.ctx, actor, { id, kind, after, pageSize });
      ids.push(...page.enterprises.map((e) => e.id));
      if (!page.next) return { ids, total: page.total, last: page };
      after = page.next;
    }
  }

  it('lists the region\'s enterprises that never completed a self-diagnosis, newest first, each once across keyset pages', async () => {
    const { rows } = await sql<{ id: string }>`
      select e.id from enterprise e
       where e.region_code like '3205%' and not exists (select 1 from assessment a where a.enterprise_id = e.id and a.status = 'completed')
       order by e.created_at desc, e.id desc`.execute(p.db);
    expect(rows.length).toBe(5);
    const listed = await walk(regionAdmin('320500'), 'never', 2);
    expect(listed.ids).toEqual(rows.map((r) => r.id));
    expect(listed.total).toBe(5);
  });

  it('lists those whose valid result is older than 365 days before now, oldest first, each once across keyset pages', async () => {
    const cutoff = p.clock.now.getTime() - 365 * 86_400_000;
    const latest = new Map<string, { completed_at: Date; region_code: string }>();
    for (const r of await completions()) if (!latest.has(r.enterprise_id) || latest.get(r.enterprise_id)!.completed_at < r.completed_at) latest.set(r.enterprise_id, r);
    const expected = [...latest]
      .filter(([, r]) => r.region_code.startsWith('3205') && r.completed_at.getTime() < cutoff)
      .sort(([a, x], [b, y]) => x.completed_at.getTime() - y.completed_at.getTime() || (a < b ? -1 : 1))
      .map(([id]) => id);
    expect(expected.length).toBe(5);
    const listed = await walk(regionAdmin('320500'), 'stale', 2);
    expect(listed.ids).toEqual(expected);
    expect(listed.total).toBe(5);
    const first = (await listFollowUp(p.ctx, PLATFORM_ADMIN, { id: campaignId, kind: 'stale', pageSize: 1 })).enterprises[0]!;
    expect(first.lastCompletedAt).toBe(latest.get(first.id)!.completed_at.toISOString());
    await expect(listFollowUp(p.ctx, PLATFORM_ADMIN, { id: campaignId, kind: 'stale', after: 'bm90IGEgY3Vyc29y', pageSize: 5 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('a region admin acts on its region and the regions inside it only', async () => {
    const kunshan = regionAdmin('320583');
    await expect(readCampaign(p.ctx, kunshan, { id: campaignId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listFollowUp(p.ctx, kunshan, { id: campaignId, kind: 'never', pageSize: 5 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(updateCampaign(p.ctx, kunshan, { id: campaignId, target: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createCampaign(p.ctx, kunshan, { ...CAMPAIGN, regionCode: '320500' })).rejects.toMatchObject({ code: 'CAMPAIGN_REGION_FORBIDDEN' });
    await expect(createCampaign(p.ctx, regionAdmin('110000'), { ...CAMPAIGN, regionCode: '320583' })).rejects.toMatchObject({ code: 'CAMPAIGN_REGION_FORBIDDEN' });
    const own = await createCampaign(p.ctx, kunshan, { ...CAMPAIGN, regionCode: '320583' });
    const listed = (await import('../src/services/campaigns/manage-campaigns.ts')).listCampaigns;
    expect((await listed(p.ctx, kunshan)).campaigns.map((c) => c.id)).toEqual([own.id]);
    expect((await listed(p.ctx, regionAdmin('320500'))).campaigns.map((c) => c.id)).toContain(own.id); // 苏州 sees 昆山's
    expect((await listed(p.ctx, regionAdmin('320500'))).campaigns.map((c) => c.regionCode).every((r) => r?.startsWith('3205'))).toBe(true);
    await expect(createCampaign(p.ctx, { id: 'e', role: 'enterprise_user', enterpriseId: 'x', regionCode: null }, CAMPAIGN)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses invalid campaigns over HTTP, audits the changes and freezes a closed one', async () => {
    const { client } = await staffClient(p, 'region_admin', '320583');
    const KUNSHAN = { ...CAMPAIGN, regionCode: '320583' };
    const post = (body: Record<string, unknown>) => client.post<{ error: { code: string; issues: { path: string }[] } }>('/api/campaigns', { ...KUNSHAN, ...body });
    const endBeforeStart = await post({ startsOn: '2026-12-01', endsOn: '2026-11-30' });
    expect(endBeforeStart.status).toBe(400);
    expect(endBeforeStart.body.error.issues.map((i) => i.path)).toEqual(['endsOn']);
    for (const target of [0, -3, 1.5]) {
      const bad = await post({ target });
      expect(bad.status).toBe(400);
      expect(bad.body.error.issues.map((i) => i.path)).toEqual(['target']);
    }
    expect((await post({ regionCode: '320500' })).body.error.code).toBe('CAMPAIGN_REGION_FORBIDDEN'); // 苏州 contains 昆山, not the reverse
    expect((await post({ regionCode: '110000' })).status).toBe(403);
    expect((await post({ industryMajor: '99' })).body.error.issues.map((i) => i.path)).toEqual(['industryMajor']);

    const created = await client.post<{ id: string; status: string }>('/api/campaigns', { ...KUNSHAN, industryMajor: '35' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const startAfterEnd = await client.patch<{ error: { code: string; issues: { path: string }[] } }>(`/api/campaigns/${id}`, { startsOn: '2026-12-01' });
    expect(startAfterEnd.status).toBe(400);
    expect(startAfterEnd.body.error.issues.map((i) => i.path)).toEqual(['startsOn']);
    const updated = await client.patch<{ target: number; industryMajor: string | null }>(`/api/campaigns/${id}`, { target: 30, industryMajor: null });
    expect(updated.body).toMatchObject({ target: 30, industryMajor: null });
    expect((await client.post<{ status: string }>(`/api/campaigns/${id}/close`)).body.status).toBe('closed');
    expect((await client.patch<{ error: { code: string } }>(`/api/campaigns/${id}`, { target: 31 })).body.error.code).toBe('CAMPAIGN_CLOSED');
    expect((await client.post<{ error: { code: string } }>(`/api/campaigns/${id}/close`)).status).toBe(409);
    const read = await client.get<{ progress: { daysLeft: number } }>(`/api/campaigns/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.progress.daysLeft).toBe(0);

    const events = await p.db.selectFrom('audit_event').select(['action', 'summary']).where('subject_type', '=', 'campaign').where('subject_id', '=', id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['campaign.created', 'campaign.updated', 'campaign.closed']);
    expect(events[1]!.summary).toEqual({ target: 30, industryMajor: null });

    // the platform admin sees every region's campaigns
    const admin = await adminClient(p);
    const all = await admin.get<{ campaigns: { id: string }[] }>('/api/campaigns');
    expect(all.body.campaigns.map((c) => c.id)).toContain(id);
    await closeCampaign(p.ctx, PLATFORM_ADMIN, { id: campaignId });
  });
  it('a nation-wide campaign counts every province, its cities hidden within their province, and lists follow-ups nation-wide; the platform admin\'s only', async () => {
    // 北京 gets 6 more inside the window (7 in all): 江苏 16 and 北京 7 are shown; within 江苏, 无锡's 1 is hidden and with it 苏州
    for (let i = 0; i < 6; i++) {
      const id = await insertEnterpriseRow(p.ctx, { name: `北京推进测试企业${i}`, regionCode: i < 4 ? '110108' : '110105', industryCode: '351' });
      await storeCompletedDiagnosis(p.ctx, id, resultFor(2), new Date(`2026-10-1${i}T02:00:00Z`));
    }
    const nation = await createCampaign(p.ctx, PLATFORM_ADMIN, { ...CAMPAIGN, title: '全国自诊断推进', regionCode: null, target: 100 });
    expect(nation).toMatchObject({ regionCode: null, regionName: '全国' });

    const inside = (await completions()).filter((r) => r.completed_at.getTime() >= WINDOW.from && r.completed_at.getTime() < WINDOW.to);
    const distinctBy = (key: (r: (typeof inside)[number]) => string) => {
      const groups = new Map<string, Set<string>>();
      for (const r of inside) groups.set(key(r), (groups.get(key(r)) ?? new Set()).add(r.enterprise_id));
      return new Map([...groups].map(([k, ids]) => [k, ids.size]));
    };
    const total = new Set(inside.map((r) => r.enterprise_id)).size;
    expect(total).toBe(23);
    const counts = await p.ctx.repos.campaigns.countCompletedInWindow({ region: '', industryMajor: null, from: new Date(WINDOW.from), to: new Date(WINDOW.to) });
    const of = (group: string) => new Map(counts.filter((c) => c.group === group).map((c) => [c.key, c.enterprises]));
    expect(of('all')).toEqual(new Map([['', total]]));
    expect(of('province')).toEqual(distinctBy((r) => r.region_code.slice(0, 2)));
    expect(of('city')).toEqual(distinctBy((r) => r.region_code.slice(0, 4)));

    const read = await readCampaign(p.ctx, PLATFORM_ADMIN, { id: nation.id });
    expect(read.progress.completed).toEqual({ value: total, suppressed: false });
    expect(read.progress.percent).toBe(23);
    expect(read.progress.byProvince).toEqual([
      { code: '320000', name: '江苏省', completed: { value: 16, suppressed: false } },
      { code: '110000', name: '北京市', completed: { value: 7, suppressed: false } },
    ]);
    const city = (code: string) => read.progress.byCity.find((g) => g.code === code)?.completed;
    expect(city('110100')).toEqual({ value: 7, suppressed: false });
    expect(city('320200')).toEqual({ value: null, suppressed: true }); // 1 enterprise
    expect(city('320500')).toEqual({ value: null, suppressed: true }); // else 江苏 − 苏州 would give 无锡 away
    expect(read.progress.byCounty).toEqual([]);

    // follow-ups across the nation, each once across keyset pages, in the lists' orders
    const never = await sql<{ id: string }>`
      select e.id from enterprise e where not exists (select 1 from assessment a where a.enterprise_id = e.id and a.status = 'completed')
       order by e.created_at desc, e.id desc`.execute(p.db);
    expect(never.rows.length).toBe(6); // 苏州's 5 and 北京's 1
    expect((await walk(PLATFORM_ADMIN, 'never', 4, nation.id)).ids).toEqual(never.rows.map((r) => r.id));
    const stale = await sql<{ enterprise_id: string }>`
      select d.enterprise_id from diagnosis_result d where d.valid and d.completed_at < ${new Date(p.clock.now.getTime() - 365 * 86_400_000)}
       order by d.completed_at, d.enterprise_id`.execute(p.db);
    expect(stale.rows.length).toBe(6); // 苏州's 5 and 无锡's 1
    const listed = await walk(PLATFORM_ADMIN, 'stale', 4, nation.id);
    expect(listed.ids).toEqual(stale.rows.map((r) => r.enterprise_id));
    expect(listed.total).toBe(6);

    // a region admin may neither set nor see a nation-wide campaign
    const suzhou = regionAdmin('320500');
    await expect(createCampaign(p.ctx, suzhou, { ...CAMPAIGN, regionCode: null })).rejects.toMatchObject({ code: 'CAMPAIGN_REGION_FORBIDDEN' });
    await expect(readCampaign(p.ctx, suzhou, { id: nation.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(updateCampaign(p.ctx, suzhou, { id: nation.id, target: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { listCampaigns } = await import('../src/services/campaigns/manage-campaigns.ts');
    expect((await listCampaigns(p.ctx, suzhou)).campaigns.map((c) => c.id)).not.toContain(nation.id);
    expect((await listCampaigns(p.ctx, PLATFORM_ADMIN)).campaigns.map((c) => c.id)).toContain(nation.id);
    const { client } = await staffClient(p, 'region_admin', '320583');
    const refused = await client.post<{ error: { code: string } }>('/api/campaigns', { ...CAMPAIGN, regionCode: null });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('CAMPAIGN_REGION_FORBIDDEN');
    const admin = await adminClient(p);
    const created = await admin.post<{ regionCode: string | null }>('/api/campaigns', { ...CAMPAIGN, regionCode: null });
    expect(created.status).toBe(201);
    expect(created.body.regionCode).toBeNull();
  });
});

describe('a campaign\'s regions, hidden within their parent', () => {
  it('hides a city\'s shown county beside its one hidden county, though the province\'s other counties would cover it', () => {
    // 江苏 20: 苏州 12 (昆山 10, 吴中 2), 无锡 8 (江阴 8). Hidden against the province alone, 吴中 and 江阴 would go and
    // 昆山 stay shown: 苏州 − 昆山 = 吴中. Within 苏州, 昆山 goes with 吴中; 无锡's 江阴 stays.
    const n = (group: 'all' | 'city' | 'county', key: string, enterprises: number) => ({ group, key, enterprises });
    const counts = [n('all', '', 20), n('city', '3205', 12), n('city', '3202', 8), n('county', '320583', 10), n('county', '320506', 2), n('county', '320281', 8)];
    const shown = (groups: { code: string; completed: { value: number | null } }[]) => Object.fromEntries(groups.map((g) => [g.code, g.completed.value]));
    const progress = progressOf('32', 100, counts);
    expect(shown(progress.byCity)).toEqual({ '320500': 12, '320200': 8 });
    expect(shown(progress.byCounty)).toEqual({ '320583': null, '320506': null, '320281': 8 });
    // a hidden city hides its counties, whatever they count
    const hiddenCity = progressOf('32', 100, [n('all', '', 14), n('city', '3205', 10), n('city', '3202', 4), n('county', '320583', 5), n('county', '320506', 5), n('county', '320281', 4)]);
    expect(shown(hiddenCity.byCity)).toEqual({ '320500': null, '320200': null });
    expect(shown(hiddenCity.byCounty)).toEqual({ '320583': null, '320506': null, '320281': null });
  });
});
