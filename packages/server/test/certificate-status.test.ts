// 证书状态 after issue through the HTTP API: a reviewer and the platform admin suspend (暂停), reinstate
// (恢复) and revoke (撤销) a certificate with a reason; illegal moves answer CERTIFICATE_STATUS_FINAL; each
// change is an audit event and an SMS to the enterprise; the registry and /verify show the new status and
// never the reason; the enterprise still downloads its PDF, marked with the status. The registry lists
// 自定义评估 certificates (no level) with their domains; they match no level filter.
import type { ManagedCertificate } from '@cmmm/contract';
import type { RegistryDistribution, RegistryEntry, RegistryPage } from '@cmmm/contract/registry';
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formalFixtures } from './formal-fixtures.ts';
import { adminClient, Client, registeredClient, testDatabases, usePlatform } from './harness.ts';

type ErrorReply = { error: { code: string; issues?: { path: string; message: string }[] } };

function pdfText(pdf: Uint8Array): string {
  const r = spawnSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(pdf), encoding: 'utf8' });
  if (r.error) throw new Error(`pdftotext is needed to read certificates back (apt-get install poppler-utils): ${r.error.message}`);
  return r.stdout.replace(/\s+/g, '');
}

const newNumber = (kind: string) => `CMMM-${kind}-20260601-${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`;

