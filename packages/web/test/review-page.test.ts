// @vitest-environment happy-dom
// 合规性审查、公示与证书 (/formal-assessments/:id/review) over a stubbed API: the lead submits at 'final';
// the reviewer cannot approve while a check fails (and says why), returns with reasons; at 'publicized'
// the reviewer sees who objected, resolves an objection, and is told why the certificate must wait.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReviewPage } from '../src/pages/formal-rating/ReviewPage.tsx';
import type { Objection, Review } from '../src/pages/formal-rating/certification-api.ts';
import type { FormalAssessment } from '../src/pages/formal-rating/rating-api.ts';
import type { PublicNotice } from '../src/pages/public-notices/notices-api.ts';
import { assessmentAt, ASSESSMENT_ID, cleanUpAfterEach, json, okInDialog, renderAt, routed, sessionOf, stubFetch } from './render-with-api.ts';

const ID = ASSESSMENT_ID;
const base = `/api/formal-assessments/${ID}`;
const refused = (code: string, message: string, status = 409) => json({ error: { code, message } }, status);

const viewAt = (stage: FormalAssessment['stage']) =>
  assessmentAt(stage, {
    team: [
      { assessorId: 'a-lead', name: '张主任', teamRole: 'lead', removedAt: null },
      { assessorId: 'a-member', name: '李评估', teamRole: 'member', removedAt: null },
    ],
    actions: [],
  });

const review: Review = {
  checks: [
    { code: 'TEAM_SIZE_ODD', passed: true, message: '评估组 3 人，为奇数' },
    { code: 'EVIDENCE_COMPLETE', passed: false, message: '没有证据的要求：R2-01.1' },
  ],
  reviews: [],
};

function renderReview(role: string, stage: FormalAssessment['stage'], routes: Record<string, (body: unknown) => Response> = {}) {
  const calls = stubFetch(({ method, url, body }) => {
    const own = routes[`${method} ${url}`];
    if (own) return own(body);
    if (url === '/api/session') return json(sessionOf(role));
    if (url === base) return json(viewAt(stage));
    if (url === `${base}/review`) return json(review);
    if (url === `${base}/result`) return refused('ILLEGAL_TRANSITION', '当前评估阶段不能执行此操作');
    return refused('NOT_FOUND', '找不到', 404);
  });
  renderAt(`/formal-assessments/${ID}/review`, routed('/formal-assessments/:id/review', ReviewPage), { withSession: true });
  return calls;
}

