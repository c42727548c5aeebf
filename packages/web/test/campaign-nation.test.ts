// @vitest-environment happy-dom
// 新建推进活动 over a stubbed API: the platform admin's region picker offers 全国 before the provinces, and a
// campaign set for it goes out as regionCode null; a region admin's picker offers only its own region.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CampaignsPage } from '../src/pages/campaigns/CampaignsPage.tsx';
import { cleanUpAfterEach, json, notFound, renderAt, routed, sessionOf, stubFetch } from './render-with-api.ts';

const REGIONS = [{ code: '320000', name: '江苏省', children: [{ code: '320500', name: '苏州市', children: [] }] }];

function stubCampaignApi(role: 'platform_admin' | 'region_admin') {
  return stubFetch(({ url, method, body }) => {
    const u = new URL(url, 'http://x');
    if (url === '/api/session') return json(role === 'region_admin' ? { ...sessionOf(role), account: { ...sessionOf(role).account, regionCode: '320500' } } : sessionOf(role));
    if (u.pathname === '/api/campaigns' && method === 'POST') return json({ ...(body as object), id: 'c1', regionName: '全国', industryName: null, status: 'running', createdAt: '', updatedAt: '', closedAt: null }, 201);
    if (u.pathname === '/api/campaigns') return json({ campaigns: [] });
    if (u.pathname === '/api/reference/regions') return json({ regions: REGIONS });
    if (u.pathname.startsWith('/api/reference/provinces/')) return json({ province: REGIONS[0] });
    if (u.pathname === '/api/reference/industries') return json({ industries: [] });
    return notFound();
  });
}

/** The region picker's options as shown (top level, collapsed). */
const treeItems = () => within(screen.getByRole('tree')).queryAllByRole('treeitem').map((item) => item.textContent);

function typeDate(dialog: HTMLElement, label: string, day: string) {
  const input = within(dialog).getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value: day } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  fireEvent.blur(input);
}

describe('新建推进活动', () => {
  cleanUpAfterEach();

  it('offers the platform admin 全国 and sends a nation-wide campaign as regionCode null', async () => {
    const calls = stubCampaignApi('platform_admin');
    renderAt('/campaigns', routed('/campaigns', CampaignsPage), { withSession: true });
    fireEvent.click(await screen.findByRole('button', { name: '新建推进活动' }));
    const dialog = await screen.findByRole('dialog', { name: '新建推进活动' });
    fireEvent.change(within(dialog).getByLabelText('名称'), { target: { value: '全国自诊断推进' } });
    const region = within(dialog).getByLabelText('地区');
    fireEvent.mouseDown(region);
    await waitFor(() => expect(treeItems()).toEqual(['全国', '江苏省']));
    fireEvent.click(within(screen.getByRole('tree')).getByTitle('全国'));
    fireEvent.change(within(dialog).getByLabelText('目标企业数'), { target: { value: '500' } });
    typeDate(dialog, '开始日期', '2026-12-01');
    typeDate(dialog, '结束日期', '2026-12-31');
    fireEvent.click(within(dialog).getByRole('button', { name: '创建' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ title: '全国自诊断推进', target: 500, industryMajor: null, startsOn: '2026-12-01', endsOn: '2026-12-31', regionCode: null });
  }, 60_000);

  it('offers a region admin its own region, not the nation', async () => {
    stubCampaignApi('region_admin');
    renderAt('/campaigns', routed('/campaigns', CampaignsPage), { withSession: true });
    fireEvent.click(await screen.findByRole('button', { name: '新建推进活动' }));
    const dialog = await screen.findByRole('dialog', { name: '新建推进活动' });
    fireEvent.mouseDown(within(dialog).getByLabelText('地区'));
    await waitFor(() => expect(treeItems()).toEqual(['苏州市']));
  }, 60_000);
});
