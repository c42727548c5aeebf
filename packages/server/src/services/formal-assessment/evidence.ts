// 证据 (seed 003 §8.3.2): evidence per requirement (how it was obtained, from whom, when, a note) and
// its files. A file is streamed into the blob store outside any transaction (an upload may take
// minutes; the embedded database has one connection), then recorded in one transaction after the
// access is checked again; a failed or refused upload leaves no row and no file at a final path
// (a stored content that lost the second check stays as an unreferenced blob — content-addressed, harmless).
import type { AddEvidence, Evidence } from '@cmmm/contract';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canCollectEvidence, canDeleteEvidenceFile, type Actor } from '../../policy.ts';
import type { EvidenceFileRecord } from '../../repositories/formal-ratings.ts';
import { safeDownloadHeaders } from '../../storage/download-headers.ts';
import { recordAudit } from '../audit.ts';
import { formalPlan, requirementsInScope } from './formal-scope.ts';
import { formalSubject, readableFormalAssessment, scopeOf, workOnFormalAssessment, type FormalFacts } from './load-formal-assessment.ts';
import { requireStage } from './stage-machine.ts';
import { requireEnterpriseData, SHEET_STAGES } from './working-sheet.ts';

type EvidenceRow = NonNullable<Awaited<ReturnType<ServiceContext['repos']['formalRatings']['findEvidence']>>>;

function evidenceView(e: EvidenceRow, files: readonly EvidenceFileRecord[]): Evidence {
  return {
    id: e.id,
    requirementId: e.requirement_id,
    method: e.method,
    source: e.source,
    collectedOn: e.collected_on,
    note: e.note,
    createdBy: e.created_by,
    createdAt: e.created_at.toISOString(),
    files: files
      .filter((f) => f.evidence_id === e.id)
      .map((f) => ({ id: f.id, fileName: f.file_name, mediaType: f.media_type, size: Number(f.size), sha256: f.sha256, uploadedAt: f.uploaded_at.toISOString() })),
  };
}

const requireCollecting = (f: FormalFacts) => requireStage(f.row.stage, ['assessing'], '取证');

export async function addEvidence(ctx: ServiceContext, actor: Actor | null, input: { id: string } & AddEvidence): Promise<Evidence> {
  return workOnFormalAssessment(ctx, actor, input.id, canCollectEvidence, async (tx, f, by) => {
    requireCollecting(f);
    if (!requirementsInScope(f.row, formalPlan(f.row)).some((r) => r.requirement.id === input.requirementId)) {
      throw new AppError('NOT_IN_SCOPE', undefined, [{ code: 'NOT_IN_SCOPE', path: 'requirementId', message: `「${input.requirementId}」不在本次评估的范围内` }]);
    }
    const id = randomUUID();
    await tx.repos.formalRatings.insertEvidence({ id, assessmentId: f.row.id, requirementId: input.requirementId, method: input.method, source: input.source, collectedOn: input.collectedOn, note: input.note, by: by.id, at: tx.now() });
    await recordAudit(tx, by, 'formal_assessment.evidence_added', formalSubject(f), { evidenceId: id, requirementId: input.requirementId, method: input.method });
    return evidenceView((await tx.repos.formalRatings.findEvidence(f.row.id, id))!, []);
  });
}

export async function listEvidence(ctx: ServiceContext, actor: Actor | null, input: { id: string; requirementId?: string }): Promise<Evidence[]> {
  const { actor: reader, facts: f } = await readableFormalAssessment(ctx, actor, input.id);
  requireEnterpriseData(reader, f);
  requireStage(f.row.stage, SHEET_STAGES, '查看证据');
  const [rows, files] = await Promise.all([ctx.repos.formalRatings.listEvidence(f.row.id, input.requirementId), ctx.repos.formalRatings.listFilesOfAssessment(f.row.id)]);
  return rows.map((e) => evidenceView(e, files));
}

/** A file name as the user chose it, kept for the download (never used as a path). */
function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = name.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  if (!cleaned) throw new AppError('VALIDATION', undefined, [{ code: 'VALIDATION', path: 'name', message: '请提供文件名' }]);
  return cleaned;
}

