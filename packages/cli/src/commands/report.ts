import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { capabilityProfileFor, policiesFor, roadmapFor, viewsReadinessFor } from '@cmmm/advice';
import { assess, requireEdition, type Grade, type Issue } from '@cmmm/model';
import { buildReportView, renderReportPdf, type EnterpriseInfo, type ReportLanguage } from '@cmmm/report';
import { CliError, EXIT, usageError } from '../cli-error.ts';
import { readJson } from '../read-json.ts';

export const REPORT_USAGE = 'cmmm report ANSWERS.json --out REPORT.pdf [--lang zh-CN|en] [--enterprise ENTERPRISE.json]';

interface ReportArgs {
  answers: string;
  out: string;
  language: ReportLanguage;
  enterprise: string | undefined;
}

/** Parses `ANSWERS.json --out FILE [--lang L] [--enterprise FILE]` (options as `--x V` or `--x=V`). */
export function parseReportArgs(args: readonly string[]): ReportArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!['--out', '--lang', '--enterprise'].includes(name)) throw usageError(`未知的选项「${name}」（用法：${REPORT_USAGE}）`);
    if (options.has(name)) throw usageError(`选项「${name}」重复（用法：${REPORT_USAGE}）`);
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (!value || value.startsWith('--')) throw usageError(`选项「${name}」缺少取值（用法：${REPORT_USAGE}）`);
    options.set(name, value);
  }
  if (positional.length !== 1) throw usageError(`须给出一个答案文件（用法：${REPORT_USAGE}）`);
  const out = options.get('--out');
  if (!out) throw usageError(`须用 --out 指定输出的 PDF 文件（用法：${REPORT_USAGE}）`);
  const lang = options.get('--lang') ?? 'zh-CN';
  if (lang !== 'zh-CN' && lang !== 'en') throw usageError(`--lang 须为 zh-CN 或 en，收到「${lang}」`);
  return { answers: positional[0]!, out, language: lang, enterprise: options.get('--enterprise') };
}

const ENTERPRISE_FIELDS = ['name', 'creditCode', 'industryName', 'regionPath', 'regionCode'] as const;

/** Enterprise details from the optional JSON file (regionCode: for the policies); every missing field reads 未提供 in the report. */
function readEnterprise(source: string | undefined): Omit<EnterpriseInfo, 'enterpriseType'> & { regionCode: string } {
  const blank = { name: '', creditCode: '', industryName: '', regionPath: '', regionCode: '' };
  if (source === undefined) return blank;
  const raw = readJson(source);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CliError(EXIT.invalid, [{ code: 'BAD_ENTERPRISE', path: source, message: `企业信息须为 JSON 对象：{ ${ENTERPRISE_FIELDS.map((f) => `"${f}": "…"`).join(', ')} }` }]);
  }
  const issues: Issue[] = [];
  const out = { ...blank };
  for (const [key, value] of Object.entries(raw)) {
    if (!(ENTERPRISE_FIELDS as readonly string[]).includes(key)) {
      issues.push({ code: 'BAD_ENTERPRISE', path: `${source}: ${key}`, message: `未知的企业信息字段「${key}」，可用：${ENTERPRISE_FIELDS.join('、')}` });
    } else if (typeof value !== 'string') {
      issues.push({ code: 'BAD_ENTERPRISE', path: `${source}: ${key}`, message: `企业信息字段「${key}」须为字符串` });
    } else {
      out[key as (typeof ENTERPRISE_FIELDS)[number]] = value;
    }
  }
  if (issues.length) throw new CliError(EXIT.invalid, issues);
  return out;
}

/** `cmmm report`: scores the answers, builds the report and writes it as a PDF. */
export async function report(args: readonly string[], now: Date = new Date()): Promise<string> {
  const options = parseReportArgs(args);
  const input = readJson(options.answers);
  const enterprise = readEnterprise(options.enterprise);
  const result = assess(input);
  if (!result.ok) throw new CliError(EXIT.invalid, result.issues);
  const answers = (input as { answers: Record<string, Grade> }).answers;
  const digest = createHash('sha256').update(JSON.stringify({ input, enterprise })).digest('hex');
  const edition = requireEdition(result.value.edition);
  const { regionCode, ...shown } = enterprise;
  const profile = capabilityProfileFor(result.value, answers, edition);
  const view = buildReportView({
    result: result.value,
    edition,
    answers,
    enterprise: { ...shown, enterpriseType: result.value.enterpriseType },
    roadmap: roadmapFor(result.value, edition),
    policies: policiesFor(regionCode, result.value.level),
    profile,
    views: viewsReadinessFor(profile, answers, edition),
    reportNumber: `CMMM-SD-${digest.slice(0, 12).toUpperCase()}`,
    issuedAt: now,
    verifyUrl: null,
    language: options.language,
  });
  const pdf = await renderReportPdf(view);
  try {
    writeFileSync(options.out, pdf);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    throw new CliError(EXIT.unreadable, [{ code: 'FILE_UNWRITABLE', path: options.out, message: `无法写入（${code}）：${options.out}` }]);
  }
  return `已生成报告 ${options.out}（${result.value.levelName}，总分 ${view.summary.totalScore}，${Math.ceil(pdf.length / 1024)} KiB）\n`;
}
