// @vitest-environment happy-dom
// 推进活动 (/campaigns/:id) over a stubbed API: the progress (a count below 5 shown as such, its groups' table),
// the export of a follow-up list, which walks every page of the server's cursor into one CSV, and 编辑: the
// creating form filled with the campaign, its rules and messages, the PATCH it sends and the page reloaded.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CampaignProgress, FollowUpPage } from '../src/api.ts';
import { CampaignPage } from '../src/pages/campaigns/CampaignPage.tsx';
import { cleanUpAfterEach, json, notFound, renderAt, routed, sessionOf, stubFetch } from './render-with-api.ts';

// echarts needs a canvas; every chart's numbers are in its table, which is what is checked here
vi.mock('../src/components/Chart.tsx', () => ({ Chart: () => null }));

const ID = '00000000-0000-4000-8000-000000000001';
const suppressed = { value: null, suppressed: true };
const campaign: CampaignProgress = {
  id: ID,
  regionCode: '320500',
  regionName: '苏州市',
  title: '苏州市自诊断推进',
  target: 200,
  industryMajor: null,
  industryName: null,
  startsOn: '2026-10-01',
  endsOn: '2026-12-31',
  status: 'running',
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  closedAt: null,
  progress: {
    minGroupSize: 5,
    completed: { value: 12, suppressed: false },
    percent: 6,
    daysLeft: 36,
    today: '2026-11-26',
    byProvince: [],
    byCity: [],
    byCounty: [
      { code: '320583', name: '昆山市', completed: { value: 9, suppressed: false } },
      { code: '320506', name: '吴中区', completed: suppressed },
    ],
    byIndustry: [],
  },
};

const row = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  name: `企业${n}号`,
  creditCode: `91320583MA${String(n).padStart(7, '0')}X`,
  regionCode: '320583',
  regionPath: '江苏省 苏州市 昆山市',
  industryCode: '351',
  industryName: '采矿、冶金、建筑专用设备制造',
  contactName: '王工',
  contactMobile: '13912345678',
  registeredAt: '2026-11-01T00:00:00.000Z',
  lastCompletedAt: null,
});
const empty: FollowUpPage = { kind: 'stale', enterprises: [], next: null, total: 0, totalCapped: false };
// the never list: one page shown (20), the export walks two pages of 200 (by the cursor) and gets all three rows
const never = (after: string | null): FollowUpPage =>
  after === null ? { kind: 'never', enterprises: [row(1), row(2)], next: 'c2', total: 3, totalCapped: false } : { kind: 'never', enterprises: [row(3)], next: null, total: 3, totalCapped: false };

