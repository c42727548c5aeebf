// 证据 (seed 003 §8.3.2): evidence per requirement and its files. Files arrive as the raw request body
// (application/octet-stream, the name in ?name=), streamed to the content-addressed store — never
// buffered whole — and are only ever downloaded as attachments.
import { addEvidenceSchema, evidenceSchema } from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addEvidence, attachEvidenceFile, deleteEvidenceFile, downloadEvidenceFile, listEvidence } from '../services/formal-assessment/evidence.ts';

const tags = ['正式评估'];
const idParams = z.object({ id: z.uuid('无效的评估编号') });
const evidenceParams = idParams.extend({ evidenceId: z.uuid('无效的证据编号') });
const fileParams = idParams.extend({ fileId: z.uuid('无效的文件编号') });
const UPLOAD_TYPES = ['application/octet-stream'];

export function evidenceRoutes(app: FastifyInstance) {
  app.register(async (scope) => {
    // No parsed body: the handler hands the raw request stream to the blob store, which hashes it and stops at the size limit.
    scope.addContentTypeParser(UPLOAD_TYPES, (_request, _payload, done) => done(null, undefined));
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/formal-assessments/:id/evidence',
      { schema: { operationId: 'listEvidence', tags, summary: '证据列表（可按要求筛选）', params: idParams, querystring: z.object({ requirementId: z.string().min(1).max(40).optional() }), response: { 200: z.array(evidenceSchema) } } },
      async (request) => listEvidence(request.ctx, request.actor, { id: request.params.id, requirementId: request.query.requirementId }),
    );

    r.post(
      '/api/formal-assessments/:id/evidence',
      { schema: { operationId: 'addEvidence', tags, summary: '记录一条证据：取证方式、来源、日期、说明', params: idParams, body: addEvidenceSchema, response: { 201: evidenceSchema } } },
      async (request, reply) => reply.status(201).send(await addEvidence(request.ctx, request.actor, { id: request.params.id, ...request.body })),
    );

    r.post(
      '/api/formal-assessments/:id/evidence/:evidenceId/files',
      {
        schema: {
          operationId: 'attachEvidenceFile',
          tags,
          summary: '上传证据文件（请求体为文件内容，application/octet-stream；按内容识别类型，同一内容只存一份）',
          params: evidenceParams,
          querystring: z.object({ name: z.string().min(1, '请提供文件名').max(255) }),
          response: { 200: evidenceSchema },
        },
      },
      async (request) => {
        return attachEvidenceFile(request.ctx, request.actor, {
          id: request.params.id,
          evidenceId: request.params.evidenceId,
          fileName: request.query.name,
          // Not destroyed when the store stops early, so the 413 still reaches the client.
          content: request.raw.iterator({ destroyOnReturn: false }),
        });
      },
    );

    r.get(
      '/api/formal-assessments/:id/files/:fileId',
      { schema: { operationId: 'downloadEvidenceFile', tags, summary: '下载证据文件（始终作为附件下载）', params: fileParams } },
      async (request, reply) => {
        const file = await downloadEvidenceFile(request.ctx, request.actor, request.params);
        return reply.headers(file.headers).send(file.stream);
      },
    );

    r.delete(
      '/api/formal-assessments/:id/files/:fileId',
      {
        schema: {
          operationId: 'deleteEvidenceFile',
          tags,
          summary: '删除证据文件（上传者或评估组长，正式评估中或已判定等级时；其他证据仍引用同一内容时内容保留）',
          params: fileParams,
          response: { 200: evidenceSchema },
        },
      },
      async (request) => deleteEvidenceFile(request.ctx, request.actor, request.params),
    );
  });
}
