// @vitest-environment happy-dom
// 推进活动 (/campaigns/:id) over a stubbed API: the progress (a count below 5 shown as such, its groups' table),
// and the export of a follow-up list, which walks every page of the server's cursor into one CSV.
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
});
