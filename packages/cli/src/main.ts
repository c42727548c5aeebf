// cmmm — command line over the model and the scoring engine. Thin: parse arguments, call, print.
import { CliError, EXIT, formatIssues, usageError } from './cli-error.ts';
import { modelExport } from './commands/model-export.ts';
import { modelValidate } from './commands/model-validate.ts';
import { dbMigrate, demoClear, demoSeed } from './commands/db-tasks.ts';
import { score } from './commands/score.ts';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const USAGE = `用法 Usage:
  cmmm model export [--edition ID]   打印模型（JSON）        print the model as JSON
  cmmm model validate FILE           检查模型文件            check a model file, list every problem
  cmmm score FILE|-                  评分（答案 JSON → 结果）  score answers JSON (file or stdin)
  cmmm report FILE --out REPORT.pdf [--lang zh-CN|en] [--enterprise ENTERPRISE.json]
                                     生成自诊断报告（PDF）    write the self-diagnosis report as a PDF
  cmmm db migrate                    数据库迁移              migrate the database (DATA_DIR / DATABASE_URL)
  cmmm demo seed [--enterprises N]   创建演示数据（默认 100）  create labelled demo data (default 100)
  cmmm demo clear                    删除演示数据            remove the demo data, nothing else
  cmmm help                          显示本帮助              show this help
`;

async function run(args: readonly string[]): Promise<string> {
  const [command, ...rest] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return USAGE;
  if (command === 'model') {
    const [sub, ...opts] = rest;
    if (sub === 'export') return modelExport(optionValue(opts, '--edition'));
    if (sub === 'validate') return modelValidate(onlyArgument(opts, 'cmmm model validate FILE'));
    throw usageError(`未知的子命令「model ${sub ?? ''}」。可用：model export、model validate`);
  }
  if (command === 'score') return score(onlyArgument(rest, 'cmmm score FILE|-'));
  // loaded on demand: the PDF renderer (pdfmake, echarts, the font) is heavy for every other command
  if (command === 'report') return (await import('./commands/report.ts')).report(rest);
  if (command === 'db' && rest.length === 1 && rest[0] === 'migrate') return dbMigrate();
  if (command === 'demo') {
    const [sub, ...opts] = rest;
    if (sub === 'seed') return demoSeed(enterpriseCount(optionValue(opts, '--enterprises')));
    if (sub === 'clear' && !opts.length) return demoClear();
    throw usageError(`未知的子命令「demo ${rest.join(' ')}」。可用：demo seed [--enterprises N]、demo clear`);
  }
  throw usageError(`未知的命令「${command}」`);
}

/** Reads `--name VALUE` or `--name=VALUE`; no other option is accepted. */
function optionValue(opts: readonly string[], name: string): string | undefined {
  if (!opts.length) return undefined;
  const [flag = '', value] = opts;
  const inline = flag.startsWith(`${name}=`) ? flag.slice(name.length + 1) : undefined;
  const given = inline ?? (flag === name ? value : undefined);
  const used = inline === undefined ? 2 : 1;
  if (!given || given.startsWith('-') || opts.length !== used) {
    throw usageError(`参数有误：${opts.join(' ')}（用法：${name} ID）`);
  }
  return given;
}

function enterpriseCount(value: string | undefined): number {
  if (value === undefined) return 100;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 10_000) throw usageError(`--enterprises 须为 1–10000 的整数，收到「${value}」`);
  return n;
}

function onlyArgument(opts: readonly string[], usage: string): string {
  if (opts.length !== 1) throw usageError(`参数有误（用法：${usage}）`);
  return opts[0]!;
}

export async function main(args: readonly string[], io: Io): Promise<number> {
  try {
    io.stdout(await run(args));
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr(formatIssues(err.issues));
      if (err.exitCode === EXIT.usage) io.stderr(USAGE);
      return err.exitCode;
    }
    // A defect: say so plainly, without a stack trace.
    io.stderr(`cmmm: 内部错误 [INTERNAL]：${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.internal;
  }
}
