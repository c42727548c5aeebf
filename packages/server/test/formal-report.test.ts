// 评估报告 through the HTTP API (seed 003 §8.3.5): an assessment driven to 末次会议 (first meeting,
// evidence, both raters, consensus with a weakness, roll-up, sharing, a response, finalisation); the
// draft (征求意见稿) for the team once rated and for the enterprise once shared, the final PDF with its
// PG- number read back with pdftotext, public verification of that number, and who may not read it.
import type { FormalAssessment, WorkingSheet } from '@cmmm/contract';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formalFixtures } from './formal-fixtures.ts';
import { Client, registeredClient, testDatabases, usePlatform } from './harness.ts';

type ErrorReply = { error: { code: string } };

const MEETING = { heldOn: '2026-12-14', attendees: '张主任、陈评估师；企业：李明（副总经理）、王工', planConfirmed: true, agreedItems: '评估范围、日程与保密要求' };
const WEAKNESS = '未建立设备点检与预防性维护制度，现场未见点检记录';
const LAST_MEETING = { heldOn: '2026-12-16', attendees: '评估组、企业管理层', summary: '通报评估结果，企业对处理决定无异议' };

/** The PDF's text layer (pdftotext from poppler-utils), white space removed (Chinese lines wrap anywhere). */
function pdfText(pdf: Uint8Array): string {
  const r = spawnSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(pdf), encoding: 'utf8' });
  if (r.error) throw new Error(`pdftotext is needed to read reports back (apt-get install poppler-utils): ${r.error.message}`);
  return r.stdout.replace(/\s+/g, '');
}

