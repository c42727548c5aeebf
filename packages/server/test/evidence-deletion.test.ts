// 删除证据文件 through the HTTP API: the uploader or the lead, while the working sheet is open; an audit
// event each time; the stored content goes only with its last reference (the same bytes on other evidence).
import type { Evidence, WorkingSheet } from '@cmmm/contract';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formalFixtures } from './formal-fixtures.ts';
import { testDatabases, usePlatform } from './harness.ts';

type ErrorReply = { error: { code: string; message: string } };
const MEETING = { heldOn: '2026-12-14', attendees: '评估组、企业', planConfirmed: true, agreedItems: '日程' };
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n% deletion\n');
const sha = createHash('sha256').update(PDF).digest('hex');

describe.each(testDatabases)('deleting evidence files on the $name database', ({ open }) => {
  const p = usePlatform(open);
  const { feasibleAssessment, put } = formalFixtures(p);

  it('lets the uploader or the lead delete a file, keeping the content while other evidence holds it', async () => {
    const a = await feasibleAssessment();
    expect((await put(a.lead.client, `${a.url}/first-meeting`, MEETING)).status).toBe(200);
    const [first, second] = (await a.member.client.get<WorkingSheet>(`${a.url}/working-sheet`)).body.rows.map((r) => r.requirementId);
    const evidenceFor = async (requirementId: string) =>
      (await a.member.client.post<Evidence>(`${a.url}/evidence`, { requirementId, method: 'document_review', source: '生产部', collectedOn: '2026-12-14', note: '记录' })).body.id;
    const one = await evidenceFor(first!);
    const two = await evidenceFor(second!);
    // The same bytes on two pieces of evidence: the member's on one, the lead's on the other.
    const mine = (await a.member.client.upload<Evidence>(`${a.url}/evidence/${one}/files?name=a.pdf`, PDF)).body.files[0]!;
    const leads = (await a.lead.client.upload<Evidence>(`${a.url}/evidence/${two}/files?name=b.pdf`, PDF)).body.files[0]!;
    const blobRows = async () => Number((await p.db.selectFrom('blob').select((eb) => eb.fn.countAll().as('n')).where('sha256', '=', sha).executeTakeFirstOrThrow()).n);
    const del = (client: typeof a.lead.client, fileId: string) => client.request<Evidence & ErrorReply>('DELETE', `${a.url}/files/${fileId}`);

    // Neither the enterprise nor a member who did not upload it; a missing file is 404.
    const enterprise = await del(a.e.client, mine.id);
    expect([enterprise.status, enterprise.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const notOwn = await del(a.member.client, leads.id);
    expect([notOwn.status, notOwn.body.error.code, notOwn.body.error.message]).toEqual([403, 'EVIDENCE_FILE_NOT_OWN', '只有上传者或评估组长可以删除该证据文件']);
    expect((await del(a.member.client, '00000000-0000-4000-8000-000000000000')).status).toBe(404);

    // The uploader deletes theirs: the content stays, the lead's evidence still holds it.
    const afterMine = await del(a.member.client, mine.id);
    expect(afterMine.status, JSON.stringify(afterMine.body)).toBe(200);
    expect(afterMine.body).toMatchObject({ id: one, files: [] });
    expect(await blobRows()).toBe(1);
    expect(await p.ctx.evidence.store.has(sha)).toBe(true);
    expect((await a.e.client.get<Uint8Array>(`${a.url}/files/${leads.id}`)).status).toBe(200);
    expect((await del(a.member.client, mine.id)).status).toBe(404);

    // The lead deletes the last reference: the row and the bytes go.
    expect((await del(a.lead.client, leads.id)).status).toBe(200);
    expect(await blobRows()).toBe(0);
    expect(await p.ctx.evidence.store.has(sha)).toBe(false);
    expect((await a.e.client.get<ErrorReply>(`${a.url}/files/${leads.id}`)).status).toBe(404);

    const events = await p.db.selectFrom('audit_event').select(['action', 'summary']).where('subject_id', '=', a.id).where('action', '=', 'formal_assessment.file_deleted').orderBy('id').execute();
    expect(events.map((e) => [(e.summary as { fileId: string }).fileId, (e.summary as { contentRemoved: boolean }).contentRemoved])).toEqual([
      [mine.id, false],
      [leads.id, true],
    ]);

    // Uploaded again afterwards: stored anew.
    expect((await a.member.client.upload<Evidence>(`${a.url}/evidence/${one}/files?name=a.pdf`, PDF)).status).toBe(200);
    expect(await p.ctx.evidence.store.has(sha)).toBe(true);
  }, 240_000);
});
