// 正式评估 through the HTTP API (seed 003 §8.3; seed 002 评估方法): the first meeting, the working
// sheet with the enterprise's claims, each assessor rating on their own, disagreements, the consensus,
// the roll-up through the same engine as `cmmm score`, findings, who sees what, and the audit trail.
import type { AuditEvent, FormalAssessment, FormalResultView, WorkingSheet } from '@cmmm/contract';
import { assess, editionIndex, requireEdition, type ScoreResult } from '@cmmm/model';
import { describe, expect, it } from 'vitest';
import { formalFixtures } from './formal-fixtures.ts';
import { registeredClient, testDatabases, usePlatform, type Client } from './harness.ts';

type ErrorReply = { error: { code: string; issues?: { code: string; path: string; message: string }[] } };
type Grade = 'FI' | 'LI' | 'PI' | 'NI';

/** The requirements a 三级 assessment of a discrete enterprise with 物流 (M3) not applicable rates, worked out from the edition. */
function expectedScope(): string[] {
  const edition = requireEdition('db12-t1073-2021');
  const weights = edition.weights.discrete;
  return editionIndex(edition)
    .requirements.filter((r) => r.level <= 3 && r.domain.id !== 'M3' && r.subdomain.id in weights && r.domain.id in weights)
    .map((r) => r.requirement.id);
}

const MEETING = { heldOn: '2026-12-14', attendees: '张主任、陈评估师；企业：李明（副总经理）、王工', planConfirmed: true, agreedItems: '评估范围、日程与保密要求' };