describe.each(testDatabases)('the certificate status on the $name database', ({ open }) => {
  const p = usePlatform(open);
  const { staff } = formalFixtures(p);

  async function certificateOf(e: { enterpriseId: string }, overrides: { level?: number | null; capability?: { domainId: string; name: string; level: number }[]; issuedOn?: string; validUntil?: string } = {}) {
    const number = newNumber(overrides.level === null ? 'C' : String(overrides.level ?? 3));
    await p.ctx.repos.certificates.insertCertificate({
      id: randomUUID(),
      enterpriseId: e.enterpriseId,
      level: overrides.level === undefined ? 3 : overrides.level,
      capability: overrides.capability ?? null,
      certificateNumber: number,
      scope: '精密零部件的设计、生产',
      issuedOn: overrides.issuedOn ?? '2026-06-01',
      validUntil: overrides.validUntil ?? '2029-05-31',
    });
    return number;
  }

  const auditOf = async (number: string) => {
    const row = await p.ctx.repos.certificates.findCertificateByNumber(number);
    return p.db.selectFrom('audit_event').select(['action', 'actor_role', 'summary']).where('subject_type', '=', 'certificate').where('subject_id', '=', row!.id).orderBy('id').execute();
  };

  it('suspends, reinstates and revokes with a reason, refuses illegal moves, records and notifies every change', async () => {
    const reviewer = await staff('reviewer');
    const admin = await adminClient(p);
    const e = await registeredClient(p);
    const number = await certificateOf(e);
    const url = `/api/certificates/${number}`;
    const reason = `监督抽查发现生产数据造假-${randomUUID().slice(0, 8)}`;

    // A reason is required, in Chinese, naming the field; only reviewers and the platform admin may act.
    for (const body of [{}, { reason: '   ' }]) {
      const missing = await reviewer.client.post<ErrorReply>(`${url}/suspension`, body);
      expect([missing.status, missing.body.error.code]).toEqual([400, 'VALIDATION']);
      expect(missing.body.error.issues).toEqual([expect.objectContaining({ path: 'reason', message: '请填写理由' })]);
    }
    expect((await e.client.post<ErrorReply>(`${url}/suspension`, { reason })).status).toBe(403);
    expect((await new Client(p.base).post<ErrorReply>(`${url}/suspension`, { reason })).status).toBe(401);
    expect((await reviewer.client.post<ErrorReply>(`/api/certificates/${newNumber('3')}/suspension`, { reason })).status).toBe(404);
    expect((await reviewer.client.post<ErrorReply>(`${url}/reinstatement`, { reason: '无需恢复' })).body.error.code).toBe('CERTIFICATE_STATUS_FINAL');

    // 暂停 by a reviewer: the status and reason kept, an audit event, an SMS to the enterprise's contact.
    const suspended = await reviewer.client.post<ManagedCertificate>(`${url}/suspension`, { reason });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect(suspended.body).toMatchObject({ certificateNumber: number, status: 'suspended', statusReason: reason });
    expect((await auditOf(number)).map((a) => [a.action, a.actor_role, (a.summary as { from: string; to: string }).from, (a.summary as { to: string }).to])).toEqual([
      ['certificate.status_changed', 'reviewer', 'valid', 'suspended'],
    ]);
    const sms = (await p.ctx.repos.sms.listOutbox(100)).filter((m) => m.body.includes(number));
    expect(sms.map((m) => [m.mobile, m.body.includes('「暂停」')])).toEqual([[e.form.enterprise.contactMobile, true]]);
    expect((await reviewer.client.post<ErrorReply>(`${url}/suspension`, { reason })).body.error.code).toBe('CERTIFICATE_STATUS_FINAL');

    // The enterprise reads why, on its own certificates.
    const own = await e.client.get<{ items: { certificateNumber: string; status: string; statusReason: string | null }[] }>(`/api/enterprises/${e.enterpriseId}/certificates`);
    expect(own.body.items.map((c) => [c.certificateNumber, c.status, c.statusReason])).toEqual([[number, 'suspended', reason]]);

    // The registry and the verification show the status, never the reason.
    const anonymous = new Client(p.base);
    const entry = await anonymous.get<RegistryEntry>(`/api/registry/certificates/${number}`);
    expect(entry.body.status).toBe('suspended');
    expect(JSON.stringify(entry.body)).not.toContain(reason);
    const verified = await anonymous.get<Record<string, unknown>>(`/api/reports/${number}`);
    expect(verified.body.status).toBe('suspended');
    expect(JSON.stringify(verified.body)).not.toContain('监督抽查');
    const page = await (await fetch(`${p.base}/verify/${number}`)).text();
    expect(page).toContain('暂停 · Suspended');
    expect(page).not.toContain('监督抽查');
    expect(page).not.toContain('证书验证通过');

    // The enterprise still downloads its PDF, marked suspended.
    const pdf = await e.client.get<Uint8Array>(`${url}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdfText(pdf.body)).toContain('证书状态：已暂停');
    expect(pdfText((await e.client.get<Uint8Array>(`${url}.pdf?lang=en`)).body)).toContain('SUSPENDED');

    // 恢复 by the platform admin; the PDF is unmarked again.
    const reinstated = await admin.post<ManagedCertificate>(`${url}/reinstatement`, { reason: '整改完成，复查合格' });
    expect(reinstated.body).toMatchObject({ status: 'valid', statusReason: '整改完成，复查合格' });
    expect(pdfText((await e.client.get<Uint8Array>(`${url}.pdf`)).body)).not.toContain('证书状态');
    expect((await anonymous.get<RegistryEntry>(`/api/registry/certificates/${number}`)).body.status).toBe('valid');

    // 撤销 is final.
    expect((await reviewer.client.post<ManagedCertificate>(`${url}/revocation`, { reason: '严重不符合' })).body.status).toBe('revoked');
    for (const path of ['suspension', 'reinstatement', 'revocation']) {
      const refused = await admin.post<ErrorReply>(`${url}/${path}`, { reason: '再试' });
      expect([refused.status, refused.body.error.code], path).toEqual([409, 'CERTIFICATE_STATUS_FINAL']);
    }
    expect((await auditOf(number)).map((a) => (a.summary as { to: string }).to)).toEqual(['suspended', 'valid', 'revoked']);
    expect((await p.ctx.repos.sms.listOutbox(100)).filter((m) => m.body.includes(number))).toHaveLength(3);
    expect((await anonymous.get<RegistryEntry>(`/api/registry/certificates/${number}`)).body.status).toBe('revoked');
    expect(pdfText((await e.client.get<Uint8Array>(`${url}.pdf`)).body)).toContain('证书状态：已撤销');

    // A certificate past its last day is expired (final) even before the daily run marks it.
    const old = await certificateOf(e, { issuedOn: '2023-02-01', validUntil: '2026-01-31' });
    expect((await reviewer.client.post<ErrorReply>(`/api/certificates/${old}/suspension`, { reason })).body.error.code).toBe('CERTIFICATE_STATUS_FINAL');
  });

  it('lists every certificate for reviewers and the admin, searchable and filtered by status', async () => {
    const reviewer = await staff('reviewer');
    const e = await registeredClient(p);
    const number = await certificateOf(e);
    await certificateOf(e, { level: 2 });
    const byNumber = await reviewer.client.get<{ items: ManagedCertificate[]; total: number }>(`/api/certificates?q=${number.slice(-10)}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body.items.map((c) => [c.certificateNumber, c.enterpriseName, c.status])).toEqual([[number, e.form.enterprise.name, 'valid']]);
    const byCode = await reviewer.client.get<{ items: ManagedCertificate[]; total: number }>(`/api/certificates?q=${e.form.enterprise.creditCode}`);
    expect(byCode.body.total).toBe(2);
    await reviewer.client.post(`/api/certificates/${number}/suspension`, { reason: '待核查' });
    const suspended = await (await adminClient(p)).get<{ items: ManagedCertificate[] }>(`/api/certificates?status=suspended&q=${encodeURIComponent(e.form.enterprise.name)}`);
    expect(suspended.body.items.map((c) => [c.certificateNumber, c.statusReason])).toEqual([[number, '待核查']]);
    expect((await e.client.get<ErrorReply>('/api/certificates')).status).toBe(403);
    expect((await reviewer.client.get<ErrorReply>('/api/certificates?status=lost')).status).toBe(400);
  });

  it('lists a 自定义评估 certificate in the registry with its domains, outside every level filter', async () => {
    const e = await registeredClient(p, { enterprise: { name: `自定义评估测试机械有限公司${randomUUID().slice(0, 4)}` } });
    const capability = [
      { domainId: 'P1', name: '生产', level: 3 },
      { domainId: 'D1', name: '设计', level: 2 },
    ];
    const number = await certificateOf(e, { level: null, capability });
    const anonymous = new Client(p.base);
    const q = `q=${encodeURIComponent(e.form.enterprise.name)}`;
    const found = await anonymous.get<RegistryPage>(`/api/registry/certified?${q}`);
    expect(found.body.items).toEqual([expect.objectContaining({ certificateNumber: number, level: null, capability, status: 'valid' })]);
    for (const level of [1, 2, 3, 4, 5]) expect((await anonymous.get<RegistryPage>(`/api/registry/certified?${q}&level=${level}`)).body.total, `level ${level}`).toBe(0);
    expect((await anonymous.get<RegistryEntry>(`/api/registry/certificates/${number}`)).body).toMatchObject({ level: null, capability });

    // The distribution counts it as 自定义, consistently with the list.
    const distribution = (await anonymous.get<RegistryDistribution>(`/api/registry/certified/distribution?${q}`)).body;
    expect(distribution).toMatchObject({ total: 1, custom: 1, byLevel: [1, 2, 3, 4, 5].map((level) => ({ level, count: 0 })) });
    expect(distribution.byProvince.map((r) => [r.custom, r.total])).toEqual([[1, 1]]);
    const all = (await anonymous.get<RegistryDistribution>('/api/registry/certified/distribution')).body;
    expect(all.total).toBe((await anonymous.get<RegistryPage>('/api/registry/certified?pageSize=1')).body.total);
    expect(all.total).toBe(all.byLevel.reduce((n, l) => n + l.count, all.custom));
    // Sorted after every level: the last page ends with it.
    const listed = (await anonymous.get<RegistryPage>('/api/registry/certified?pageSize=100')).body.total;
    const last = await anonymous.get<RegistryPage>(`/api/registry/certified?pageSize=1&page=${listed}`);
    expect(last.body.items.map((i) => i.level)).toEqual([null]);
  });
});