describe('合规性审查、公示与证书', () => {
  cleanUpAfterEach();

  it('lists the checks as 通过 / 未通过 in words with each message, and lets the lead submit at the final result', async () => {
    const calls = renderReview('lead_assessor', 'final', {
      'GET /api/assessors/me': () => json({ id: 'a-lead' }),
      [`POST ${base}/review-request`]: () => json(viewAt('under_review')),
    });
    const checks = await screen.findByTestId('checks');
    const failed = within(checks).getByText('证据完整').closest('li')!;
    expect(failed.textContent).toContain('未通过');
    expect(failed.textContent).toContain('没有证据的要求：R2-01.1');
    expect(within(checks).getByText('评估组人数为奇数').closest('li')!.textContent).toContain('通过');
    expect(screen.getByTestId('checks-summary').textContent).toBe('2 项检查中有 1 项未通过。');
    expect(screen.getByTestId('result-unavailable')).toBeTruthy();

    fireEvent.click(await screen.findByRole('button', { name: '提交合规性审查' }));
    await okInDialog('提交合规性审查');
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === `${base}/review-request`)).toBe(true));
  });

  it('offers no submission to a team member who is not the lead', async () => {
    renderReview('assessor', 'final', { 'GET /api/assessors/me': () => json({ id: 'a-member' }) });
    await screen.findByTestId('checks');
    expect(screen.queryByRole('button', { name: '提交合规性审查' })).toBeNull();
    expect(screen.getByTestId('next-step').textContent).toBe('等待评估组长提交合规性审查。');
  });

  it('keeps 审查通过 disabled while a check fails, saying why, and returns the result with the reasons required', async () => {
    const calls = renderReview('reviewer', 'under_review', { [`POST ${base}/review/decision`]: () => json(viewAt('assessing')) });
    await screen.findByTestId('checks');
    const approve = screen.getByTestId('approve') as HTMLButtonElement;
    expect(approve.disabled).toBe(true);
    expect(approve.getAttribute('aria-describedby')).toBe('approve-blocked');
    expect(document.getElementById('approve-blocked')!.textContent).toBe('有 1 项自动检查未通过，不能审查通过；请退回评估组并写明理由。');

    const form = screen.getByTestId('return-form');
    fireEvent.click(within(form).getByRole('button', { name: '退回评估组' }));
    expect(await within(form).findByText('请填写退回理由')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('退回理由'), { target: { value: ' 要求 R2-01.1 没有证据 ' } });
    fireEvent.click(within(form).getByRole('button', { name: '退回评估组' }));
    await okInDialog('退回评估组');
    await waitFor(() => expect(calls.find((c) => c.method === 'POST' && c.url === `${base}/review/decision`)?.body).toEqual({ approve: false, reasons: '要求 R2-01.1 没有证据' }));
  });

  it('at the public notice: the objections with who filed them, resolving one, and why the certificate must wait', async () => {
    const objection: Objection = { id: 'o1', name: '李四', contact: '13900002222', text: '该企业物流并未外包', filedAt: '2026-12-02T02:30:00.000Z', status: 'open', resolution: null, resolvedAt: null };
    const notice = { assessmentId: ID, startsOn: '2026-12-01', endsOn: '2026-12-07' } as PublicNotice;
    const calls = renderReview('reviewer', 'publicized', {
      [`GET ${base}/objections`]: () => json([objection]),
      'GET /api/public-notices?page=1&pageSize=100': () => json({ items: [notice], total: 1, page: 1, pageSize: 100 }),
      [`POST ${base}/objections/o1/resolution`]: () => json(viewAt('publicized')),
      [`POST ${base}/certificate`]: () => refused('NOTICE_NOT_ENDED', '公示期尚未结束，不能颁发证书'),
    });
    expect((await screen.findByTestId('notice-period')).textContent).toBe('公示期：2026-12-01 至 2026-12-07');
    const list = await screen.findByTestId('objections');
    expect(within(list).getByText('李四')).toBeTruthy();
    expect(within(list).getByText('13900002222')).toBeTruthy();
    expect(within(list).getByTestId('objection-status').textContent).toBe('待处理');

    const form = within(list).getByTestId('resolve-form');
    fireEvent.click(within(form).getByLabelText('不成立（继续公示）'));
    fireEvent.change(within(form).getByLabelText('处理意见'), { target: { value: '经核实物流确已外包，异议不成立' } });
    fireEvent.click(within(form).getByRole('button', { name: '提交处理意见' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST' && c.url === `${base}/objections/o1/resolution`)?.body).toEqual({ uphold: false, resolution: '经核实物流确已外包，异议不成立' }));

    fireEvent.click(screen.getByTestId('issue-certificate'));
    await okInDialog('颁发证书');
    const error = await screen.findByTestId('issue-error');
    expect(error.textContent).toContain('公示期尚未结束，不能颁发证书');
    expect(error.textContent).toContain('公示期至 2026-12-07 结束，之后才能颁发证书。');
  });

  it('hides who objected from the enterprise', async () => {
    const objection: Objection = { id: 'o1', name: '李四', contact: '13900002222', text: '该企业物流并未外包', filedAt: '2026-12-02T02:30:00.000Z', status: 'dismissed', resolution: '异议不成立', resolvedAt: '2026-12-03T02:30:00.000Z' };
    renderReview('enterprise_user', 'publicized', { [`GET ${base}/objections`]: () => json([objection]) });
    const list = await screen.findByTestId('objections');
    expect(within(list).getByText('该企业物流并未外包')).toBeTruthy();
    expect(within(list).queryByText('13900002222')).toBeNull();
    expect(screen.queryByTestId('resolve-form')).toBeNull();
    expect(screen.queryByTestId('issue-certificate')).toBeNull();
  });
});