describe.each(testDatabases)('the formal assessment on site on the $name database', ({ open }) => {
  const p = usePlatform(open);
  const { feasibleAssessment, put, adminOf } = formalFixtures(p);

  const sheetOf = async (c: Client, url: string) => {
    const res = await c.get<WorkingSheet>(`${url}/working-sheet`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const rateAll = async (c: Client, url: string, ids: string[], gradeOf: (id: string) => Grade) => {
    for (const id of ids) {
      const res = await put(c, `${url}/ratings/${id}`, { grade: gradeOf(id) });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
  };

  it('rates 三级 on its own, flags disagreements, records the consensus and rolls up to what `cmmm score` gives', async () => {
    const a = await feasibleAssessment();
    const scope = expectedScope();
    const [disputed, split, close] = [scope[0]!, scope[1]!, scope[2]!];

    // No rating before the first meeting; the meeting starts the formal assessment.
    expect((await put<ErrorReply>(a.lead.client, `${a.url}/ratings/${disputed}`, { grade: 'FI' })).body.error.code).toBe('ILLEGAL_TRANSITION');
    expect((await put<ErrorReply>(a.member.client, `${a.url}/first-meeting`, MEETING)).status).toBe(403);
    const started = await put<FormalAssessment>(a.lead.client, `${a.url}/first-meeting`, MEETING);
    expect(started.body).toMatchObject({ stage: 'assessing' });
    expect(started.body.actions).toEqual(expect.arrayContaining(['rate', 'addEvidence', 'recordConsensus', 'rollUp', 'recordFirstMeeting']));

    // The sheet: exactly the requirements in scope, each with the enterprise's own claim (一级 LI, 二级 NI, 三级 none).
    const first = await sheetOf(a.member.client, a.url);
    expect(first.rows.map((r) => r.requirementId)).toEqual(scope);
    expect(first.firstMeeting).toMatchObject({ heldOn: '2026-12-14', planConfirmed: true });
    expect(new Set(first.rows.map((r) => `${r.level}:${r.selfClaim}`))).toEqual(new Set(['1:LI', '2:NI', '3:null']));
    expect(first.raters.map((r) => r.name).sort()).toEqual(['张主任', '陈评估师'].sort());

    // Outside the scope, and people who do not rate.
    const level4 = editionIndex(requireEdition('db12-t1073-2021')).atLevel(4)[0]!.requirement.id;
    expect((await put<ErrorReply>(a.member.client, `${a.url}/ratings/${level4}`, { grade: 'FI' })).body.error.code).toBe('NOT_IN_SCOPE');
    expect((await put<ErrorReply>(a.e.client, `${a.url}/ratings/${disputed}`, { grade: 'FI' })).status).toBe(403);
    const stranger = await registeredClient(p);
    expect((await put<ErrorReply>(stranger.client, `${a.url}/ratings/${disputed}`, { grade: 'FI' })).status).toBe(404);

    // Each rates on their own: the member all FI, the lead LI with NI, PI and LI on three of them.
    await rateAll(a.member.client, a.url, scope, () => 'FI');
    const leadGrade = (id: string): Grade => (id === disputed ? 'NI' : id === split ? 'PI' : 'LI');
    await rateAll(a.lead.client, a.url, scope.slice(0, 10), leadGrade);
    const incomplete = await a.lead.client.post<ErrorReply>(`${a.url}/ratings/submission`);
    expect(incomplete.body.error.code).toBe('RATINGS_INCOMPLETE');
    await rateAll(a.lead.client, a.url, scope.slice(10), leadGrade);
    const leadBefore = await sheetOf(a.lead.client, a.url);
    expect(leadBefore.rows.every((r) => r.ratings.length === 0 && r.myRating !== null)).toBe(true); // nobody else's yet

    expect((await a.member.client.post(`${a.url}/ratings/submission`)).status).toBe(200);
    const memberAfter = await sheetOf(a.member.client, a.url);
    expect(memberAfter.rows[0]!.ratings.map((r) => r.grade)).toEqual(['FI']); // the lead has not submitted: still hidden
    expect((await put<ErrorReply>(a.member.client, `${a.url}/ratings/${close}`, { grade: 'LI' })).body.error.code).toBe('RATINGS_SUBMITTED');
    const early = await put<ErrorReply>(a.lead.client, `${a.url}/consensus/${disputed}`, { grade: 'NI', note: '无记录' });
    expect(early.body.error.code).toBe('RATERS_PENDING');
    expect((await a.lead.client.post(`${a.url}/ratings/submission`)).status).toBe(200);

    // Both submitted: everyone sees both; NI/FI and PI/FI disagree, LI/FI does not.
    const both = await sheetOf(a.member.client, a.url);
    const row = (id: string) => both.rows.find((r) => r.requirementId === id)!;
    expect(row(disputed)).toMatchObject({ spread: 3, disagreement: true });
    expect(row(split)).toMatchObject({ spread: 2, disagreement: true });
    expect(row(close)).toMatchObject({ spread: 1, disagreement: false });
    expect(both.progress.disagreements).toBe(2);
    expect(row(close).ratings.map((r) => r.grade).sort()).toEqual(['FI', 'LI']);
    // The enterprise sees its claims, not the individual ratings nor (yet) the consensus.
    const enterpriseView = await sheetOf(a.e.client, a.url);
    expect(enterpriseView.rows.every((r) => r.ratings.length === 0 && r.myRating === null && r.consensus === null)).toBe(true);

    // The consensus: LI everywhere but the disputed one (NI, whose finding must be written before the roll-up).
    const consensusGrade = (id: string): Grade => (id === disputed ? 'NI' : 'LI');
    for (const id of scope) {
      if (id === scope[5]) continue; // one left open for now
      const res = await put(a.lead.client, `${a.url}/consensus/${id}`, { grade: consensusGrade(id), note: '组内讨论后一致' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    expect((await put<ErrorReply>(a.member.client, `${a.url}/consensus/${close}`, { grade: 'FI', note: '—' })).status).toBe(403);
    const open1 = await a.lead.client.post<ErrorReply>(`${a.url}/roll-up`);
    expect(open1.body.error.code).toBe('CONSENSUS_INCOMPLETE');
    expect(open1.body.error.issues?.map((i) => i.path)).toEqual([`consensus.${scope[5]}`]);
    expect((await put(a.lead.client, `${a.url}/consensus/${scope[5]}`, { grade: 'LI', note: '组内讨论后一致' })).status).toBe(200);
    const unwritten = await a.lead.client.post<ErrorReply>(`${a.url}/roll-up`);
    expect(unwritten.body.error.code).toBe('FINDING_TEXT_REQUIRED');
    expect((await put(a.lead.client, `${a.url}/consensus/${disputed}`, { grade: 'NI', note: '组内讨论后一致', finding: '未建立该项制度，无相关记录' })).status).toBe(200);
    const rolled = await a.lead.client.post<FormalAssessment>(`${a.url}/roll-up`);
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    expect(rolled.body.stage).toBe('rated');

    // The team's draft: the enterprise does not see it yet.
    expect((await a.e.client.get<ErrorReply>(`${a.url}/result`)).body.error.code).toBe('ILLEGAL_TRANSITION');
    const engineOn = (grades: (id: string) => Grade) => {
      const scored = assess({ enterpriseType: 'discrete', tailored: ['M3'], maxLevel: 3, answers: Object.fromEntries(scope.map((id) => [id, grades(id)])) });
      expect(scored.ok).toBe(true);
      return (scored as { ok: true; value: ScoreResult }).value;
    };

    // The result is the engine's on the consensus (cmmm score input with maxLevel 3, M3 tailored).
    const draft = await a.lead.client.get<FormalResultView>(`${a.url}/result`);
    expect(draft.status).toBe(200);
    const expected = engineOn(consensusGrade);
    expect(draft.body).toMatchObject({ assessmentType: 'predefined', level: expected.level, totalScore: expected.totalScore, levelScores: expected.levelScores });
    expect(draft.body.findings.filter((x) => x.kind === 'weakness')).toEqual([expect.objectContaining({ requirementId: disputed, grade: 'NI', text: '未建立该项制度，无相关记录' })]);
    expect(draft.body.findings).toHaveLength(scope.length);
    // Self vs formal: 一级 claims LI = consensus LI except the disputed one; 二级 claimed NI, now LI; 三级 not claimed.
    const levelOf = new Map(first.rows.map((r) => [r.requirementId, r.level]));
    expect(draft.body.comparison.requirements.map((r) => r.requirementId)).toEqual(scope.filter((id) => id === disputed || levelOf.get(id)! >= 2));
    expect(draft.body.comparison.selfLevel).toBe(1);

    // Reopened: the result goes, everyone submits again (their ratings stay), and it rolls up again.
    const reopened = await a.lead.client.post<FormalAssessment>(`${a.url}/rating-reopening`);
    expect(reopened.body.stage).toBe('assessing');
    expect((await a.lead.client.get<ErrorReply>(`${a.url}/result`)).body.error.code).toBe('ILLEGAL_TRANSITION');
    expect((await sheetOf(a.member.client, a.url)).mySubmittedAt).toBeNull();
    expect((await a.member.client.post(`${a.url}/ratings/submission`)).status).toBe(200);
    expect((await a.lead.client.post(`${a.url}/ratings/submission`)).status).toBe(200);
    expect((await a.lead.client.post<FormalAssessment>(`${a.url}/roll-up`)).body.stage).toBe('rated');

    // 沟通评估结果: shared, the enterprise sees the consensus and answers two findings.
    expect((await a.e.client.post<ErrorReply>(`${a.url}/result-sharing`)).status).toBe(403);
    expect((await a.lead.client.post<FormalAssessment>(`${a.url}/result-sharing`)).body.stage).toBe('communicating');
    expect((await sheetOf(a.e.client, a.url)).rows.every((r) => r.consensus !== null)).toBe(true);
    const respond = (id: string, response: string) => put<{ requirementId: string }>(a.e.client, `${a.url}/responses/${id}`, { response, evidenceNote: '制度文件与 2026 年运行记录' });
    expect((await respond(disputed, '该制度已于 2026 年 10 月发布并运行')).status).toBe(200);
    expect((await respond(close, '全部车间均已实施')).status).toBe(200);
    expect((await put<ErrorReply>(a.lead.client, `${a.url}/responses/${close}`, { response: '—' })).status).toBe(403);
    const pending = await a.lead.client.post<ErrorReply>(`${a.url}/finalisation`, { heldOn: '2026-12-16', attendees: '评估组、企业', summary: '通报评估结果' });
    expect(pending.body.error.code).toBe('RESPONSES_PENDING');
    const accepted = await a.lead.client.post<{ grade: Grade }>(`${a.url}/responses/${disputed}/decision`, { accept: true, grade: 'LI', reason: '现场补充查看了制度文件与运行记录' });
    expect(accepted.body.grade).toBe('LI');
    const rejected = await a.lead.client.post<{ grade: Grade }>(`${a.url}/responses/${close}/decision`, { accept: false, reason: '抽查两个车间未见记录' });
    expect(rejected.body.grade).toBe('LI');
    expect((await respond(disputed, '补充')).body).toMatchObject({ error: { code: 'RESPONSE_DECIDED' } });
    const final = await a.lead.client.post<FormalAssessment>(`${a.url}/finalisation`, { heldOn: '2026-12-16', attendees: '评估组、企业', summary: '通报评估结果' });
    expect(final.status, JSON.stringify(final.body)).toBe(200);
    expect(final.body.stage).toBe('final');

    // The final result: the accepted argument changed the consensus, and the roll-up followed.
    const result = await a.e.client.get<FormalResultView>(`${a.url}/result`);
    const after = engineOn(() => 'LI');
    expect(result.body).toMatchObject({ stage: 'final', level: after.level, totalScore: after.totalScore, lastMeeting: { heldOn: '2026-12-16', summary: '通报评估结果' } });
    expect(result.body.findings.some((x) => x.kind === 'weakness')).toBe(false);
    expect(result.body.responses.map((r) => [r.requirementId, r.decision, r.gradeBefore, r.gradeAfter])).toEqual(
      [
        [disputed, 'accepted', 'NI', 'LI'],
        [close, 'rejected', 'LI', 'LI'],
      ].sort(),
    );

    // Every rating is an audit event.
    const admin = await adminOf();
    const actions: string[] = [];
    for (let before: string | null = ''; before !== null; ) {
      const page: { body: { events: AuditEvent[]; next: string | null } } = await admin.get(`/api/admin/audit-events?subjectType=formal_assessment&subjectId=${a.id}&limit=200${before ? `&before=${before}` : ''}`);
      actions.push(...page.body.events.map((x) => x.action));
      before = page.body.next;
    }
    expect(actions.filter((x) => x === 'formal_assessment.rated')).toHaveLength(2 * scope.length);
    expect(actions.filter((x) => x === 'formal_assessment.ratings_submitted')).toHaveLength(4);
    expect(actions.filter((x) => x === 'formal_assessment.response_decided')).toHaveLength(2);
    expect(actions).toEqual(expect.arrayContaining(['formal_assessment.rolled_up', 'formal_assessment.result_shared', 'formal_assessment.finalised']));
  }, 240_000);
});
