// @vitest-environment happy-dom
// 企业列表 (/admin/enterprises) over a stubbed API: the first page with its count (capped: "10,000+"),
// 下一页 follows the server's cursor, 上一页 goes back to the page before, the last page has no 下一页.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { EnterprisePage, EnterpriseView } from '../src/api.ts';
import { EnterprisesPage } from '../src/pages/admin/EnterprisesPage.tsx';
import { cleanUpAfterEach, json, notFound, renderAt, sessionOf, stubFetch } from './render-with-api.ts';

const enterprise = (n: number): EnterpriseView => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  name: `企业${n}号`,
  creditCode: `91320583MA${String(n).padStart(7, '0')}X`,
  organisationType: 'independent',
  parentName: null,
  industryCode: '351',
  industryName: '采矿、冶金、建筑专用设备制造',
  industryNameEn: 'Manufacture of special equipment for mining, metallurgy and construction',
  regionCode: '320583',
  regionPath: '江苏省 苏州市 昆山市',
  regionPathEn: 'Kunshan City, Suzhou City, Jiangsu Province',
  enterpriseType: 'discrete',
  contactName: '王工',
  contactMobile: '13912345678',
  subPlatformCodes: [],
  isDemo: false,
  createdAt: '2026-11-01T00:00:00.000Z',
});

const pages: Record<string, EnterprisePage> = {
  first: { enterprises: [enterprise(1), enterprise(2)], next: 'c2', total: 10_000, totalCapped: true },
  c2: { enterprises: [enterprise(3)], next: null, total: 10_000, totalCapped: true },
};

function renderPage() {
  const calls = stubFetch(({ url }) => {
    if (url === '/api/session') return json(sessionOf('platform_admin'));
    if (url.startsWith('/api/enterprises')) return json(pages[new URL(url, 'http://x').searchParams.get('after') ?? 'first']);
    return notFound();
  });
  renderAt('/admin/enterprises', createElement(EnterprisesPage), { withSession: true });
  return calls;
}

describe('the enterprise list', () => {
  cleanUpAfterEach();

  it('pages by cursor: 下一页 sends the next cursor, 上一页 returns to the first page; the count past the cap reads 10,000+', async () => {
    const calls = renderPage();
    expect(await screen.findByText('企业1号')).toBeTruthy();
    expect(screen.getByTestId('enterprise-total').textContent).toContain('10,000+');
    const previous = () => screen.getByRole('button', { name: '上一页' }) as HTMLButtonElement;
    const next = () => screen.getByRole('button', { name: '下一页' }) as HTMLButtonElement;
    expect(previous().disabled).toBe(true);

    fireEvent.click(next());
    expect(await screen.findByText('企业3号')).toBeTruthy();
    expect(screen.queryByText('企业1号')).toBeNull();
    expect(calls.some((c) => c.url.includes('after=c2'))).toBe(true);
    await waitFor(() => expect(next().disabled).toBe(true)); // the last page
    expect(screen.getByText('第 2 页')).toBeTruthy();

    fireEvent.click(previous());
    expect(await screen.findByText('企业1号')).toBeTruthy();
    expect(screen.getByText('第 1 页')).toBeTruthy();
  });
});
