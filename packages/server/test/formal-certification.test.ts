// 合规性审查 → 公示 → 证书 through the HTTP API (seed 002 评估流程; -证书): the automatic checks (one
// failing, then fixed), the reviewer's return and approval, the public notice with an objection,
// the certificate (number, validity, superseding the earlier one, the registry), and its lifecycle:
// reminders 90 and 30 days before and expiry, each exactly once.
import type { FormalAssessment, PublicNotice, Review } from '@cmmm/contract';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/china-time.ts';
import { runScheduledWork } from '../src/services/formal-assessment/scheduled-work.ts';
import { formalFixtures } from './formal-fixtures.ts';
import { Client, testDatabases, usePlatform } from './harness.ts';

type ErrorReply = { error: { code: string; issues?: { path: string }[] } };
type Page<T> = { items: T[]; total: number };
type RegistryEntry = { certificateNumber: string | null; status: string; enterpriseName: string; level: number };
const DAY = 86_400_000;

describe.each(testDatabases)('review, public notice and certificate on the $name database', ({ open }) => {
  const p = usePlatform(open);
  const { finalAssessment, addEvidence, rateAndRollUp, staff } = formalFixtures(p);

  it('returns a result with a failed check, approves it once fixed, publishes it, resolves an objection and issues the certificate', async () => {
    // A 3-day 公示 (PUBLIC_NOTICE_DAYS), so the people's 7-day sessions outlast the test's days.
    p.ctx.scheme.noticeDays = 3;
    const a = await finalAssessment({ withoutEvidence: 1 });
    const reviewer = await staff('reviewer');
    // An earlier certificate the new one will supersede.
    const earlier = `CMMM-2-EARLIER-${randomUUID().slice(0, 6)}`;
    await p.ctx.repos.certificates.insertCertificate({ id: randomUUID(), enterpriseId: a.e.enterpriseId, level: 2, certificateNumber: earlier, scope: '机床零部件的生产', issuedOn: '2025-03-01', validUntil: '2028-02-28' });

    // The lead sees the checks before submitting: only the evidence check fails.
    const before = await a.lead.client.get<Review>(`${a.url}/review`);
    expect(before.body.checks.filter((c) => !c.passed).map((c) => c.code)).toEqual(['EVIDENCE_COMPLETE']);
    expect(before.body.checks.find((c) => c.code === 'EVIDENCE_COMPLETE')!.message).toContain(a.withoutEvidence[0]!);
    expect((await reviewer.client.post<ErrorReply>(`${a.url}/review/decision`, { approve: true })).body.error.code).toBe('ILLEGAL_TRANSITION');
    expect((await a.lead.client.get<FormalAssessment>(a.url)).body.actions).toContain('submitForReview');
    expect((await a.lead.client.post<FormalAssessment>(`${a.url}/review-request`)).body.stage).toBe('under_review');
    expect((await reviewer.client.get<FormalAssessment>(a.url)).body.actions).toEqual(['review']);

    // Not approvable; not the lead's decision; returned with reasons.
    const refused = await reviewer.client.post<ErrorReply>(`${a.url}/review/decision`, { approve: true });
    expect(refused.body.error.code).toBe('REVIEW_CHECKS_FAILED');
    expect(refused.body.error.issues?.map((i) => i.path)).toEqual(['checks.EVIDENCE_COMPLETE']);
    expect((await a.lead.client.post<ErrorReply>(`${a.url}/review/decision`, { approve: false, reasons: '—' })).status).toBe(403);
    expect((await reviewer.client.post<ErrorReply>(`${a.url}/review/decision`, { approve: false })).status).toBe(400);
    const returned = await reviewer.client.post<FormalAssessment>(`${a.url}/review/decision`, { approve: false, reasons: `要求 ${a.withoutEvidence[0]} 没有证据` });
    expect(returned.body.stage).toBe('assessing');

    // A day later the team adds the evidence, everyone resubmits, the result is fixed again and resubmitted.
    p.clock.advance(DAY);
    await addEvidence(a, a.withoutEvidence[0]!);
    await rateAndRollUp(a, a.scope);
    expect((await a.lead.client.post<FormalAssessment>(`${a.url}/review-request`)).body.stage).toBe('under_review');
    const approved = await reviewer.client.post<FormalAssessment>(`${a.url}/review/decision`, { approve: true });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.stage).toBe('publicized');
    const history = await reviewer.client.get<Review>(`${a.url}/review`);
    expect(history.body.reviews.map((r) => r.decision)).toEqual(['returned', 'approved']);

    // 公示: public, with the enterprise, level, scope, body and lead.
    const anonymous = new Client(p.base);
    const notices = await anonymous.get<Page<PublicNotice>>('/api/public-notices?pageSize=100');
    const notice = notices.body.items.find((n) => n.assessmentId === a.id)!;
    expect(notice).toMatchObject({ enterpriseName: expect.any(String), level: 3, scope: '精密数控机床零部件的设计、生产、销售', leadName: '张主任' });
    expect(notice.endsOn).toBe(addDays(notice.startsOn, 2));
    const objection = await anonymous.post<{ id: string }>(`/api/public-notices/${a.id}/objections`, { name: '李四', contact: '13900002222', text: '该企业物流并未外包' });
    expect(objection.status).toBe(201);
    expect((await reviewer.client.post<ErrorReply>(`${a.url}/certificate`)).body.error.code).toBe('NOTICE_NOT_ENDED');
    // Who objected is for the reviewers; the enterprise reads the objection, not its author.
    type Objection = { name: string; contact: string; text: string };
    expect((await reviewer.client.get<Objection[]>(`${a.url}/objections`)).body).toEqual([expect.objectContaining({ name: '李四', contact: '13900002222' })]);
    expect((await a.e.client.get<Objection[]>(`${a.url}/objections`)).body).toEqual([expect.objectContaining({ name: '', contact: '', text: '该企业物流并未外包' })]);

    // After the period: the open objection blocks the certificate, even for the daily run.
    p.clock.advance(3 * DAY);
    expect((await anonymous.post<ErrorReply>(`/api/public-notices/${a.id}/objections`, { name: '王五', contact: '13900003333', text: '迟到的异议' })).body.error.code).toBe('NOTICE_NOT_OPEN');
    expect((await reviewer.client.post<ErrorReply>(`${a.url}/certificate`)).body.error.code).toBe('OBJECTIONS_OPEN');
    expect((await runScheduledWork(p.ctx)).issued).toEqual([]);
    const dismissed = await reviewer.client.post<FormalAssessment>(`${a.url}/objections/${objection.body.id}/resolution`, { uphold: false, resolution: '经核实物流确已外包，异议不成立' });
    expect(dismissed.body.stage).toBe('publicized');

    // The daily run issues it (once), superseding the earlier certificate.
    const [first, second] = await Promise.all([runScheduledWork(p.ctx), runScheduledWork(p.ctx)]);
    expect([...first.issued, ...second.issued]).toEqual([a.id]);
    const certified = await a.e.client.get<FormalAssessment>(a.url);
    expect(certified.body.stage).toBe('certified');
    const certificates = await a.e.client.get<{ items: { certificateNumber: string; status: string; level: number; validUntil: string; issuedOn: string }[] }>(`/api/enterprises/${a.e.enterpriseId}/certificates`);
    const issued = certificates.body.items.find((c) => c.certificateNumber.startsWith('CMMM-3-'))!;
    expect(issued.certificateNumber).toMatch(/^CMMM-3-\d{8}-[0-9A-F]{10}$/);
    expect(issued).toMatchObject({ status: 'valid', level: 3 });
    expect(issued.validUntil).toBe(`${Number(issued.issuedOn.slice(0, 4)) + 3}${issued.issuedOn.slice(4, 8)}${String(Number(issued.issuedOn.slice(8)) - 1).padStart(2, '0')}`);
    expect(certificates.body.items.find((c) => c.certificateNumber === earlier)!.status).toBe('superseded');

    // The registry finds it by number.
    const found = await anonymous.get<RegistryEntry>(`/api/registry/certificates/${issued.certificateNumber}`);
    expect(found.body).toMatchObject({ certificateNumber: issued.certificateNumber, status: 'valid', level: 3 });

    // Reminders 90 and 30 days before, each once; expired the day after the last.
    const outbox = async () => (await p.ctx.repos.sms.listOutbox(100)).filter((m) => m.body.includes(issued.certificateNumber)).length;
    const last = new Date(`${issued.validUntil}T12:00:00+08:00`).getTime();
    p.clock.now = new Date(last - 91 * DAY);
    expect((await runScheduledWork(p.ctx)).reminded).toEqual([]);
    p.clock.now = new Date(last - 90 * DAY);
    await Promise.all([runScheduledWork(p.ctx), runScheduledWork(p.ctx)]);
    expect(await outbox()).toBe(1);
    expect((await p.ctx.repos.sms.listOutbox(100)).find((m) => m.body.includes(issued.certificateNumber))?.body).toContain('还有 90 天');
    p.clock.now = new Date(last - 31 * DAY);
    expect((await runScheduledWork(p.ctx)).reminded).toEqual([]);
    // A day the servers were down is caught up: the 30-day reminder still goes out 20 days before.
    p.clock.now = new Date(last - 20 * DAY);
    await runScheduledWork(p.ctx);
    await runScheduledWork(p.ctx);
    expect(await outbox()).toBe(2);
    expect((await p.ctx.repos.sms.listOutbox(100)).filter((m) => m.body.includes(issued.certificateNumber)).map((m) => m.body).join()).toContain('还有 20 天');
    p.clock.now = new Date(last + DAY);
    const runs = await Promise.all([runScheduledWork(p.ctx), runScheduledWork(p.ctx)]);
    expect(runs.flatMap((r) => r.expired)).toEqual([issued.certificateNumber]);
    expect((await anonymous.get<RegistryEntry>(`/api/registry/certificates/${issued.certificateNumber}`)).body.status).toBe('expired');
  }, 300_000);
});
