// @vitest-environment happy-dom
// 信息查询 · 获证企业: the first tab of /directory, over a stubbed API.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DirectoryPage } from '../src/pages/directory/DirectoryPage.tsx';
import type { RegistryDistribution, RegistryEntry, RegistryPage } from '../src/pages/registry/registry-api.ts';
import { cleanUpAfterEach, json, notFound, renderAt, stubFetch } from './render-with-api.ts';

// The picture needs a canvas; its numbers are what is checked here.
vi.mock('../src/components/Chart.tsx', () => ({ Chart: () => null }));

const publishedEntry: RegistryEntry = {
  id: 'practice_report_2022:12',
  source: 'practice_report_2022',
  enterpriseName: '广西华谊能源化工有限公司',
  creditCode: null,
  regionCode: '450000',
  provinceName: '广西壮族自治区',
  cityName: null,
  regionName: '广西壮族自治区',
  industryCode: null,
  industryName: null,
  level: 4,
  capability: null,
  scope: '醋酸、乙二醇、甲醇等煤制液体燃料的设计（工艺设计）、生产和物流',
  certificateNumber: null,
  issuedOn: null,
  validUntil: null,
  year: 2022,
  bodyId: null,
  bodyName: null,
  status: 'published',
  published: { rowNo: 12, provinceName: '广西壮族自治区', cityName: '广西壮族自治区' },
};
const platformEntry: RegistryEntry = {
  ...publishedEntry,
  id: 'certificate:c1',
  source: 'platform',
  enterpriseName: '昆山精密机械有限公司',
  creditCode: '91320583MA1XXXXXXX',
  regionCode: '320583',
  provinceName: '江苏省',
  cityName: '苏州市',
  regionName: '江苏省 苏州市 昆山市',
  industryCode: '351',
  industryName: '采矿、冶金、建筑专用设备制造',
  level: 3,
  scope: '精密零部件的设计、生产',
  certificateNumber: 'CMMM-2025-0001',
  issuedOn: '2025-06-01',
  validUntil: '2028-05-31',
  year: 2025,
  bodyId: 'b1',
  bodyName: '某某评估机构',
  status: 'valid',
  published: null,
};
const page: RegistryPage = { items: [platformEntry, publishedEntry], total: 305, page: 1, pageSize: 20 };
const distribution: RegistryDistribution = {
  total: 305,
  byLevel: [
    { level: 1, count: 8 },
    { level: 2, count: 197 },
    { level: 3, count: 73 },
    { level: 4, count: 27 },
    { level: 5, count: 0 },
  ],
  custom: 0,
  byProvince: [
    { provinceCode: '440000', provinceName: '广东省', counts: [0, 110, 41, 10, 0], custom: 0, total: 161 },
    { provinceCode: '450000', provinceName: '广西壮族自治区', counts: [0, 0, 0, 1, 0], custom: 0, total: 1 },
  ],
};

function renderDirectory(path = '/directory') {
  const calls: string[] = [];
  stubFetch(({ url }) => {
    calls.push(url);
    if (url.startsWith('/api/registry/certified/distribution')) return json(distribution);
    if (url.startsWith('/api/registry/certified')) return json(page);
    if (url === '/api/registry/certificates/CMMM-2025-0001') return json(platformEntry);
    if (url.startsWith('/api/registry/certificates/')) return json({ error: { code: 'NOT_FOUND', message: '找不到该证书编号的证书' } }, 404);
    if (url.startsWith('/api/reference/regions')) return json({ regions: [] });
    if (url.startsWith('/api/reference/industries')) return json({ industries: [] });
    if (url.startsWith('/api/directory/bodies')) return json({ items: [], total: 0, page: 1, pageSize: 100 });
    return notFound();
  });
  renderAt(path, createElement(DirectoryPage));
  return calls;
}

describe('信息查询 · 获证企业', () => {
  cleanUpAfterEach();

  it('is the first tab: platform certificates and the 2022 report side by side, with their status', async () => {
    const calls = renderDirectory();
    expect(screen.getAllByRole('tab')[0]!.textContent).toBe('获证企业');
    const published = (await screen.findByText('广西华谊能源化工有限公司')).closest('tr')!;
    expect(within(published).getByText('2022 年实践报告公布')).toBeTruthy();
    expect(within(published).getByText('2022 年公布')).toBeTruthy();
    expect(within(published).getByText('四级')).toBeTruthy();
    const platform = screen.getByText('昆山精密机械有限公司').closest('tr')!;
    expect(within(platform).getByText('有效')).toBeTruthy();
    expect(within(platform).getByText('CMMM-2025-0001')).toBeTruthy();
    expect(within(platform).getByText('2025-06-01 至 2028-05-31')).toBeTruthy();
    expect(within(platform).getByText('江苏省 苏州市 昆山市')).toBeTruthy();
    expect(screen.getByText('获证企业（共 305 条）').closest('caption')).toBeTruthy();
    expect(calls).toContain('/api/registry/certified?page=1&pageSize=20');
    expect(calls).toContain('/api/registry/certified/distribution');
  });

  it('gives the distribution in words and as a table with the same numbers', async () => {
    renderDirectory();
    // The chart's module is loaded lazily.
    const summary = await screen.findByTestId('registry-distribution-summary', {}, { timeout: 15_000 });
    expect(summary.textContent).toBe('当前条件下共 305 家获证企业，分布在 2 个省级地区：一级 8 家，二级 197 家，三级 73 家，四级 27 家。');
    const table = screen.getByTestId('registry-distribution-table');
    expect(within(table).getByText('获证企业按省份与等级的分布（与上方筛选条件一致）').tagName).toBe('CAPTION');
    const guangdong = within(table).getByText('广东省').closest('tr')!;
    expect([...guangdong.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['0', '110', '41', '10', '0', '161']);
  });

  it('searches by name or credit code, for the list and the distribution alike', async () => {
    const calls = renderDirectory();
    await screen.findByText('广西华谊能源化工有限公司');
    const search = screen.getByRole('searchbox', { name: '查询获证企业（企业名称或完整的统一社会信用代码）' });
    fireEvent.change(search, { target: { value: ' 海尔 ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    const q = encodeURIComponent('海尔');
    await waitFor(() => expect(calls).toContain(`/api/registry/certified?q=${q}&page=1&pageSize=20`));
    expect(calls).toContain(`/api/registry/certified/distribution?q=${q}`);
  });

  it('looks a certificate up by its number, and says so when none has it', async () => {
    renderDirectory();
    const lookup = screen.getByRole('searchbox', { name: '按证书编号查询证书' });
    fireEvent.change(lookup, { target: { value: 'CMMM-2025-0001' } });
    fireEvent.keyDown(lookup, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.keyUp(lookup, { key: 'Enter', code: 'Enter', keyCode: 13 }); // the input takes one Enter per key press
    const result = screen.getByTestId('certificate-lookup-result');
    await waitFor(() => expect(within(result).getByText('昆山精密机械有限公司')).toBeTruthy());
    expect(within(result).getByText('有效')).toBeTruthy();

    fireEvent.change(lookup, { target: { value: 'NOPE-1' } });
    fireEvent.keyDown(lookup, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(within(result).getByText('找不到编号为“NOPE-1”的证书')).toBeTruthy());
  });
});
