// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { DirectoryPage } from '../src/pages/directory/DirectoryPage.tsx';
import { cleanUpAfterEach, json, notFound, renderAt, stubFetch } from './render-with-api.ts';

const assessors = {
  items: [
    { name: '李四', grade: 'lead_assessor', bodyName: '某某评估机构', certificateNumber: 'CMMM-L-0001', obtainedOn: '2023-05-01', validUntil: '2026-04-30', valid: true },
    { name: '王五', grade: 'assessor', bodyName: null, certificateNumber: 'CMMM-A-0002', obtainedOn: '2020-01-01', validUntil: '2022-12-31', valid: false },
  ],
  total: 42,
  page: 1,
  pageSize: 20,
};
const bodies = { items: [{ id: 'b1', name: '某某评估机构', regionName: '天津市滨海新区', contactName: '赵六', leadAssessorCount: 3 }], total: 1, page: 1, pageSize: 20 };

function renderDirectory(path = '/directory') {
  const calls: string[] = [];
  stubFetch(({ url }) => {
    calls.push(url);
    if (url.startsWith('/api/directory/assessors')) return json(assessors);
    if (url.startsWith('/api/directory/bodies')) return json(bodies);
    return notFound();
  });
  renderAt(path, createElement(DirectoryPage));
  return calls;
}

describe('信息查询', () => {
  cleanUpAfterEach();

  it('lists public assessors with grade, body, certificate and status, paged by the server', async () => {
    const calls = renderDirectory('/directory?tab=assessors');
    expect(screen.getByRole('heading', { level: 1, name: '信息查询' })).toBeTruthy();
    const row = (await screen.findByText('李四')).closest('tr')!;
    expect(within(row).getByText('主任评估师')).toBeTruthy();
    expect(within(row).getByText('CMMM-L-0001')).toBeTruthy();
    expect(within(row).getByText('有效')).toBeTruthy();
    const expired = screen.getByText('王五').closest('tr')!;
    expect(within(expired).getByText('已过期')).toBeTruthy();
    expect(within(expired).getByText('—')).toBeTruthy();
    expect(screen.getByText('共 42 条')).toBeTruthy();
    expect(calls[0]).toBe('/api/directory/assessors?page=1&pageSize=20');
  });

  it('searches by name, body or certificate number', async () => {
    const calls = renderDirectory('/directory?tab=assessors');
    await screen.findByText('李四');
    const search = screen.getByRole('searchbox', { name: '查询评估人员（姓名、机构名称或证书编号）' });
    fireEvent.change(search, { target: { value: ' CMMM-L ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(calls.at(-1)).toBe('/api/directory/assessors?q=CMMM-L&page=1&pageSize=20'));
  });

  it('lists assessment bodies on their tab', async () => {
    const calls = renderDirectory('/directory?tab=bodies');
    const row = (await screen.findByText('天津市滨海新区')).closest('tr')!;
    expect(within(row).getByText('某某评估机构')).toBeTruthy();
    expect(within(row).getByText('3')).toBeTruthy();
    expect(calls).toContain('/api/directory/bodies?page=1&pageSize=20');
  });
});
