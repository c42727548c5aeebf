// @vitest-environment happy-dom
// 数据看板 · 问题短板 over a stubbed API: the weakest subdomains as a table (the chart's numbers), the weakest one
// per major class and per region below, each table with its CSV and Excel download; a suppressed count says so.
import { screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Dashboard } from '../src/api.ts';
import { DashboardPage } from '../src/pages/dashboard/DashboardPage.tsx';
import { NO_INDICATORS } from './dashboard-indicators-fixture.ts';
import { cleanUpAfterEach, json, notFound, renderAt, sessionOf, stubFetch } from './render-with-api.ts';

vi.mock('../src/components/Chart.tsx', () => ({ Chart: () => null }));

const hidden = { value: null, suppressed: true };
const shown = (value: number) => ({ value, suppressed: false });
const weakest = { id: 'M2-2', name: '计划与调度', enterprises: 12, below: shown(9), share: 75 };
const DASHBOARD: Dashboard = {
  region: { code: '320000', name: '江苏省', level: 'province' },
  path: [{ code: null, name: '全国', level: 'nation' }, { code: '320000', name: '江苏省', level: 'province' }],
  minGroupSize: 5,
  enterprises: shown(14),
  diagnoses: shown(20),
  months: [],
  levels: [0, 1, 2, 3, 4, 5].map((level) => ({ level, enterprises: level === 1 ? shown(12) : hidden, share: level === 1 ? 85.7 : null })),
  bands: (['upTo1', 'level2', 'level3', 'from4'] as const).map((band) => ({ band, label: band, enterprises: band === 'upTo1' ? shown(12) : hidden, share: band === 'upTo1' ? 85.7 : null })),
  industries: { top: [], suppressed: 2 },
  regions: { level: 'city', rows: [{ code: '320500', name: '苏州市', enterprises: shown(14), index: 21.5 }] },
  weakSubdomains: {
    enterprises: shown(12),
    top: [weakest, { id: 'T1-1', name: '数据', enterprises: 12, below: shown(5), share: 41.7 }],
    suppressed: 3,
    byIndustry: [{ code: '35', name: '专用设备制造业', enterprises: 7, weakest }],
    byRegion: [{ code: '320500', name: '苏州市', enterprises: 12, weakest: null }],
  },
  ...NO_INDICATORS,
};

cleanUpAfterEach();

describe('问题短板 on the dashboard', () => {
  it('shows the weakest subdomains, per industry and per region, with CSV and Excel', async () => {
    stubFetch((call) => (call.url === '/api/session' ? json(sessionOf('platform_admin')) : call.url.startsWith('/api/dashboard') ? json(DASHBOARD) : notFound()));
    renderAt('/dashboard', createElement(DashboardPage), { withSession: true });
    expect(await screen.findByRole('heading', { name: '问题短板', level: 2 })).toBeTruthy();
    const rows = within(screen.getByTestId('dash-weak-table')).getAllByRole('row').map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['能力子域', '低于 0.8 占比（%）', '低于 0.8 的企业数', '参评企业数'],
      ['M2-2 计划与调度', '75.0', '9', '12'],
      ['T1-1 数据', '41.7', '5', '12'],
    ]);
    expect(screen.getByText('另有 3 个能力子域因低于 0.8 的企业不足 5 家未列出')).toBeTruthy();
    expect(within(screen.getByTestId('dash-weak-industries-table')).getByRole('row', { name: /专用设备制造业（35）/ }).textContent).toContain('75.0');
    expect(within(screen.getByTestId('dash-weak-regions-table')).getByRole('row', { name: /苏州市/ }).textContent).toContain('—');
    for (const id of ['dash-weak', 'dash-weak-industries', 'dash-weak-regions']) {
      expect(screen.getByTestId(`${id}-csv`)).toBeTruthy();
      expect(screen.getByTestId(`${id}-xlsx`)).toBeTruthy();
    }
  });
});
