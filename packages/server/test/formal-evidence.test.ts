// 证据 through the HTTP API (seed 003 §8.3.2): evidence per requirement, files stored once by content,
// type checked by content, size-limited, never half-written, downloaded only by those who may see
// the assessment and only as attachments.
import type { Evidence, WorkingSheet } from '@cmmm/contract';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { formalFixtures } from './formal-fixtures.ts';
import { Client, registeredClient, testDatabases, usePlatform } from './harness.ts';

type ErrorReply = { error: { code: string } };
const MEETING = { heldOn: '2026-12-14', attendees: '评估组、企业', planConfirmed: true, agreedItems: '日程' };
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(testDatabases)('evidence on the $name database', ({ open }) => {
  const p = usePlatform(open);
  const { feasibleAssessment, put } = formalFixtures(p);

  it('records evidence with files: deduplicated, type-checked, size-limited, downloaded as attachments by readers only', async () => {
    const a = await feasibleAssessment();
    expect((await put(a.lead.client, `${a.url}/first-meeting`, MEETING)).status).toBe(200);
    const sheet = (await a.member.client.get<WorkingSheet>(`${a.url}/working-sheet`)).body;
    const requirementId = sheet.rows[0]!.requirementId;
    const evidenceBody = { requirementId, method: 'document_review', source: '生产部 王工', collectedOn: '2026-12-14', note: 'MES 报工记录 2026 年 11 月' };

    const created = await a.member.client.post<Evidence>(`${a.url}/evidence`, evidenceBody);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ requirementId, method: 'document_review', files: [] });
    expect((await a.member.client.post<ErrorReply>(`${a.url}/evidence`, { ...evidenceBody, method: 'guess' })).status).toBe(400);
    expect((await a.e.client.post<ErrorReply>(`${a.url}/evidence`, evidenceBody)).status).toBe(403);
    const files = `${a.url}/evidence/${created.body.id}/files`;

    // A PDF is stored once by its content; the same bytes again are attached once.
    const first = await a.member.client.upload<Evidence>(`${files}?name=${encodeURIComponent('报工记录.pdf')}`, PDF);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.files).toEqual([expect.objectContaining({ fileName: '报工记录.pdf', mediaType: 'application/pdf', size: PDF.length, sha256: sha(PDF) })]);
    const again = await a.lead.client.upload<Evidence>(`${files}?name=copy.pdf`, PDF);
    expect(again.body.files).toHaveLength(1);
    expect(Number((await p.db.selectFrom('blob').select((eb) => eb.fn.countAll().as('n')).where('sha256', '=', sha(PDF)).executeTakeFirstOrThrow()).n)).toBe(1);

    // Refused by content, by emptiness and by size: no row, no stored content.
    const html = await a.member.client.upload<ErrorReply>(`${files}?name=report.pdf`, HTML);
    expect([html.status, html.body.error.code]).toEqual([415, 'FILE_TYPE_NOT_ALLOWED']);
    expect(await p.ctx.evidence.store.has(sha(HTML))).toBe(false);
    const empty = await a.member.client.upload<ErrorReply>(`${files}?name=empty.pdf`, new Uint8Array());
    expect([empty.status, empty.body.error.code]).toEqual([400, 'FILE_EMPTY']);
    const limit = p.ctx.evidence.maxBytes;
    const big = new Uint8Array(limit + 1);
    big.set(PDF);
    const tooBig = await a.member.client.upload<ErrorReply>(`${files}?name=big.pdf`, big);
    expect([tooBig.status, tooBig.body.error.code]).toEqual([413, 'FILE_TOO_LARGE']);
    expect(await p.ctx.evidence.store.has(sha(big))).toBe(false);

    // An upload cut off midway leaves nothing: no file row, and the next upload works.
    const cut = await new Promise<number>((resolve) => {
      const url = new URL(`${p.base}${files}?name=cut.pdf`);
      const req = httpRequest(url, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(PDF.length * 10), cookie: `cmmm_session=${a.member.client.cookie('cmmm_session')}; cmmm_csrf=${a.member.client.cookie('cmmm_csrf')}`, 'x-csrf-token': a.member.client.cookie('cmmm_csrf') ?? '' },
      });
      req.on('error', () => resolve(0));
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.write(PDF, () => setImmediate(() => req.destroy()));
    });
    expect(cut).not.toBe(200);
    const rows = await p.db.selectFrom('evidence_file').select('file_name').where('evidence_id', '=', created.body.id).execute();
    expect(rows.map((r) => r.file_name)).toEqual(['报工记录.pdf']);

    // Listed on the sheet and per requirement.
    expect((await a.member.client.get<WorkingSheet>(`${a.url}/working-sheet`)).body.rows[0]!.evidenceCount).toBe(1);
    const listed = await a.e.client.get<Evidence[]>(`${a.url}/evidence?requirementId=${requirementId}`);
    expect(listed.body.map((x) => x.files.length)).toEqual([1]);

    // Downloaded as an attachment, never inline; readers only.
    const fileId = first.body.files[0]!.id;
    const download = await a.e.client.get<Uint8Array>(`${a.url}/files/${fileId}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(download.body).equals(Buffer.from(PDF))).toBe(true);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    const stranger = await registeredClient(p);
    expect((await stranger.client.get<ErrorReply>(`${a.url}/files/${fileId}`)).status).toBe(404);
    expect((await new Client(p.base).get<ErrorReply>(`${a.url}/files/${fileId}`)).status).toBe(401);
  }, 240_000);
});
