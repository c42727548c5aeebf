// 证书: the PDF of a certificate (智能制造能力成熟度等级证书) by its number.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderCertificate } from '../services/formal-assessment/certificate-document.ts';

/** Certificate numbers as recorded (CMMM-<level|C>-<YYYYMMDD>-<10 hex> for those the platform issues). */
const params = z.object({ number: z.string().trim().min(1, '请填写证书编号').max(40, '证书编号至多 40 个字符') });
/** zh (or zh-CN, as the reports take it) or en. */
const query = z.object({ lang: z.enum(['zh', 'zh-CN', 'en']).default('zh') });

export function certificateRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/certificates/:number.pdf',
    { schema: { operationId: 'renderCertificatePdf', tags: ['合规性审查与证书'], summary: '证书：下载 PDF（含核验二维码）', params, querystring: query } },
    async (request, reply) => {
      const language = request.query.lang === 'en' ? 'en' : 'zh-CN';
      const { pdf, fileName } = await renderCertificate(request.ctx, request.actor, { number: request.params.number, language });
      return reply.header('content-disposition', `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf"`).type('application/pdf').send(pdf);
    },
  );
}
