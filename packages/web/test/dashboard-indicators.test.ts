// @vitest-environment happy-dom
// 数据看板 · 调查问卷指标, 获证企业, 自评校准 over a stubbed API: each table shows the server's figures (a suppressed
// count says so), and each offers its CSV and Excel download.
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
const systems = (erp: number | null) => [
  { id: 'ERP', users: erp === null ? hidden : shown(erp), share: erp === null ? null : 60 },
  { id: 'MES', users: hidden, share: null },
];
const DASHBOARD: Dashboard = {
  region: { code: '320000', name: '江苏省', level: 'province' },
  path: [{ code: '320000', name: '江苏省', level: 'province' }],
  minGroupSize: 5,
  enterprises: shown(20),
  diagnoses: shown(20),
  months: [],
  levels: [0, 1, 2, 3, 4, 5].map((level) => ({ level, enterprises: hidden, share: null })),
  bands: (['upTo1', 'level2', 'level3', 'from4'] as const).map((band) => ({ band, label: band, enterprises: hidden, share: null })),
  industries: { top: [], suppressed: 0 },
  regions: { level: 'city', rows: [] },
  weakSubdomains: { enterprises: hidden, top: [], suppressed: 0, byIndustry: [], byRegion: [] },
  ...NO_INDICATORS,
  survey: {
    enterprises: shown(15),
    networked: 42.5,
    nc: 55,
    systems: systems(9),
    byIndustry: [{ code: '35', name: '专用设备制造业', enterprises: 15, networked: 42.5, nc: 55, systems: systems(9) }],
    byRegion: [],
    suppressedGroups: 2,
  },
  certified: {
    asOf: '2026-11-21',
    region: { code: '320000', name: '江苏省', levels: [hidden, shown(6), hidden, hidden, hidden, hidden], total: shown(8), published: shown(40) },
    byRegion: [{ code: '320500', name: '苏州市', levels: [hidden, shown(5), hidden, hidden, hidden, hidden], total: shown(5), published: shown(12) }],
  },
  calibration: {
    enterprises: shown(8),
    meanDifference: 0.63,
    optimistic: shown(5),
    optimisticShare: 62.5,
    distribution: [-1, 0, 1].map((difference) => ({ difference, enterprises: difference === 1 ? shown(5) : hidden, share: difference === 1 ? 62.5 : null })),
    byIndustry: [{ code: '35', name: '专用设备制造业', enterprises: 8, meanDifference: 0.63, optimistic: shown(5), optimisticShare: 62.5 }],
    byRegion: [],
    suppressedGroups: 1,
  },
};

const cells = (testId: string) => within(screen.getByTestId(testId)).getAllByRole('row').map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

cleanUpAfterEach();

describe('the indicators on the dashboard', () => {
  it('shows the survey, certified and calibration tables as the server gives them, each with CSV and Excel', async () => {
    stubFetch((call) => (call.url === '/api/session' ? json(sessionOf('platform_admin')) : call.url.startsWith('/api/dashboard') ? json(DASHBOARD) : notFound()));
    renderAt('/dashboard', createElement(DashboardPage), { withSession: true });
    expect(await screen.findByRole('heading', { name: '调查问卷指标', level: 2 })).toBeTruthy();
    expect(cells('dash-survey-table')).toEqual([
      ['信息系统', '使用企业数', '使用占比（%）'],
      ['ERP 企业资源计划', '9', '60.0'],
      ['MES 制造执行系统', '不足 5 家', '—'],
    ]);
    expect(cells('dash-survey-industries-table')[0]).toEqual(['行业大类', '企业数', '设备联网率平均值（%）', '关键工序数控化率平均值（%）', 'ERP', 'MES']);
    expect(cells('dash-survey-industries-table')[2]).toEqual(['专用设备制造业（35）', '15', '42.5', '55.0', '60.0', '—']);
    expect(screen.getByText('另有 2 个分组因不足 5 家企业未列出')).toBeTruthy();
    expect(cells('dash-certified-table')).toEqual([
      ['等级', '获证企业数'],
      ['一级', '不足 5 家'],
      ['二级', '6'],
      ['三级', '不足 5 家'],
      ['四级', '不足 5 家'],
      ['五级', '不足 5 家'],
      ['自定义评估', '不足 5 家'],
      ['合计', '8'],
      ['2022 年公布', '40'],
    ]);
    expect(cells('dash-certified-regions-table')[1]).toEqual(['苏州市', '不足 5 家', '5', '不足 5 家', '不足 5 家', '不足 5 家', '不足 5 家', '5', '12']);
    expect(cells('dash-calibration-table')).toEqual([
      ['等级差（自诊断 − 证书）', '企业数', '占比（%）'],
      ['-1', '不足 5 家', '—'],
      ['0', '不足 5 家', '—'],
      ['+1', '5', '62.5'],
    ]);
    expect(cells('dash-calibration-industries-table')[1]).toEqual(['专用设备制造业（35）', '8', '0.63', '5', '62.5']);
    for (const id of ['dash-survey', 'dash-survey-industries', 'dash-survey-regions', 'dash-certified', 'dash-certified-regions', 'dash-calibration', 'dash-calibration-industries']) {
      expect(screen.getByTestId(`${id}-csv`)).toBeTruthy();
      expect(screen.getByTestId(`${id}-xlsx`)).toBeTruthy();
    }
  });
});