describe('the campaign page', () => {
  cleanUpAfterEach();

  it('shows the progress, hides counts below 5 and exports every page of a follow-up list as one CSV', async () => {
    const calls = stubFetch(({ url }) => {
      const u = new URL(url, 'http://x');
      if (url === '/api/session') return json(sessionOf('region_admin'));
      if (u.pathname === `/api/campaigns/${ID}`) return json(campaign);
      if (u.pathname === `/api/campaigns/${ID}/enterprises`) return json(u.searchParams.get('kind') === 'never' ? never(u.searchParams.get('after')) : empty);
      return notFound();
    });
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:x';
    });
    URL.revokeObjectURL = vi.fn();
    renderAt(`/campaigns/${ID}`, routed('/campaigns/:id', CampaignPage), { withSession: true });

    expect(await screen.findByRole('heading', { name: '苏州市自诊断推进', level: 1 })).toBeTruthy();
    expect(screen.getByTestId('cp-completed').textContent).toContain('12');
    const counties = screen.getByTestId('cp-by-county-table');
    expect(within(counties).getByRole('row', { name: /昆山市/ }).textContent).toContain('9');
    expect(within(counties).getByRole('row', { name: /吴中区/ }).textContent).toContain('不足 5 家');

    const list = screen.getByTestId('cp-never');
    await waitFor(() => expect(within(list).getByTestId('cp-never-total').textContent).toBe('共 3 家'));
    fireEvent.click(within(list).getByTestId('cp-never-csv'));
    await waitFor(() => expect(blobs.length).toBe(1));
    const csv = await blobs[0]!.text();
    expect(csv.split('\r\n').slice(1, 4).map((line) => line.split(',')[0])).toEqual(['企业1号', '企业2号', '企业3号']);
    const exported = calls.filter((c) => c.url.includes('pageSize=200'));
    expect(exported.map((c) => new URL(c.url, 'http://x').searchParams.get('after'))).toEqual([null, 'c2']);
  });

  it('edits a campaign in the form it was created with: filled in, checked with the same messages, saved and shown', async () => {
    let current = campaign;
    const calls = stubFetch(({ url, method, body }) => {
      const u = new URL(url, 'http://x');
      if (url === '/api/session') return json(sessionOf('region_admin'));
      if (u.pathname === `/api/campaigns/${ID}` && method === 'PATCH') {
        current = { ...current, ...(body as Partial<CampaignProgress>) };
        return json(current);
      }
      if (u.pathname === `/api/campaigns/${ID}`) return json(current);
      if (u.pathname === `/api/campaigns/${ID}/enterprises`) return json(empty);
      return notFound();
    });
    renderAt(`/campaigns/${ID}`, routed('/campaigns/:id', CampaignPage), { withSession: true });

    fireEvent.click(await screen.findByRole('button', { name: '编辑' }));
    const dialog = await screen.findByRole('dialog', { name: '编辑推进活动' });
    const name = within(dialog).getByLabelText('名称') as HTMLInputElement;
    const target = within(dialog).getByLabelText('目标企业数') as HTMLInputElement;
    await waitFor(() => expect(name.value).toBe('苏州市自诊断推进'));
    expect(target.value).toBe('200');
    expect(within(dialog).getByText('苏州市')).toBeTruthy(); // the region, fixed
    expect(within(dialog).queryByRole('combobox', { name: '地区' })).toBeNull();

    // the create form's rules: a name is required, the target a whole number above 0
    fireEvent.change(name, { target: { value: '  ' } });
    fireEvent.change(target, { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('请填写名称')).toBeTruthy();
    expect(await within(dialog).findByText('请选择目标企业数')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);

    fireEvent.change(name, { target: { value: '苏州市自诊断推进（二期）' } });
    fireEvent.change(target, { target: { value: '300' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH').length).toBe(1));
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({ title: '苏州市自诊断推进（二期）', target: 300, industryMajor: null, startsOn: '2026-10-01', endsOn: '2026-12-31' });
    expect(await screen.findByRole('heading', { name: '苏州市自诊断推进（二期）', level: 1 })).toBeTruthy();
    const shownTarget = screen.getByText('目标').closest('.ant-statistic')!;
    expect(shownTarget.textContent).toContain('300');
  }, 60_000); // a modal's form, filled twice: well past a few seconds on a busy 2-core machine

  it('shows a nation-wide campaign by province, and its cities one province at a time', async () => {
    const shown = (value: number) => ({ value, suppressed: false });
    const nation: CampaignProgress = {
      ...campaign,
      regionCode: null,
      regionName: '全国',
      title: '全国自诊断推进',
      progress: {
        ...campaign.progress,
        byProvince: [
          { code: '320000', name: '江苏省', completed: shown(16) },
          { code: '110000', name: '北京市', completed: shown(7) },
        ],
        byCity: [
          { code: '110100', name: '北京市市辖区', completed: shown(7) },
          { code: '320200', name: '无锡市', completed: suppressed },
          { code: '320500', name: '苏州市', completed: suppressed },
        ],
        byCounty: [],
      },
    };
    stubFetch(({ url }) => {
      const u = new URL(url, 'http://x');
      if (url === '/api/session') return json(sessionOf('platform_admin'));
      if (u.pathname === `/api/campaigns/${ID}`) return json(nation);
      if (u.pathname === `/api/campaigns/${ID}/enterprises`) return json(empty);
      return notFound();
    });
    renderAt(`/campaigns/${ID}`, routed('/campaigns/:id', CampaignPage), { withSession: true });

    const provinces = await screen.findByTestId('cp-by-province-table');
    expect(within(provinces).getByRole('row', { name: /江苏省/ }).textContent).toContain('16');
    expect(screen.queryByTestId('cp-by-county-table')).toBeNull();
    const cityNames = () => within(screen.getByTestId('cp-by-city-table')).getAllByRole('row').slice(1).map((r) => r.querySelector('td, th')?.textContent);
    expect(cityNames()).toEqual(['北京市市辖区', '无锡市', '苏州市']);
    fireEvent.mouseDown(screen.getByLabelText('省份'));
    fireEvent.click(await screen.findByTitle('江苏省'));
    await waitFor(() => expect(cityNames()).toEqual(['无锡市', '苏州市']));
  }, 60_000);
});
