// The certificate's PDF (GET /api/certificates/<number>.pdf) and its public verification
// (/api/reports/<number>, /verify/<number>): a certificate recorded for a registered enterprise, its
// user downloads it (read back with pdftotext), a stranger and anonymous cannot, verification shows
// the masked credit code and the status as of today — expired once the clock passes its last day.
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { adminClient, Client, registeredClient, testDatabases, usePlatform } from './harness.ts';

type ErrorReply = { error: { code: string } };
const DAY = 86_400_000;

/** The PDF's text layer (pdftotext from poppler-utils), white space removed (Chinese lines wrap anywhere). */
function pdfText(pdf: Uint8Array): string {
  const r = spawnSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(pdf), encoding: 'utf8' });
  if (r.error) throw new Error(`pdftotext is needed to read certificates back (apt-get install poppler-utils): ${r.error.message}`);
  return r.stdout.replace(/\s+/g, '');
}

describe.each(testDatabases)('the certificate PDF and its verification on the $name database', ({ open }) => {
  const p = usePlatform(open);

  it('lets the enterprise download its certificate, verifies it publicly, and reads expired after its last day', async () => {
    const e = await registeredClient(p);
    const { name: enterprise, creditCode } = e.form.enterprise;
    const number = `CMMM-3-20261120-${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`;
    await p.ctx.repos.certificates.insertCertificate({ id: randomUUID(), enterpriseId: e.enterpriseId, level: 3, certificateNumber: number, scope: '精密零部件的设计、生产', issuedOn: '2026-11-20', validUntil: '2026-12-31' });

    // The enterprise's user: the PDF, in Chinese and English.
    const res = await e.client.get<Uint8Array>(`/api/certificates/${number}.pdf?lang=zh`);
    expect(res.status, res.status === 200 ? '' : JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`filename="${number}.pdf"`);
    const text = pdfText(res.body);
    for (const s of ['智能制造能力成熟度等级证书', enterprise, creditCode, '三级（集成级）', number, '精密零部件的设计、生产', '2026年12月31日', `${p.ctx.publicUrl}/verify/${number}`]) expect(text).toContain(s);
    const english = await e.client.get<Uint8Array>(`/api/certificates/${number}.pdf?lang=en`);
    expect(pdfText(english.body)).toContain('CertificateofIntelligentManufacturingCapabilityMaturity');

    // The platform admin may; a stranger and a missing number answer alike; anonymous must log in.
    expect((await (await adminClient(p)).get<Uint8Array>(`/api/certificates/${number}.pdf`)).status).toBe(200);
    const stranger = await registeredClient(p);
    const refused = await stranger.client.get<ErrorReply>(`/api/certificates/${number}.pdf`);
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('NOT_FOUND');
    expect((await e.client.get<ErrorReply>('/api/certificates/CMMM-3-20261120-0000000000.pdf')).status).toBe(404);
    expect((await new Client(p.base).get<ErrorReply>(`/api/certificates/${number}.pdf`)).status).toBe(401);

    // 证书验证: masked credit code, level, dates, status today; no scope.
    const anonymous = new Client(p.base);
    const verified = await anonymous.get<Record<string, unknown>>(`/api/reports/${number}`);
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body).toMatchObject({ kind: 'certificate', certificateNumber: number, enterprise, level: 3, levelName: '三级（集成级）', capability: [], body: null, issuedOn: '2026-11-20', validUntil: '2026-12-31', status: 'valid' });
    expect(verified.body.creditCode).toBe(`${creditCode.slice(0, 4)}**********${creditCode.slice(-4)}`);
    expect(Object.keys(verified.body).sort()).toEqual(['body', 'capability', 'certificateNumber', 'creditCode', 'enterprise', 'issuedOn', 'kind', 'level', 'levelName', 'status', 'validUntil']);
    const page = await fetch(`${p.base}/verify/${number}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('证书验证通过');
    expect(html).toContain('有效 · Valid');
    expect(html).toContain(enterprise);
    expect(html).not.toContain(creditCode);
    expect((await fetch(`${p.base}/verify/CMMM-3-20261120-0000000000`)).status).toBe(404);

    // After its last day (before the daily run marks it): expired.
    p.clock.advance(45 * DAY);
    expect((await anonymous.get<Record<string, unknown>>(`/api/reports/${number}`)).body.status).toBe('expired');
    const expired = await (await fetch(`${p.base}/verify/${number}`)).text();
    expect(expired).toContain('已过期 · Expired');
    expect(expired).not.toContain('证书验证通过');
  });

  it('verifies a 自定义评估 certificate by its domains and capability levels', async () => {
    const e = await registeredClient(p);
    const number = `CMMM-C-20261120-${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`;
    const capability = [
      { domainId: 'P1', name: '生产', level: 3 },
      { domainId: 'D1', name: '设计', level: 2 },
    ];
    await p.ctx.repos.certificates.insertCertificate({ id: randomUUID(), enterpriseId: e.enterpriseId, level: null, capability, certificateNumber: number, scope: '生产', issuedOn: '2026-11-20', validUntil: '2029-12-31' });
    const verified = await new Client(p.base).get<Record<string, unknown>>(`/api/reports/${number}`);
    expect(verified.body).toMatchObject({
      level: null,
      levelName: null,
      capability: [
        { domain: '生产', level: 3, levelName: '三级（集成级）' },
        { domain: '设计', level: 2, levelName: '二级（规范级）' },
      ],
    });
    const text = pdfText((await e.client.get<Uint8Array>(`/api/certificates/${number}.pdf`)).body);
    expect(text).toContain('能力域及能力成熟度等级（自定义评估）');
    expect(text).toContain('二级（规范级）');
  });
});
