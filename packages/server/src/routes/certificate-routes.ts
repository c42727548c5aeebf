// 证书: the PDF of a certificate (智能制造能力成熟度等级证书) by its number; the list of every certificate and
// the changes of its status after issue (暂停, 恢复, 撤销) for the scheme's reviewers and the platform admin;
// the certificate a formal assessment led to.
import { certificateListQuerySchema, certificateSchema, certificateStatusChangeSchema, managedCertificateSchema, pageOf, type CertificateStatusAction } from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderCertificate } from '../services/formal-assessment/certificate-document.ts';
import { changeCertificateStatus } from '../services/formal-assessment/certificate-status.ts';
import { listCertificates, readAssessmentCertificate } from '../services/formal-assessment/read-certificates.ts';

const tags = ['合规性审查与证书'];
/** Certificate numbers as recorded (CMMM-<level|C>-<YYYYMMDD>-<10 hex> for those the platform issues). */
const params = z.object({ number: z.string().trim().min(1, '请填写证书编号').max(40, '证书编号至多 40 个字符') });
/** zh (or zh-CN, as the reports take it) or en. */
const query = z.object({ lang: z.enum(['zh', 'zh-CN', 'en']).default('zh') });

/** The status changes: path, operation and summary of each. */
const STATUS_CHANGES: readonly { action: CertificateStatusAction; path: string; operationId: string; summary: string }[] = [
  { action: 'suspend', path: 'suspension', operationId: 'suspendCertificate', summary: '暂停证书（有效 → 暂停，须写明理由；通知企业）' },
  { action: 'reinstate', path: 'reinstatement', operationId: 'reinstateCertificate', summary: '恢复证书（暂停 → 有效，须写明理由；通知企业）' },
  { action: 'revoke', path: 'revocation', operationId: 'revokeCertificate', summary: '撤销证书（有效或暂停 → 撤销，不可恢复，须写明理由；通知企业）' },
];

export function certificateRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/certificates/:number.pdf',
    { schema: { operationId: 'renderCertificatePdf', tags, summary: '证书：下载 PDF（含核验二维码；暂停、撤销等状态标注在证书上）', params, querystring: query } },
    async (request, reply) => {
      const language = request.query.lang === 'en' ? 'en' : 'zh-CN';
      const { pdf, fileName } = await renderCertificate(request.ctx, request.actor, { number: request.params.number, language });
      return reply.header('content-disposition', `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf"`).type('application/pdf').send(pdf);
    },
  );

  r.get(
    '/api/certificates',
    {
      schema: {
        operationId: 'listCertificates',
        tags,
        summary: '证书管理：平台上的全部证书（按证书编号、企业名称或统一社会信用代码查找，按状态筛选，分页）',
        querystring: certificateListQuerySchema,
        response: { 200: pageOf(managedCertificateSchema) },
      },
    },
    async (request) => listCertificates(request.ctx, request.actor, request.query),
  );

  for (const change of STATUS_CHANGES) {
    r.post(
      `/api/certificates/:number/${change.path}`,
      { schema: { operationId: change.operationId, tags, summary: change.summary, params, body: certificateStatusChangeSchema, response: { 200: managedCertificateSchema } } },
      async (request) => changeCertificateStatus(request.ctx, request.actor, { number: request.params.number, action: change.action, reason: request.body.reason }),
    );
  }

  r.get(
    '/api/formal-assessments/:id/certificate',
    {
      schema: {
        operationId: 'readAssessmentCertificate',
        tags,
        summary: '该评估颁发的证书：编号、等级、有效期、状态（尚未颁发时为 null）',
        params: z.object({ id: z.uuid('无效的评估编号') }),
        response: { 200: z.object({ certificate: certificateSchema.nullable() }) },
      },
    },
    async (request) => readAssessmentCertificate(request.ctx, request.actor, { id: request.params.id }),
  );
}