describe.each(testDatabases)('the 评估报告 on the $name database', ({ open }) => {
  const p = usePlatform(open);
  const { feasibleAssessment, put } = formalFixtures(p);

  /** The minimal on-site flow to 等级判定: one weakness (with its text and the domain's summary), everything else FI (三级 reached). */
  async function ratedAssessment() {
    const a = await feasibleAssessment();
    expect((await put<FormalAssessment>(a.lead.client, `${a.url}/first-meeting`, MEETING)).body.stage).toBe('assessing');
    const sheet = (await a.member.client.get<WorkingSheet>(`${a.url}/working-sheet`)).body;
    const scope = sheet.rows.map((r) => r.requirementId);
    const weak = sheet.rows[0]!;
    const evidence = (method: string, source: string, requirementId = weak.requirementId) =>
      a.member.client.post(`${a.url}/evidence`, { requirementId, method, source, collectedOn: '2026-12-15', note: '现场取证' });
    expect((await evidence('interview', '王工（设备部经理）')).status).toBe(201);
    expect((await evidence('document_review', '设备管理制度', scope[1])).status).toBe(201);
    for (const [client, gradeOf] of [
      [a.member.client, () => 'FI'],
      [a.lead.client, (id: string) => (id === weak.requirementId ? 'NI' : 'FI')],
    ] as const) {
      for (const id of scope) expect((await put(client, `${a.url}/ratings/${id}`, { grade: gradeOf(id) })).status).toBe(200);
      expect((await client.post(`${a.url}/ratings/submission`)).status).toBe(200);
    }
    for (const id of scope) {
      const body = id === weak.requirementId ? { grade: 'NI', note: '组内讨论后一致', finding: WEAKNESS } : { grade: 'FI', note: '组内讨论后一致' };
      expect((await put(a.lead.client, `${a.url}/consensus/${id}`, body)).status).toBe(200);
    }
    const summary = { strengths: '人员培训体系完整', weaknesses: '设备点检缺少记录', improvements: '建立设备点检与预防性维护制度并留存记录' };
    expect((await put(a.lead.client, `${a.url}/domain-summaries/${weak.domainId}`, summary)).status).toBe(200);
    const rolled = await a.lead.client.post<FormalAssessment>(`${a.url}/roll-up`);
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    expect(rolled.body.stage).toBe('rated');
    return { ...a, weak, scope };
  }

  const pdfOf = async (client: Client, url: string, lang = 'zh') => {
    const res = await client.get<Uint8Array>(`${url}/report.pdf?lang=${lang}`);
    expect(res.status, res.status === 200 ? '' : JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    return { text: pdfText(res.body), disposition: res.headers.get('content-disposition') ?? '' };
  };

  it('drafts the report for the team once rated and for the enterprise once shared, then numbers the final one and verifies it publicly', async () => {
    const a = await ratedAssessment();
    const { name: enterprise, creditCode } = a.e.form.enterprise;

    // 等级判定: the team's draft; the enterprise waits until the result is shared.
    const teamDraft = await pdfOf(a.lead.client, a.url);
    expect(teamDraft.text).toContain('智能制造能力成熟度评估报告（征求意见稿）');
    expect(teamDraft.text).not.toMatch(/PG-\d{8}/);
    expect(teamDraft.disposition).toMatch(/filename="PG-DRAFT-[0-9A-F]{8}\.pdf"/);
    expect((await a.e.client.get<ErrorReply>(`${a.url}/report.pdf`)).body.error.code).toBe('ILLEGAL_TRANSITION');

    // 沟通评估结果: the enterprise reads the draft and argues the weakness; the lead keeps it.
    expect((await a.lead.client.post<FormalAssessment>(`${a.url}/result-sharing`)).body.stage).toBe('communicating');
    expect((await pdfOf(a.e.client, a.url)).text).toContain('征求意见稿');
    expect((await put(a.e.client, `${a.url}/responses/${a.weak.requirementId}`, { response: '该制度已于 2026 年 10 月发布', evidenceNote: '制度文件' })).status).toBe(200);
    expect((await a.lead.client.post(`${a.url}/responses/${a.weak.requirementId}/decision`, { accept: false, reason: '抽查两个车间未见点检记录' })).status).toBe(200);
    expect((await a.lead.client.post<FormalAssessment>(`${a.url}/finalisation`, LAST_MEETING)).body.stage).toBe('final');

    // The final report: cover, sections, the weakness with the domain's directions, the decision, the number.
    const final = await pdfOf(a.e.client, a.url);
    const number = /PG-\d{8}-[0-9A-F]{10}/.exec(final.text)?.[0];
    expect(number).toBeDefined();
    expect(number!.endsWith(a.id.replaceAll('-', '').slice(0, 10).toUpperCase())).toBe(true);
    expect(final.disposition).toContain(`filename="${number}.pdf"`);
    expect(final.text).not.toContain('征求意见稿');
    for (const s of [
      '智能制造能力成熟度评估报告',
      enterprise,
      creditCode,
      '精密数控机床零部件的设计、生产、销售',
      '预定义评估（申请等级：三级（集成级））',
      '张主任',
      '三级（集成级）',
      '扫码核验报告真伪',
      `${p.ctx.publicUrl}/verify/${number}`,
      '1评估工作总结',
      '2评估情况综述',
      '3评估结果',
      '4弱项与改进建议',
      '5再次论证与处理',
      '6结论',
      '王工（设备部经理）',
      '文件与记录评审',
      WEAKNESS,
      '建立设备点检与预防性维护制度并留存记录',
      '抽查两个车间未见点检记录',
      '不采纳',
      LAST_MEETING.summary,
    ]) {
      expect(final.text).toContain(s.replace(/\s+/g, ''));
    }
    expect((await pdfOf(a.lead.client, a.url, 'en')).text).toContain('AssessmentReport');

    // 报告验证: the number answers with the formal report (masked credit code, level, body, date), nothing more.
    const anonymous = new Client(p.base);
    const verified = await anonymous.get<Record<string, unknown>>(`/api/reports/${number}`);
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body).toMatchObject({ kind: 'formal', reportNumber: number, enterprise, assessmentType: 'predefined', capability: [] });
    expect(verified.body.creditCode).toBe(`${creditCode.slice(0, 4)}**********${creditCode.slice(-4)}`);
    expect(verified.body).toMatchObject({ level: 3, levelName: '三级（集成级）' });
    expect(typeof verified.body.body).toBe('string');
    expect(Object.keys(verified.body).sort()).toEqual(['assessmentType', 'body', 'capability', 'creditCode', 'enterprise', 'issuedAt', 'kind', 'level', 'levelName', 'reportNumber']);
    const page = await fetch(`${p.base}/verify/${number}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('正式评估报告验证通过');
    expect(html).toContain(enterprise);
    expect(html).not.toContain(creditCode);
    expect((await fetch(`${p.base}/verify/PG-20261216-0000000000`)).status).toBe(404);

    // Whoever may not read the assessment: 404, like a missing one; no login: 401.
    const stranger = await registeredClient(p);
    expect((await stranger.client.get<ErrorReply>(`${a.url}/report.pdf`)).status).toBe(404);
    expect((await anonymous.get<ErrorReply>(`${a.url}/report.pdf`)).status).toBe(401);
  }, 240_000);

  it('does not verify a formal report number unless the result is final', async () => {
    const a = await ratedAssessment();
    const number = `PG-20261216-${a.id.replaceAll('-', '').slice(0, 10).toUpperCase()}`;
    await p.db.updateTable('assessment').set({ report_number: number }).where('id', '=', a.id).execute(); // a number on a result not yet final
    expect((await new Client(p.base).get<ErrorReply>(`/api/reports/${number}`)).status).toBe(404);
    expect((await fetch(`${p.base}/verify/${number}`)).status).toBe(404);
  }, 240_000);
});
