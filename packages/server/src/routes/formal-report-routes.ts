// 评估报告: the PDF of a formal assessment's result (the draft 征求意见稿 before the final result).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderFormalReport } from '../services/formal-assessment/formal-report.ts';

const params = z.object({ id: z.uuid('无效的评估编号') });
/** zh (or zh-CN, as the self-diagnosis report takes it) or en. */
const query = z.object({ lang: z.enum(['zh', 'zh-CN', 'en']).default('zh') });

export function formalReportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/formal-assessments/:id/report.pdf',
    { schema: { operationId: 'renderFormalReport', tags: ['正式评估'], summary: '评估报告：下载 PDF（评估结果确定前为征求意见稿）', params, querystring: query } },
    async (request, reply) => {
      const language = request.query.lang === 'en' ? 'en' : 'zh-CN';
      const { pdf, fileName } = await renderFormalReport(request.ctx, request.actor, { id: request.params.id, language });
      return reply.header('content-disposition', `attachment; filename="${fileName}.pdf"`).type('application/pdf').send(pdf);
    },
  );
}