/** 上传证据文件: checked, streamed into the store, then attached (a second identical file is attached once). */
export async function attachEvidenceFile(ctx: ServiceContext, actor: Actor | null, input: { id: string; evidenceId: string; fileName: string; content: AsyncIterable<Uint8Array> }): Promise<Evidence> {
  const fileName = cleanFileName(input.fileName);
  const check = async (c: ServiceContext, f: FormalFacts) => {
    requireCollecting(f);
    const evidence = await c.repos.formalRatings.findEvidence(f.row.id, input.evidenceId);
    if (!evidence) throw new AppError('NOT_FOUND');
    return evidence;
  };
  // Before reading the body: who, which stage, which evidence.
  const { actor: uploader, facts } = await readableFormalAssessment(ctx, actor, input.id);
  authorize(uploader, canCollectEvidence(uploader, scopeOf(facts)));
  await check(ctx, facts);
  const stored = await ctx.evidence.store.put(input.content, { maxBytes: ctx.evidence.maxBytes });
  return workOnFormalAssessment(ctx, actor, input.id, canCollectEvidence, async (tx, f, by) => {
    const evidence = await check(tx, f);
    await tx.repos.formalRatings.ensureBlob({ sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType, at: tx.now() });
    const attached = await tx.repos.formalRatings.attachFile({ id: randomUUID(), evidenceId: evidence.id, sha256: stored.sha256, fileName, by: by.id, at: tx.now() });
    // The same content deleted as its last reference while this upload streamed (deleteEvidenceFile):
    // the bytes are gone, so nothing is attached; the same upload again stores them anew.
    if (!(await tx.evidence.store.has(stored.sha256))) throw new AppError('UPLOAD_INTERRUPTED');
    if (attached) await recordAudit(tx, by, 'formal_assessment.file_attached', formalSubject(f), { evidenceId: evidence.id, sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType });
    return evidenceView(evidence, await tx.repos.formalRatings.listFilesOfAssessment(f.row.id));
  });
}

/** 下载证据文件: whoever may see the enterprise's data in this assessment; always an attachment. */
export async function downloadEvidenceFile(ctx: ServiceContext, actor: Actor | null, input: { id: string; fileId: string }): Promise<{ headers: Record<string, string>; stream: Readable }> {
  const { actor: reader, facts: f } = await readableFormalAssessment(ctx, actor, input.id);
  requireEnterpriseData(reader, f);
  const file = await ctx.repos.formalRatings.findFile(f.row.id, input.fileId);
  if (!file) throw new AppError('NOT_FOUND');
  const { stream, size } = await ctx.evidence.store.open(file.sha256);
  return { headers: safeDownloadHeaders(file.file_name, file.media_type, size), stream };
}

/** Stages in which evidence may still be corrected: the working sheet is open to the team. */
const EVIDENCE_EDIT_STAGES = ['assessing', 'rated'] as const;

/**
 * 删除证据文件: its uploader (still on the team) or the lead, while the working sheet is open. The
 * content's bytes go only with its last reference (content-addressed: other evidence, of this or another
 * assessment, may hold the same file); they are removed inside the transaction, after the row, so an
 * upload of the same bytes racing with it either waits for the commit and finds them gone (and is refused
 * as interrupted) or attached first and keeps the content referenced.
 */
export async function deleteEvidenceFile(ctx: ServiceContext, actor: Actor | null, input: { id: string; fileId: string }): Promise<Evidence> {
  // The rule needs the file's uploader: it is checked once the file is read.
  return workOnFormalAssessment(ctx, actor, input.id, () => true, async (tx, f, by) => {
    const file = await tx.repos.formalRatings.findFile(f.row.id, input.fileId);
    if (!file) throw new AppError('NOT_FOUND');
    const scope = scopeOf(f);
    // A team member is told why (someone else's file), anyone else only that it is not theirs to do.
    authorize(by, canDeleteEvidenceFile(by, scope, { uploadedBy: file.uploaded_by }), canCollectEvidence(by, scope) ? 'EVIDENCE_FILE_NOT_OWN' : 'FORBIDDEN');
    requireStage(f.row.stage, EVIDENCE_EDIT_STAGES, '删除证据文件');
    if (!(await tx.repos.formalRatings.deleteFile(file.id))) throw new AppError('NOT_FOUND');
    const contentRemoved = await tx.repos.formalRatings.deleteUnreferencedBlob(file.sha256);
    await recordAudit(tx, by, 'formal_assessment.file_deleted', formalSubject(f), { evidenceId: file.evidence_id, fileId: file.id, sha256: file.sha256, fileName: file.file_name, contentRemoved });
    if (contentRemoved) await tx.evidence.store.delete(file.sha256);
    return evidenceView((await tx.repos.formalRatings.findEvidence(f.row.id, file.evidence_id))!, await tx.repos.formalRatings.listFilesOfAssessment(f.row.id));
  });
}
