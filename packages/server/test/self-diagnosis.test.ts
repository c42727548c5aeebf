// 企业自诊断 through the HTTP API: every rule of issue 4 §3 and seed 001, on every test database.
import { assess, compilePlan, evaluateLevel, readAnswers, requireEdition, type Grade } from '@cmmm/model';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seedDemoData } from '../src/services/platform/demo-data.ts';
import { monthWindow } from '../src/services/self-diagnosis/quota.ts';
import { percentileAmong } from '../src/services/self-diagnosis/self-diagnosis-result.ts';
import { Client, registeredClient, SAMPLE_SURVEY, staffClient, testDatabases, usePlatform } from './harness.ts';

type ErrorReply = { error: { code: string; message: string; issues?: { path: string }[] } };
type Diagnosis = { id: string; status: string; currentLevel: number; answers: Record<string, Grade>; levels: { level: number; reached: boolean; score: number }[] };

const edition = requireEdition('db12-t1073-2021');
const requirementsAt = (level: number, skip: (subdomainId: string) => boolean = () => false) =>
  edition.elements.flatMap((e) => e.domains.flatMap((d) => d.subdomains.filter((s) => !skip(s.id)).flatMap((s) => s.items.map((i) => i.requirements.find((r) => r.level === level)!))));

/** The PDF's text layer (poppler's pdftotext). */
function pdfText(pdf: Buffer): string {
  const r = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
  if (r.error) throw new Error(`pdftotext is needed to read reports back (apt-get install poppler-utils): ${r.error.message}`);
  return r.stdout;
}

const survey = SAMPLE_SURVEY;

