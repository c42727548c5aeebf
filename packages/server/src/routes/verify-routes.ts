// 报告验证: anyone holding a printed report can check it against the platform (its QR code points
// here). Shows enough to confirm the report — enterprise, masked credit code, level, score, date.
import { levelName, requireEdition } from '@cmmm/model';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { beijingDay } from '../china-time.ts';
import { AppError } from '../errors.ts';
import { escapeHtml } from '../pages/html.ts';
import { findByReportNumber } from '../repositories/self-diagnoses.ts';
import { maskedCreditCode } from '../services/self-diagnosis/export-self-diagnosis.ts';

const params = z.object({ number: z.string().regex(/^ZD-\d{8}-[0-9A-F]{10}$/, '报告编号格式不正确') });

export function verifyRoutes(app: FastifyInstance, { ctx }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function lookUp(number: string) {
    const row = await findByReportNumber(ctx.db, number);
    if (!row || row.level === null || row.total_score === null) throw new AppError('NOT_FOUND', '未找到该报告编号对应的自诊断报告');
    return {
      reportNumber: number,
      enterprise: row.name,
      creditCode: maskedCreditCode(row.credit_code),
      level: row.level,
      levelName: levelName(requireEdition(row.edition_id), row.level),
      totalScore: row.total_score,
      completedAt: row.completed_at!.toISOString(),
      edition: requireEdition(row.edition_id).standard,
    };
  }

  r.get('/api/reports/:number', { schema: { tags: ['报告'], summary: '验证报告编号（公开）', params } }, async (request) => lookUp(request.params.number));

  r.get('/verify/:number', { schema: { hide: true, params } }, async (request, reply) => {
    let body: string;
    try {
      const v = await lookUp(request.params.number);
      const date = beijingDay(new Date(v.completedAt));
      body = `<h1>报告验证通过 · Report verified</h1><dl>
<dt>报告编号</dt><dd>${escapeHtml(v.reportNumber)}</dd><dt>企业</dt><dd>${escapeHtml(v.enterprise)}</dd>
<dt>统一社会信用代码</dt><dd>${escapeHtml(v.creditCode)}</dd><dt>成熟度等级</dt><dd>${escapeHtml(v.levelName)}</dd>
<dt>总分</dt><dd>${v.totalScore.toFixed(2)}</dd><dt>完成日期</dt><dd>${date}</dd><dt>依据</dt><dd>${escapeHtml(v.edition)}</dd></dl>
<p>本页确认该报告由智能制造能力成熟度评估平台根据企业自诊断生成。自诊断结果由企业自评，不等同于第三方正式评估。</p>`;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      reply.status(404);
      body = `<h1>未找到该报告 · Report not found</h1><p>${escapeHtml(err.message)}</p>`;
    }
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>报告验证 — 智能制造能力成熟度评估平台</title>
<style>body{font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:640px;margin:2rem auto;padding:0 1rem;color:#1f1f1f}dt{font-weight:600;margin-top:.6rem}dd{margin:0}h1{color:#0958d9;font-size:1.4rem}</style></head>
<body><main>${body}</main><p><a href="/">智能制造能力成熟度评估平台</a></p></body></html>`);
  });
}
