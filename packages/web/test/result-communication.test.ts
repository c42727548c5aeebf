// @vitest-environment happy-dom
// 沟通评估结果 on the 正式评估 page over a stubbed API: the lead shares the result; the enterprise
// answers a finding (再次论证); the lead accepts with the adjusted grade; 确定最终评估结果 refused with
// RESPONSES_PENDING lists what is undecided; after the final result the page says what it no longer shows.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FindingResponse, FormalAssessment, FormalResultView, WorkingSheet } from '../src/pages/formal-rating/rating-api.ts';
import { WorkingSheetPage } from '../src/pages/formal-rating/WorkingSheetPage.tsx';
import { assessmentAt, ASSESSMENT_ID, cleanUpAfterEach, json, notFound, okInDialog, renderAt, routed, sessionOf, stubFetch } from './render-with-api.ts';

const ID = ASSESSMENT_ID;
const base = `/api/formal-assessments/${ID}`;
const refused = (code: string, message: string, issues?: unknown[]) => json({ error: { code, message, issues } }, 409);

const viewAt = (stage: FormalAssessment['stage'], actions: FormalAssessment['actions'] = []) => assessmentAt(stage, { application: { customDomains: [] }, team: [], actions });

const sheet = (stage: string): WorkingSheet => ({
  assessmentId: ID,
  stage,
  assessmentType: 'predefined',
  targetLevel: 3,
  firstMeeting: null,
  raters: [],
  myAssessorId: null,
  mySubmittedAt: null,
  rows: [],
  progress: { total: 0, consensus: 0, disagreements: 0, withEvidence: 0 },
  domainSummaries: [],
});

const result = (stage: string, responses: FindingResponse[] = []): FormalResultView => ({
  assessmentId: ID,
  assessmentType: 'predefined',
  level: 2,
  levelName: '规范级',
  totalScore: 2.61,
  levelScores: { '1': 1, '2': 0.91 },
  weights: null,
  capability: [],
  comparison: { selfLevel: 3, selfTotalScore: 3.2, requirements: [], domains: [] },
  findings: [
    { requirementId: 'R2-FI', level: 2, domainId: 'D1', domainName: '生产作业', itemName: '生产计划', kind: 'good_practice', grade: 'FI', text: '计划排产系统完整' },
    { requirementId: 'R2-PI', level: 2, domainId: 'D1', domainName: '生产作业', itemName: '设备维护', kind: 'improvement', grade: 'PI', text: '维护记录不完整' },
    { requirementId: 'R2-NI', level: 2, domainId: 'D2', domainName: '质量控制', itemName: '质量追溯', kind: 'weakness', grade: 'NI', text: '未建立追溯' },
  ],
  ratedAt: '2026-11-30T02:00:00.000Z',
  stage,
  responses,
  lastMeeting: null,
});

const pending: FindingResponse = {
  requirementId: 'R2-PI',
  response: '维护记录在 MES 中',
  evidenceNote: 'MES 维护模块',
  respondedAt: '2026-12-01T02:00:00.000Z',
  decision: null,
  decisionReason: null,
  gradeBefore: null,
  gradeAfter: null,
  decidedAt: null,
};

function renderSheet(role: string, routes: Record<string, (body: unknown) => Response>) {
  const calls = stubFetch(({ method, url, body }) => {
    const own = routes[`${method} ${url}`];
    if (own) return own(body);
    if (url === '/api/session') return json(sessionOf(role, role === 'enterprise_user' ? 'e1' : null));
    return notFound();
  });
  renderAt(`/formal-assessments/${ID}/working-sheet`, routed('/formal-assessments/:id/working-sheet', WorkingSheetPage), { withSession: true });
  return calls;
}