describe.each(testDatabases)('self-diagnosis on the $name database', ({ open }) => {
  const p = usePlatform(open);

  /** A new enterprise with a diagnosis created (物流 tailored) and its survey saved. */
  async function started(tailored: string[] = ['M3']) {
    const e = await registeredClient(p);
    const created = await e.client.post<Diagnosis>('/api/self-diagnoses', { enterpriseType: 'discrete', tailored });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('survey');
    const saved = await e.client.request<Diagnosis>('PUT', `/api/self-diagnoses/${created.body.id}/survey`, survey);
    expect(saved.body).toMatchObject({ status: 'answering', currentLevel: 1 });
    return { ...e, id: created.body.id };
  }

  const answerLevel = (client: Client, id: string, level: number, grade: (reqId: string) => Grade, tailored = ['M3']) =>
    client.request('PUT', `/api/self-diagnoses/${id}/answers`, {
      answers: Object.fromEntries(requirementsAt(level, (s) => tailored.some((t) => s.startsWith(t))).map((r) => [r.id, grade(r.id)])),
    });

  it('runs level by level: 一级 reached opens 二级; 二级 not reached ends with the engine\'s result', async () => {
    const { client, id } = await started();
    expect((await answerLevel(client, id, 1, () => 'FI')).status).toBe(200);
    const first = await client.post<{ level: number; reached: boolean; nextLevel: number | null; completed: boolean; score: number }>(`/api/self-diagnoses/${id}/submit`);
    expect(first.body).toEqual({ level: 1, score: 1, reached: true, nextLevel: 2, completed: false });
    await answerLevel(client, id, 2, (r) => (r.startsWith('P') || r.startsWith('T') ? 'LI' : 'PI'));
    const second = await client.post<{ reached: boolean; completed: boolean; nextLevel: null }>(`/api/self-diagnoses/${id}/submit`);
    expect(second.body).toMatchObject({ level: 2, reached: false, nextLevel: null, completed: true });

    const result = await client.get<{ result: { level: number; levelName: string; totalScore: number; levelScores: Record<string, number> }; strengths: unknown[]; weakPoints: { grade: string }[]; diagnosis: { isValidResult: boolean } }>(
      `/api/self-diagnoses/${id}/result`,
    );
    const detail = await client.get<Diagnosis>(`/api/self-diagnoses/${id}`);
    const expected = assess({ enterpriseType: 'discrete', tailored: ['M3'], answers: detail.body.answers });
    expect(expected.ok).toBe(true);
    if (!expected.ok) return;
    expect(result.body.result).toMatchObject({ level: 1, levelName: '一级（规划级）', totalScore: expected.value.totalScore, levelScores: expected.value.levelScores });
    expect(result.body.result.totalScore).toBeCloseTo(0 + 1 + expected.value.levelScores['2']!, 12); // S = (k − 1) + s1 + s2, k = 1
    expect(result.body.strengths.length).toBeGreaterThan(0);
    expect(result.body.weakPoints.every((w) => w.grade === 'PI' || w.grade === 'NI')).toBe(true);
    expect(result.body.diagnosis.isValidResult).toBe(true);
    // 能力度等级: 人员 and 技术 大部分满足 at 二级 (exactly 0.8) reach it, 生产 (部分满足) stays at 一级;
    // 物流 tailored is left out; nothing goes beyond the levels evaluated
    const { profile } = (await client.get<{ profile: { evaluatedLevels: number[]; domains: { id: string; capabilityLevel: number; subdomains: { id: string; capabilityLevel: number }[] }[] } }>(`/api/self-diagnoses/${id}/result`)).body;
    expect(profile.evaluatedLevels).toEqual([1, 2]);
    const levelOf = Object.fromEntries(profile.domains.flatMap((d) => [[d.id, d.capabilityLevel], ...d.subdomains.map((s) => [s.id, s.capabilityLevel])]));
    expect([levelOf['P1'], levelOf['P1-1'], levelOf['T2'], levelOf['M2'], levelOf['M2-4']]).toEqual([2, 2, 2, 1, 1]);
    expect(levelOf).not.toHaveProperty('M3');
    expect(levelOf).not.toHaveProperty('M3-1');
  });

  it('numbers the report, verifies it publicly, and exports answers as JSON and Excel', async () => {
    const { client, id, form } = await started();
    await answerLevel(client, id, 1, () => 'LI');
    await client.post(`/api/self-diagnoses/${id}/submit`);
    await answerLevel(client, id, 2, () => 'NI');
    await client.post(`/api/self-diagnoses/${id}/submit`);
    const summary = await client.get<{ reportNumber: string; level: number; totalScore: number }>(`/api/self-diagnoses/${id}`);
    expect(summary.body.reportNumber).toMatch(/^ZD-\d{8}-[0-9A-F]{10}$/);

    const anonymous = new Client(p.base);
    const verified = await anonymous.get<{ enterprise: string; levelName: string; creditCode: string }>(`/api/reports/${summary.body.reportNumber}`);
    expect(verified.body).toMatchObject({ enterprise: form.enterprise.name, levelName: '一级（规划级）' });
    expect(verified.body.creditCode).toMatch(/^\w{4}\*{10}\w{4}$/);
    const page = await fetch(`${p.base}/verify/${summary.body.reportNumber}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(form.enterprise.name);
    expect((await fetch(`${p.base}/verify/ZD-20260101-0000000000`)).status).toBe(404);

    const json = await client.get<{ enterpriseType: 'discrete'; tailored: string[]; answers: Record<string, Grade> }>(`/api/self-diagnoses/${id}/export.json`);
    const rescored = assess(json.body);
    expect(rescored.ok && [rescored.value.level, rescored.value.totalScore]).toEqual([summary.body.level, summary.body.totalScore]);

    const xlsx = await fetch(`${p.base}/api/self-diagnoses/${id}/export.xlsx`, { headers: { cookie: `cmmm_session=${client.cookie('cmmm_session')}` } });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const answersSheet = book.getWorksheet('答案')!;
    expect(answersSheet.rowCount - 1).toBe(Object.keys(json.body.answers).length);
    expect(String(answersSheet.getRow(2).getCell(7).value)).toMatch(/^应/);
    const scoresSheet = book.getWorksheet('得分')!;
    const values = scoresSheet.getSheetValues().flat().map(String);
    expect(values).toContain('总分 S');
    expect(values).toContain(String(summary.body.totalScore));
    // 查看报告: the PDF, read back through its text layer
    const pdf = await fetch(`${p.base}/api/self-diagnoses/${id}/report.pdf`, { headers: { cookie: `cmmm_session=${client.cookie('cmmm_session')}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain(form.enterprise.name);
    expect(text).toContain('一级（规划级）');
    expect(text).toContain(summary.body.reportNumber);
    // The QR code and link come from PUBLIC_URL, never from the request's Host header.
    const forged = await new Promise<Buffer>((resolve, reject) => {
      const req = request(`${p.base}/api/self-diagnoses/${id}/report.pdf`, { headers: { host: 'evil.example', cookie: `cmmm_session=${client.cookie('cmmm_session')}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      });
      req.on('error', reject);
      req.end();
    });
    const forgedText = pdfText(forged);
    expect(forgedText).toContain(`${p.ctx.publicUrl}/verify/`); // (the number wraps to the next line)
    expect(forgedText).not.toContain('evil.example');
    const english = pdfText(Buffer.from(await (await fetch(`${p.base}/api/self-diagnoses/${id}/report.pdf?lang=en`, { headers: { cookie: `cmmm_session=${client.cookie('cmmm_session')}` } })).arrayBuffer()));
    expect(english).toMatch(/Maturity level/i);
    const withKnowledge = await client.get<{ roadmap: { name: string }[]; policies: unknown[] }>(`/api/self-diagnoses/${id}/result`);
    expect(withKnowledge.body.roadmap.length).toBeGreaterThan(0);
    expect(Array.isArray(withKnowledge.body.policies)).toBe(true);
    // 能力度等级 and the application views, from the stored answers (one level evaluated here: 一级)
    const withProfile = await client.get<{ profile: { evaluatedLevels: number[]; domains: { capabilityLevel: number; subdomains: { capabilityLevel: number }[] }[] }; views: { id: string }[] }>(`/api/self-diagnoses/${id}/result`);
    const evaluatedTop = Math.max(...withProfile.body.profile.evaluatedLevels);
    expect(withProfile.body.profile.domains.length).toBeGreaterThan(0);
    for (const d of withProfile.body.profile.domains) for (const node of [d, ...d.subdomains]) expect(node.capabilityLevel).toBeLessThanOrEqual(evaluatedTop);
    expect(withProfile.body.views.map((v) => v.id)).toEqual(['smart-workshop', 'smart-factory', 'smart-supply-chain']);
    expect(text).toContain('能力度等级');
    // another enterprise cannot export it, nor read its report
    expect((await fetch(`${p.base}/api/self-diagnoses/${id}/report.pdf`)).status).toBe(401);
    const other = await registeredClient(p);
    expect((await other.client.get(`/api/self-diagnoses/${id}/export.json`)).status).toBe(403);
  });

  it('refuses tailoring a mandatory part, and NA outside tailorable parts', async () => {
    const e = await registeredClient(p);
    const bad = await e.client.post<ErrorReply>('/api/self-diagnoses', { enterpriseType: 'discrete', tailored: ['M2'] });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'TAILORING_NOT_ALLOWED']);
    const { client, id } = await started([]);
    const na = await client.request<ErrorReply>('PUT', `/api/self-diagnoses/${id}/answers/P1-1.1.L1`, { grade: 'NA' });
    expect([na.status, na.body.error.code]).toEqual([400, 'NA_NOT_ALLOWED']);
    expect((await client.request('PUT', `/api/self-diagnoses/${id}/answers/M4-1.1.L1`, { grade: 'NA' })).status).toBe(200); // 销售 is tailorable
  });

  it('refuses answers in tailored-out parts and at levels not open', async () => {
    const { client, id } = await started(['M3']);
    const tailored = await client.request<ErrorReply>('PUT', `/api/self-diagnoses/${id}/answers/M3-1.1.L1`, { grade: 'FI' });
    expect(tailored.body.error.code).toBe('NOT_IN_DIAGNOSIS');
    const ahead = await client.request<ErrorReply>('PUT', `/api/self-diagnoses/${id}/answers/P1-1.1.L2`, { grade: 'FI' });
    expect(ahead.body.error.code).toBe('LEVEL_NOT_OPEN');
  });

  it('refuses submitting with unanswered requirements, naming them', async () => {
    const { client, id } = await started();
    await client.request('PUT', `/api/self-diagnoses/${id}/answers/P1-1.1.L1`, { grade: 'FI' });
    const res = await client.post<ErrorReply>(`/api/self-diagnoses/${id}/submit`);
    expect([res.status, res.body.error.code]).toEqual([400, 'MISSING_ANSWERS']);
    expect(res.body.error.message).toContain('P1-1.2.L1');
  });

  it('lets no autosave slip into a level while it is being submitted', async () => {
    const { client, id } = await started();
    await answerLevel(client, id, 1, () => 'FI');
    await client.request('PUT', `/api/self-diagnoses/${id}/answers/P1-1.1.L1`, { grade: 'FI' }); // the state is known
    const late = requirementsAt(1, (s) => s.startsWith('M3'));
    // autosaves keep arriving before, during and after the submission
    const autosaves = late.map((r, i) => new Promise((resolve) => setTimeout(resolve, i)).then(() => client.request('PUT', `/api/self-diagnoses/${id}/answers/${r.id}`, { grade: 'NI' })));
    const submitted = await new Promise((resolve) => setTimeout(resolve, 5)).then(() => client.post<{ score: number }>(`/api/self-diagnoses/${id}/submit`));
    const codes = new Set((await Promise.all(autosaves)).map((r) => (r.status === 200 ? 'saved' : (r.body as { error: { code: string } }).error.code)));
    // refused once the level is submitted (or the diagnosis completed, when 一级 fell short)
    expect([...codes].filter((c) => !['saved', 'LEVEL_LOCKED', 'DIAGNOSIS_COMPLETED'].includes(c))).toEqual([]);
    // whatever got in before the submission was scored, and nothing after: the stored answers give the stored score
    const detail = await client.get<Diagnosis>(`/api/self-diagnoses/${id}`);
    const level1 = Object.fromEntries(Object.entries(detail.body.answers).filter(([rid]) => rid.endsWith('.L1')));
    const plan = compilePlan(edition, { enterpriseType: 'discrete', tailored: ['M3'] });
    if (!plan.ok) throw new Error('plan');
    const sheet = readAnswers(plan.value, level1);
    const rescored = sheet.ok ? evaluateLevel(plan.value, sheet.value, 1) : null;
    expect(rescored?.ok && rescored.value.score).toBe(submitted.body.score);
    expect(detail.body.levels[0]!.score).toBe(submitted.body.score);
  });

  it('checks each of the autosaves arriving together on its own: what is acknowledged is stored, nothing else', async () => {
    const a = await started();
    const b = await started();
    await answerLevel(b.client, b.id, 1, () => 'FI');
    await b.client.post(`/api/self-diagnoses/${b.id}/submit`); // b now answers 二级: its 一级 is locked
    const level1 = requirementsAt(1, (s) => s.startsWith('M3')).slice(0, 20);
    const level2 = requirementsAt(2, (s) => s.startsWith('M3')).slice(0, 20);
    const put = (c: Client, id: string, requirementId: string, grade: Grade) => c.request('PUT', `/api/self-diagnoses/${id}/answers/${requirementId}`, { grade });
    const replies = await Promise.all([
      ...level1.map((r) => put(a.client, a.id, r.id, 'PI')), // a's open level: saved
      ...level1.map((r) => put(b.client, b.id, r.id, 'NI')), // b's submitted level: refused
      ...level2.map((r) => put(b.client, b.id, r.id, 'LI')), // b's open level: saved
      ...level1.slice(0, 5).map((r) => put(b.client, a.id, r.id, 'NI')), // someone else's diagnosis: refused
    ]);
    expect(replies.slice(0, 20).map((r) => r.status)).toEqual(level1.map(() => 200));
    expect(replies.slice(20, 40).map((r) => (r.body as ErrorReply).error?.code)).toEqual(level1.map(() => 'LEVEL_LOCKED'));
    expect(replies.slice(40, 60).map((r) => r.status)).toEqual(level2.map(() => 200));
    expect(replies.slice(60).every((r) => r.status === 403 || r.status === 404)).toBe(true);
    const storedA = (await a.client.get<Diagnosis>(`/api/self-diagnoses/${a.id}`)).body.answers;
    const storedB = (await b.client.get<Diagnosis>(`/api/self-diagnoses/${b.id}`)).body.answers;
    expect(level1.map((r) => storedA[r.id])).toEqual(level1.map(() => 'PI'));
    expect(level1.map((r) => storedB[r.id])).toEqual(level1.map(() => 'FI'));
    expect(level2.map((r) => storedB[r.id])).toEqual(level2.map(() => 'LI'));
  });

  it('keeps a submitted level immutable, and the survey too', async () => {
    const { client, id } = await started();
    await answerLevel(client, id, 1, () => 'FI');
    await client.post(`/api/self-diagnoses/${id}/submit`);
    const change = await client.request<ErrorReply>('PUT', `/api/self-diagnoses/${id}/answers/P1-1.1.L1`, { grade: 'NI' });
    expect([change.status, change.body.error.code]).toEqual([409, 'LEVEL_LOCKED']);
    const bulk = await client.request<ErrorReply>('PUT', `/api/self-diagnoses/${id}/answers`, { answers: { 'P1-1.1.L2': 'FI', 'P1-1.2.L1': 'NI' } });
    expect(bulk.body.error.code).toBe('LEVEL_LOCKED');
    expect((await client.get<Diagnosis>(`/api/self-diagnoses/${id}`)).body.answers['P1-1.2.L2']).toBeUndefined(); // nothing of the refused batch
    const again = await client.request<ErrorReply>('PUT', `/api/self-diagnoses/${id}/survey`, survey);
    expect(again.body.error.code).toBe('SURVEY_LOCKED');
  });

  it('resumes where the user stopped: the answers and the current level come back', async () => {
    const { client, id } = await started();
    await client.request('PUT', `/api/self-diagnoses/${id}/answers/T1-1.2.L1`, { grade: 'PI' });
    const list = await client.get<{ inProgressId: string }>('/api/self-diagnoses');
    expect(list.body.inProgressId).toBe(id);
    const detail = await client.get<Diagnosis>(`/api/self-diagnoses/${id}`);
    expect(detail.body.answers['T1-1.2.L1']).toBe('PI');
    expect(detail.body.currentLevel).toBe(1);
  });

  it('allows one diagnosis in progress at a time, and 3 per calendar month (UTC+8)', async () => {
    const saved = p.clock.now;
    const { end } = monthWindow(p.clock.now);
    p.clock.now = new Date(end.getTime() - 2 * 3_600_000); // two hours before the month ends in Beijing
    const { client, id } = await started();
    const second = await client.post<ErrorReply>('/api/self-diagnoses', { enterpriseType: 'discrete', tailored: [] });
    expect(second.body.error.code).toBe('SELF_DIAGNOSIS_IN_PROGRESS');
    // finish it quickly (一级 not reached), then two more
    await answerLevel(client, id, 1, () => 'NI');
    await client.post(`/api/self-diagnoses/${id}/submit`);
    for (let i = 0; i < 2; i++) {
      const next = await client.post<Diagnosis>('/api/self-diagnoses', { enterpriseType: 'discrete', tailored: [] });
      expect(next.status).toBe(201);
      await client.request('PUT', `/api/self-diagnoses/${next.body.id}/survey`, survey);
      await answerLevel(client, next.body.id, 1, () => 'NI', []);
      await client.post(`/api/self-diagnoses/${next.body.id}/submit`);
    }
    const list = await client.get<{ quota: { used: number; remaining: number; windowStart: string } }>('/api/self-diagnoses');
    expect(list.body.quota).toMatchObject({ used: 3, remaining: 0 });
    const fourth = await client.post<ErrorReply>('/api/self-diagnoses', { enterpriseType: 'discrete', tailored: [] });
    expect([fourth.status, fourth.body.error.code]).toEqual([409, 'SELF_DIAGNOSIS_LIMIT']);
    expect(fourth.body.error.message).toContain('3 次');
    // the next calendar month (北京时间) opens new slots
    p.clock.now = new Date(end.getTime() + 1000);
    expect((await client.post('/api/self-diagnoses', { enterpriseType: 'discrete', tailored: [] })).status).toBe(201);
    p.clock.now = saved;
  });

  it('keeps another enterprise\'s diagnosis unreachable; the region admin may read it', async () => {
    const { id } = await started();
    const other = await registeredClient(p);
    expect((await other.client.get(`/api/self-diagnoses/${id}`)).status).toBe(403);
    expect((await other.client.request('PUT', `/api/self-diagnoses/${id}/answers/P1-1.1.L1`, { grade: 'FI' })).status).toBe(403);
    expect((await other.client.post(`/api/self-diagnoses/${id}/submit`)).status).toBe(403);
    expect((await new Client(p.base).get(`/api/self-diagnoses/${id}`)).status).toBe(401);
    const kunshan = await staffClient(p, 'region_admin', '320583');
    expect((await kunshan.client.get(`/api/self-diagnoses/${id}`)).status).toBe(200);
    expect((await kunshan.client.request('PUT', `/api/self-diagnoses/${id}/answers/P1-1.1.L1`, { grade: 'FI' })).status).toBe(403);
  });

  it('flags answers that contradict the survey before submitting', async () => {
    const { client, id } = await started();
    await client.request('PUT', `/api/self-diagnoses/${id}/answers/R1-1.2.L1`, { grade: 'FI' }); // 自感知 with 0% networked equipment
    await client.request('PUT', `/api/self-diagnoses/${id}/answers/R1-1.1.L1`, { grade: 'FI' }); // 自动化设备 with 40% NC: fine
    const res = await client.get<{ warnings: { requirementId: string; message: string }[] }>(`/api/self-diagnoses/${id}/plausibility`);
    expect(res.body.warnings.map((w) => w.requirementId)).toEqual(['R1-1.2.L1']);
    expect(res.body.warnings[0]!.message).toContain('设备联网率为 0');
  });

  it('serves the questions of a level with the parts answered only, and the evidence guidance', async () => {
    const { client, id } = await started(['M3']);
    const q = await client.get<{ elements: { domains: { id: string; subdomains: { items: { requirement: { id: string; naAllowed: boolean; guidance: { zh: string[] } } }[] }[] }[] }[] }>(
      `/api/self-diagnoses/${id}/questionnaire?level=2`,
    );
    const domains = q.body.elements.flatMap((e) => e.domains);
    expect(domains.map((d) => d.id)).not.toContain('M3');
    const requirements = domains.flatMap((d) => d.subdomains.flatMap((s) => s.items.map((i) => i.requirement)));
    expect(requirements).toHaveLength(99 - 5);
    expect(requirements.every((r) => r.id.endsWith('.L2') && r.guidance.zh.length > 0)).toBe(true);
    expect(requirements.find((r) => r.id.startsWith('M2'))!.naAllowed).toBe(false);
  });

  it('shows the position among peers only from 5 peers on', async () => {
    const { client, id } = await started([]);
    await answerLevel(client, id, 1, () => 'LI', []);
    await client.post(`/api/self-diagnoses/${id}/submit`);
    await answerLevel(client, id, 2, () => 'PI', []);
    await client.post(`/api/self-diagnoses/${id}/submit`);
    const peersOf = async () => (await client.get<{ peers: { group: string; peers: number; percentile: number | null }[] }>(`/api/self-diagnoses/${id}/result`)).body.peers;
    const before = await peersOf();
    expect(before.find((x) => x.group === 'region')!.percentile).toBeNull();
    await seedDemoData(p.ctx, { enterprises: 60, seed: 3 });
    const after = await peersOf();
    const industry = after.find((x) => x.group === 'industry')!;
    expect(industry.peers).toBeGreaterThanOrEqual(1);
    const withPercentile = after.filter((x) => x.peers >= 5);
    for (const x of withPercentile) expect(x.percentile).toBeGreaterThanOrEqual(0);
  });
});

describe('percentile among peers', () => {
  it('counts lower scores, ties as half, and hides below 5 peers', () => {
    expect(percentileAmong(2, [1, 1, 3, 4])).toBeNull();
    expect(percentileAmong(2, [1, 1, 2, 3, 4])).toBe(50);
    expect(percentileAmong(5, [1, 2, 3, 4, 4.8])).toBe(100);
  });
});

describe('the monthly window', () => {
  it('is the calendar month in China Standard Time', () => {
    // 2026-11-30T17:00Z is already 1 December in Beijing
    const w = monthWindow(new Date('2026-11-30T17:00:00Z'));
    expect([w.start.toISOString(), w.end.toISOString()]).toEqual(['2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
  });
});
