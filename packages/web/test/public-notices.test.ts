// @vitest-environment happy-dom
// 评估结果公示 (public): the notices with their period, and 提出异议 with the form's own check of the
// contact and the server's refusals, over a stubbed API.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { PublicNoticesPage } from '../src/pages/public-notices/PublicNoticesPage.tsx';
import type { NoticePage, PublicNotice } from '../src/pages/public-notices/notices-api.ts';
import { cleanUpAfterEach, json, notFound, renderAt, stubFetch } from './render-with-api.ts';

const predefined: PublicNotice = {
  assessmentId: '1a2b3c4d-5e6f-4a1b-8c2d-0123456789ab',
  enterpriseName: '昆山精密机械有限公司',
  assessmentType: 'predefined',
  level: 3,
  levelName: '集成级',
  capability: [],
  scope: '精密数控机床零部件的设计、生产、销售',
  bodyName: '某某评估机构',
  leadName: '张主任',
  startsOn: '2026-12-01',
  endsOn: '2026-12-07',
};
const custom: PublicNotice = {
  ...predefined,
  assessmentId: '2a2b3c4d-5e6f-4a1b-8c2d-0123456789ab',
  enterpriseName: '苏州智能装备有限公司',
  assessmentType: 'custom',
  level: null,
  levelName: null,
  capability: [
    { domainId: 'D1', name: '生产作业', level: 3 },
    { domainId: 'D2', name: '设备管理', level: 2 },
  ],
};

function renderPage(objection: (body: unknown) => Response = () => json({ id: 'o1', filedAt: '2026-12-02T02:30:00.000Z' }, 201)) {
  const calls = stubFetch(({ method, url, body }) => {
    if (method === 'GET' && url.startsWith('/api/public-notices')) return json({ items: [predefined, custom], total: 2, page: 1, pageSize: 10 } satisfies NoticePage);
    if (method === 'POST' && url === `/api/public-notices/${predefined.assessmentId}/objections`) return objection(body);
    return notFound();
  });
  renderAt('/public-notices', createElement(PublicNoticesPage));
  return calls;
}

const firstNotice = async () => (await screen.findAllByTestId('public-notice'))[0]!;

async function openForm() {
  const notice = await firstNotice();
  fireEvent.click(within(notice).getByRole('button', { name: '对“昆山精密机械有限公司”的评估结果提出异议' }));
  return within(notice).getByRole('group', { name: '对“昆山精密机械有限公司”的评估结果提出异议' });
}

function fill(form: HTMLElement, values: { name?: string; contact?: string; text?: string }) {
  if (values.name !== undefined) fireEvent.change(within(form).getByLabelText('姓名或单位'), { target: { value: values.name } });
  if (values.contact !== undefined) fireEvent.change(within(form).getByLabelText('联系方式'), { target: { value: values.contact } });
  if (values.text !== undefined) fireEvent.change(within(form).getByLabelText('异议内容'), { target: { value: values.text } });
}

describe('评估结果公示', () => {
  cleanUpAfterEach();

  it('lists each result with its level or capability levels, scope, body, lead and period', async () => {
    const calls = renderPage();
    expect(screen.getByRole('heading', { level: 1, name: '评估结果公示' })).toBeTruthy();
    const [first, second] = await screen.findAllByTestId('public-notice');
    expect(within(first!).getByRole('heading', { level: 2, name: '昆山精密机械有限公司' })).toBeTruthy();
    expect(within(first!).getByTestId('notice-level').textContent).toBe('三级（集成级）');
    expect(within(first!).getByText('精密数控机床零部件的设计、生产、销售')).toBeTruthy();
    expect(within(first!).getByText('某某评估机构')).toBeTruthy();
    expect(within(first!).getByText('张主任')).toBeTruthy();
    expect(within(first!).getByTestId('notice-period').textContent).toBe('2026-12-01 至 2026-12-07');
    expect(within(second!).queryByTestId('notice-level')).toBeNull();
    expect(within(second!).getByText('生产作业').closest('li')!.textContent).toBe('生产作业：三级');
    expect(calls[0]).toMatchObject({ method: 'GET', url: '/api/public-notices?page=1&pageSize=10' });
  });

  it('checks the contact before sending, then files the objection and says so', async () => {
    const calls = renderPage();
    const form = await openForm();
    fill(form, { name: ' 李四 ', contact: '1390000', text: ' 该企业物流并未外包 ' });
    fireEvent.click(within(form).getByRole('button', { name: '提交异议' }));
    expect(await within(form).findByText('请填写 11 位手机号码或有效的电子邮箱')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fill(form, { contact: '13900002222' });
    fireEvent.click(within(form).getByRole('button', { name: '提交异议' }));
    const filed = await screen.findByTestId('objection-filed');
    expect(filed.textContent).toContain('已收到您的异议');
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      url: `/api/public-notices/${predefined.assessmentId}/objections`,
      body: { name: '李四', contact: '13900002222', text: '该企业物流并未外包' },
    });
  });

  it('shows the server\'s refusal with what it means (too many objections from one address)', async () => {
    renderPage(() => json({ error: { code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' } }, 429));
    const form = await openForm();
    fill(form, { name: '李四', contact: 'li.si@example.com', text: '异议' });
    fireEvent.click(within(form).getByRole('button', { name: '提交异议' }));
    const alert = await within(form).findByTestId('objection-error');
    expect(alert.textContent).toContain('操作过于频繁，请稍后再试');
    expect(alert.textContent).toContain('同一网络地址每小时最多提交 5 项异议');
  });

  it('reloads the list when the period has ended meanwhile', async () => {
    const calls = renderPage(() => json({ error: { code: 'NOTICE_NOT_OPEN', message: '该评估结果不在公示期内' } }, 409));
    const form = await openForm();
    fill(form, { name: '李四', contact: '13900002222', text: '异议' });
    fireEvent.click(within(form).getByRole('button', { name: '提交异议' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'GET' && c.url.startsWith('/api/public-notices')).length).toBe(2));
  });
});
