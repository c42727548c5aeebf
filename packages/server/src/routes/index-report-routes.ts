// 指数报告 (issue 11 §3): start a 全国, 区域 or 行业 report; read its progress; download its PDF (any server).
import { indexReportJobSchema, indexReportRequestSchema } from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readIndexReport, readIndexReportPdf } from '../services/index-reports/read-index-report.ts';
import { startIndexReport } from '../services/index-reports/start-index-report.ts';

const tags = ['指数与看板'];
const params = z.object({ id: z.uuid('无效的指数报告编号') });

export function indexReportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/index-reports',
    {
      schema: {
        operationId: 'startIndexReport',
        tags,
        summary: '指数报告：开始生成全国、区域或行业报告（PDF），答复生成任务；少于 5 家企业的数字不公布',
        body: indexReportRequestSchema,
        response: { 202: indexReportJobSchema },
      },
    },
    async (request, reply) => reply.code(202).send(await startIndexReport(request.ctx, request.actor, request.body)),
  );

  r.get(
    '/api/index-reports/:id',
    { schema: { operationId: 'readIndexReport', tags, summary: '指数报告：生成进度与状态', params, response: { 200: indexReportJobSchema } } },
    async (request) => readIndexReport(request.ctx, request.actor, { id: request.params.id }),
  );

  r.get(
    '/api/index-reports/:id/pdf',
    { schema: { operationId: 'readIndexReportPdf', tags, summary: '指数报告：下载 PDF（生成完成后）', params } },
    async (request, reply) => {
      const { pdf, fileName } = await readIndexReportPdf(request.ctx, request.actor, { id: request.params.id });
      return reply.header('content-disposition', `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf"`).type('application/pdf').send(pdf);
    },
  );
}
