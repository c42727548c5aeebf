// @vitest-environment happy-dom
// 公开统计 (/statistics) over a stubbed API, without a session: the nation's figures with suppressed cells
// said so, the method with k, the JSON link, the practice patterns and the policy library with its filter.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { PublicStatistics } from '../src/api.ts';
import { PublicStatisticsPage } from '../src/pages/statistics/PublicStatisticsPage.tsx';
import { policies } from '@cmmm/reference/policies';
import { cleanUpAfterEach, json, notFound, renderAt, stubFetch } from './render-with-api.ts';

vi.mock('../src/components/Chart.tsx', () => ({ Chart: () => null }));

const hidden = { value: null, suppressed: true };
const STATISTICS: PublicStatistics = {
  minGroupSize: 5,
  enterprises: { value: 9, suppressed: false },
  diagnoses: { value: 11, suppressed: false },
  levels: [0, 1, 2, 3, 4, 5].map((level) => (level === 1 ? { level, enterprises: { value: 5, suppressed: false }, share: 55.6 } : { level, enterprises: hidden, share: null })),
  bands: [
    { band: 'upTo1', label: '一级及以下', enterprises: { value: 5, suppressed: false }, share: 55.6 },
    { band: 'level2', label: '二级', enterprises: hidden, share: null },
    { band: 'level3', label: '三级', enterprises: hidden, share: null },
    { band: 'from4', label: '四级及以上', enterprises: hidden, share: null },
  ],
  industries: { top: [{ code: '13', name: '农副食品加工业', enterprises: 5, index: 21.37 }], suppressed: 1 },
  asOf: '2026-03-01T00:00:00.000Z',
  method: { index: '20 × S', groupIndex: '平均', rules: '第 9 章' },
};

cleanUpAfterEach();

describe('公开统计', () => {
  it('shows the nation\'s figures without login, suppressed cells said so, and the libraries', async () => {
    const calls = stubFetch((call) => (call.url === '/api/public/statistics' ? json(STATISTICS) : call.url === '/api/session' ? json({ account: null, csrfToken: 'x' }) : notFound()));
    renderAt('/statistics', createElement(PublicStatisticsPage));
    expect(await screen.findByRole('heading', { name: '公开统计', level: 1 })).toBeTruthy();
    const levels = await screen.findByTestId('dash-levels-table');
    const row = (name: string) => within(levels).getByRole('rowheader', { name }).closest('tr')!;
    expect(row('一级').textContent).toContain('55.6');
    expect(row('二级').textContent).toContain('不足 5 家');
    expect(within(screen.getByTestId('dash-industries-table')).getByText('21.37')).toBeTruthy();
    expect(screen.getByText(/另有 1 个行业大类/)).toBeTruthy();
    expect(screen.getByText(/显示指数 = 20 × S/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '/api/public/statistics' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /Excel 文件/ }).length).toBe(2);
    expect(calls.some((c) => c.url === '/api/dashboard')).toBe(false);

    expect(within(screen.getByTestId('pub-patterns')).getByText('设备全生命周期管理')).toBeTruthy();
    const table = screen.getByTestId('pub-policies-table');
    expect(within(table).getAllByRole('row').length).toBe(policies.length + 1);
    fireEvent.click(screen.getByRole('radio', { name: '五级' }));
    const withFive = policies.filter((p) => p.rewards.some((r) => r.levels.includes(5))).length;
    await waitFor(() => expect(within(screen.getByTestId('pub-policies-table')).getAllByRole('row').length).toBe(withFive + 1));
    expect(withFive).toBeLessThan(policies.length);
  });
});
