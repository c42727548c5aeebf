// The public report verification page (/verify/<number>): plain HTML, no script.
import { beijingDay } from '../china-time.ts';
import type { VerifiedCertificate, VerifiedFormalReport, VerifiedReport } from '../services/reports/verify-report.ts';
import { escapeHtml } from './html.ts';

export function renderVerifiedPage(v: VerifiedReport): string {
  if (v.kind === 'formal') return renderFormalPage(v);
  if (v.kind === 'certificate') return renderCertificatePage(v);
  const date = beijingDay(new Date(v.completedAt));
  return page(`<h1>报告验证通过 · Report verified</h1><dl>
<dt>报告编号</dt><dd>${escapeHtml(v.reportNumber)}</dd><dt>企业</dt><dd>${escapeHtml(v.enterprise)}</dd>
<dt>统一社会信用代码</dt><dd>${escapeHtml(v.creditCode)}</dd><dt>成熟度等级</dt><dd>${escapeHtml(v.levelName)}</dd>
<dt>总分</dt><dd>${v.totalScore.toFixed(2)}</dd><dt>完成日期</dt><dd>${date}</dd><dt>依据</dt><dd>${escapeHtml(v.edition)}</dd></dl>
<p>本页确认该报告由智能制造能力成熟度评估平台根据企业自诊断生成。自诊断结果由企业自评，不等同于第三方正式评估。</p>`);
}

/** 正式评估报告: the enterprise, its level (预定义评估) or each domain's capability level (自定义评估), the body, the date. */
function renderFormalPage(v: VerifiedFormalReport): string {
  const result =
    v.assessmentType === 'custom'
      ? `<dt>能力度等级（自定义评估）</dt>${v.capability.map((d) => `<dd>${escapeHtml(d.domain)}：${escapeHtml(d.levelName)}</dd>`).join('')}`
      : `<dt>成熟度等级</dt><dd>${escapeHtml(v.levelName ?? '—')}</dd>`;
  return page(`<h1>正式评估报告验证通过 · Assessment report verified</h1><dl>
<dt>报告编号</dt><dd>${escapeHtml(v.reportNumber)}</dd><dt>企业</dt><dd>${escapeHtml(v.enterprise)}</dd>
<dt>统一社会信用代码</dt><dd>${escapeHtml(v.creditCode)}</dd>${result}
<dt>评估机构</dt><dd>${escapeHtml(v.body)}</dd><dt>报告日期</dt><dd>${beijingDay(new Date(v.issuedAt))}</dd></dl>
<p>本页确认该正式评估报告（标准符合性评估）的评估结果已由评估机构确定，并登记在智能制造能力成熟度评估平台。</p>`);
}

const STATUS_WORDS: Record<VerifiedCertificate['status'], string> = {
  valid: '有效 · Valid',
  suspended: '暂停 · Suspended',
  revoked: '撤销 · Revoked',
  expired: '已过期 · Expired',
  superseded: '已被替代 · Superseded',
};

/** 证书: the enterprise, its level or each domain's capability level, the body, the dates and the status today. */
function renderCertificatePage(v: VerifiedCertificate): string {
  const result =
    v.level === null
      ? `<dt>能力成熟度等级（自定义评估）</dt>${v.capability.map((d) => `<dd>${escapeHtml(d.domain)}：${escapeHtml(d.levelName)}</dd>`).join('')}`
      : `<dt>成熟度等级</dt><dd>${escapeHtml(v.levelName ?? '—')}</dd>`;
  const valid = v.status === 'valid';
  return page(`<h1>${valid ? '证书验证通过 · Certificate verified' : '证书已登记，但当前无效 · Certificate on record, not currently valid'}</h1><dl>
<dt>证书状态 · Status</dt><dd><strong style="color:${valid ? '#237804' : '#cf1322'}">${STATUS_WORDS[v.status]}</strong></dd>
<dt>证书编号</dt><dd>${escapeHtml(v.certificateNumber)}</dd><dt>企业</dt><dd>${escapeHtml(v.enterprise)}</dd>
<dt>统一社会信用代码</dt><dd>${escapeHtml(v.creditCode)}</dd>${result}
<dt>评估机构</dt><dd>${escapeHtml(v.body ?? '—')}</dd><dt>发证日期</dt><dd>${escapeHtml(v.issuedOn)}</dd><dt>有效期至</dt><dd>${escapeHtml(v.validUntil)}</dd></dl>
<p>本页显示该证书在智能制造能力成熟度评估平台登记的信息及其截至今日（北京时间）的状态。</p>`);
}

export function renderNotVerifiedPage(message: string): string {
  return page(`<h1>未找到该报告 · Report not found</h1><p>${escapeHtml(message)}</p>`);
}

function page(body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>报告验证 — 智能制造能力成熟度评估平台</title>
<style>body{font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:640px;margin:2rem auto;padding:0 1rem;color:#1f1f1f}dt{font-weight:600;margin-top:.6rem}dd{margin:0}h1{color:#0958d9;font-size:1.4rem}</style></head>
<body><main>${body}</main><p><a href="/">智能制造能力成熟度评估平台</a></p></body></html>`;
}
