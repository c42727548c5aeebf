// The public report verification page (/verify/<number>): plain HTML, no script.
import { beijingDay } from '../china-time.ts';
import type { VerifiedReport } from '../services/reports/verify-report.ts';
import { escapeHtml } from './html.ts';

export function renderVerifiedPage(v: VerifiedReport): string {
  const date = beijingDay(new Date(v.completedAt));
  return page(`<h1>报告验证通过 · Report verified</h1><dl>
<dt>报告编号</dt><dd>${escapeHtml(v.reportNumber)}</dd><dt>企业</dt><dd>${escapeHtml(v.enterprise)}</dd>
<dt>统一社会信用代码</dt><dd>${escapeHtml(v.creditCode)}</dd><dt>成熟度等级</dt><dd>${escapeHtml(v.levelName)}</dd>
<dt>总分</dt><dd>${v.totalScore.toFixed(2)}</dd><dt>完成日期</dt><dd>${date}</dd><dt>依据</dt><dd>${escapeHtml(v.edition)}</dd></dl>
<p>本页确认该报告由智能制造能力成熟度评估平台根据企业自诊断生成。自诊断结果由企业自评，不等同于第三方正式评估。</p>`);
}

export function renderNotVerifiedPage(message: string): string {
  return page(`<h1>未找到该报告 · Report not found</h1><p>${escapeHtml(message)}</p>`);
}

function page(body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>报告验证 — 智能制造能力成熟度评估平台</title>
<style>body{font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:640px;margin:2rem auto;padding:0 1rem;color:#1f1f1f}dt{font-weight:600;margin-top:.6rem}dd{margin:0}h1{color:#0958d9;font-size:1.4rem}</style></head>
<body><main>${body}</main><p><a href="/">智能制造能力成熟度评估平台</a></p></body></html>`;
}