describe('沟通评估结果', () => {
  cleanUpAfterEach();

  it('the lead shares the result after confirming', async () => {
    const calls = renderSheet('lead_assessor', {
      [`GET ${base}`]: () => json(viewAt('rated', ['shareResult', 'reopenRating'])),
      [`GET ${base}/working-sheet`]: () => json(sheet('rated')),
      [`GET ${base}/result`]: () => json(result('rated')),
      [`POST ${base}/result-sharing`]: () => json(viewAt('communicating', ['decideResponses', 'finalise'])),
    });
    expect((await screen.findByTestId('next-step')).textContent).toContain('提交企业沟通');
    fireEvent.click(await screen.findByTestId('share-result'));
    await okInDialog('提交企业沟通');
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === `${base}/result-sharing`)).toBe(true));
  });

  it('the enterprise answers a finding (weaknesses first) and may change a response not yet decided', async () => {
    const calls = renderSheet('enterprise_user', {
      [`GET ${base}`]: () => json(viewAt('communicating', ['respondToFindings'])),
      [`GET ${base}/working-sheet`]: () => json(sheet('communicating')),
      [`GET ${base}/result`]: () => json(result('communicating', [pending])),
      [`PUT ${base}/responses/R2-NI`]: () => json({ requirementId: 'R2-NI' }),
    });
    const weaknesses = await screen.findByTestId('findings-weakness');
    const sections = screen.getAllByTestId(/^findings-/).map((s) => s.getAttribute('data-testid'));
    expect(sections).toEqual(['findings-weakness', 'findings-improvement', 'findings-conformity', 'findings-good_practice']);
    expect(screen.getByTestId('response-counts').textContent).toBe('企业对 1 项评估发现再次论证：待处理 1 项，已采纳 0 项，未采纳 0 项。');

    const improvement = screen.getByTestId('response-R2-PI');
    expect(within(improvement).getByTestId('response-state').textContent).toBe('待评估组处理');
    expect(within(improvement).getByText('维护记录在 MES 中')).toBeTruthy();
    expect(within(improvement).getByRole('button', { name: '修改对改进项“二级 · 设备维护”的论证' })).toBeTruthy();

    fireEvent.click(within(weaknesses).getByRole('button', { name: '对弱项“二级 · 质量追溯”再次论证' }));
    const form = within(weaknesses).getByRole('group', { name: '再次论证：二级 · 质量追溯' });
    fireEvent.click(within(form).getByRole('button', { name: '提交论证' }));
    expect(await within(form).findByText('请填写论证说明')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('论证说明'), { target: { value: ' 已建立批次追溯 ' } });
    fireEvent.change(within(form).getByLabelText('证据说明'), { target: { value: ' 追溯系统演示 ' } });
    fireEvent.click(within(form).getByRole('button', { name: '提交论证' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PUT')).toEqual({ method: 'PUT', url: `${base}/responses/R2-NI`, body: { response: '已建立批次追溯', evidenceNote: '追溯系统演示' } }),
    );
  });

  it('the lead accepts with the adjusted grade, and 确定最终评估结果 refused lists what is undecided', async () => {
    const calls = renderSheet('lead_assessor', {
      [`GET ${base}`]: () => json(viewAt('communicating', ['decideResponses', 'finalise'])),
      [`GET ${base}/working-sheet`]: () => json(sheet('communicating')),
      [`GET ${base}/result`]: () => json(result('communicating', [pending])),
      [`POST ${base}/responses/R2-PI/decision`]: () => json({ requirementId: 'R2-PI', grade: 'LI' }),
      [`POST ${base}/finalisation`]: () => refused('RESPONSES_PENDING', '尚有企业论证未处理，处理后才能确定最终评估结果', [{ code: 'RESPONSES_PENDING', path: 'responses.R2-PI', message: '「R2-PI」的企业论证尚未处理' }]),
    });
    const pendingList = await screen.findByTestId('pending-responses');
    expect(within(pendingList).getByText('设备维护')).toBeTruthy();
    expect(screen.getByTestId('responses-pending').textContent).toContain('尚有 1 项企业论证未处理');

    const panel = screen.getByTestId('response-R2-PI');
    fireEvent.click(within(panel).getByRole('button', { name: '处理企业论证：二级 · 设备维护' }));
    const form = within(panel).getByRole('group', { name: '处理企业论证：二级 · 设备维护' });
    fireEvent.click(within(form).getByLabelText('采纳'));
    expect(await within(form).findByText('当前组内一致意见：部分满足。采纳后组内一致意见改为所选评分。')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('处理理由'), { target: { value: '现场查看 MES 维护记录完整' } });
    fireEvent.click(within(form).getByRole('button', { name: '提交处理结果' }));
    await waitFor(() =>
      expect(calls.find((c) => c.url === `${base}/responses/R2-PI/decision`)?.body).toEqual({ accept: true, reason: '现场查看 MES 维护记录完整', grade: 'LI' }),
    );

    const meeting = screen.getByTestId('last-meeting-form');
    fireEvent.change(within(meeting).getByLabelText('召开日期'), { target: { value: '2026-12-05' } });
    fireEvent.change(within(meeting).getByLabelText('参会人员'), { target: { value: '张主任、企业总经理' } });
    fireEvent.change(within(meeting).getByLabelText('会议内容'), { target: { value: '通报评估结果' } });
    fireEvent.click(within(meeting).getByRole('button', { name: '确定最终评估结果' }));
    await okInDialog('确定最终评估结果');
    const error = await screen.findByTestId('finalise-error');
    expect(error.textContent).toContain('尚有企业论证未处理');
    expect(within(error).getByText('「R2-PI」的企业论证尚未处理')).toBeTruthy();
    expect(within(error).getByRole('button', { name: '定位到：二级 · 设备维护' })).toBeTruthy();
    expect(calls.find((c) => c.url === `${base}/finalisation`)?.body).toEqual({ heldOn: '2026-12-05', attendees: '张主任、企业总经理', summary: '通报评估结果' });
  });

  it('shows a decided response with its reason and the grade before → after', async () => {
    const decided: FindingResponse = { ...pending, decision: 'accepted', decisionReason: '记录完整', gradeBefore: 'PI', gradeAfter: 'LI', decidedAt: '2026-12-02T02:00:00.000Z' };
    renderSheet('enterprise_user', {
      [`GET ${base}`]: () => json(viewAt('final')),
      [`GET ${base}/working-sheet`]: () => json(sheet('final')),
      [`GET ${base}/result`]: () => json({ ...result('final', [decided]), lastMeeting: { heldOn: '2026-12-05', attendees: '张主任', summary: '通报评估结果', recordedAt: '2026-12-05T08:00:00.000Z' } }),
    });
    const panel = await screen.findByTestId('response-R2-PI');
    expect(within(panel).getByTestId('response-state').textContent).toBe('已采纳');
    expect(within(panel).getByTestId('response-decision').textContent).toContain('由部分满足调整为大部分满足');
    expect(within(panel).getByText('记录完整')).toBeTruthy();
    expect(within(panel).queryByRole('button')).toBeNull();
    expect(within(screen.getByTestId('last-meeting-record')).getByText('通报评估结果')).toBeTruthy();
    expect(screen.getByTestId('to-review').getAttribute('href')).toBe(`/formal-assessments/${ID}/review`);
  });

  it('after the final result: says the sheet is no longer shown, and the result neither when the server withholds it', async () => {
    renderSheet('reviewer', {
      [`GET ${base}`]: () => json(viewAt('under_review')),
      [`GET ${base}/working-sheet`]: () => refused('ILLEGAL_TRANSITION', '当前评估阶段不能执行此操作'),
      [`GET ${base}/result`]: () => refused('ILLEGAL_TRANSITION', '当前评估阶段不能执行此操作'),
    });
    expect(await screen.findByTestId('sheet-closed')).toBeTruthy();
    expect(await screen.findByTestId('result-unavailable')).toBeTruthy();
    expect(screen.queryByTestId('first-meeting-none')).toBeNull();
    expect(screen.getByTestId('next-step').textContent).toBe('最终评估结果已提交合规性审查。');
  });
});
