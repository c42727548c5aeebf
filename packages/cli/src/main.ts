// cmmm — command line over the model and the scoring engine. Thin: parse arguments, call, print.
import { CliError, EXIT, formatIssues, usageError } from './cli-error.ts';
import { modelExport } from './commands/model-export.ts';
import { modelValidate } from './commands/model-validate.ts';
import { score } from './commands/score.ts';
// Types only (erased): the module itself is imported when a database command runs.
import type * as DatabaseTasks from './commands/db-tasks.ts';

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
  cmmm db backup FILE                备份数据库（gzip）       write a portable backup of the whole database
  cmmm db restore FILE               从备份恢复（替换全部数据） replace the database's content with a backup
  cmmm demo seed [--enterprises N]   创建演示数据（默认 100；1000 起批量写入，显示进度）
                                     create labelled demo data (default 100; set-based from 1000 on, with progress)
  cmmm demo clear                    删除演示数据            remove the demo data, nothing else
  cmmm audit verify                  校验审计日志哈希链       check the audit trail's hash chain
  cmmm admin unlock USERNAME         解除账户登录锁定         lift an account's login lock-out
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
  if (['db', 'demo', 'audit', 'admin'].includes(command)) return databaseCommand(command, rest);
  throw usageError(`未知的命令「${command}」`);
}

/** The commands over the platform's database: arguments checked first, then their module (server tasks, database drivers) loads. */
async function databaseCommand(command: string, rest: readonly string[]): Promise<string> {
  const call = databaseTask(command, rest);
  return call(await import('./commands/db-tasks.ts'));
}

function databaseTask(command: string, rest: readonly string[]): (tasks: typeof DatabaseTasks) => Promise<string> {
  const [sub, ...opts] = rest;
  if (command === 'db') {
    if (sub === 'migrate' && !opts.length) return (t) => t.dbMigrate();
    if (sub === 'backup') {
      const file = onlyArgument(opts, 'cmmm db backup FILE');
      return (t) => t.dbBackup(file);
    }
    if (sub === 'restore') {
      const file = onlyArgument(opts, 'cmmm db restore FILE');
      return (t) => t.dbRestore(file);
    }
    throw usageError(`未知的子命令「db ${rest.join(' ')}」。可用：db migrate、db backup FILE、db restore FILE`);
  }
  if (command === 'demo') {
    if (sub === 'seed') {
      const enterprises = enterpriseCount(optionValue(opts, '--enterprises'));
      return (t) => t.demoSeed(enterprises);
    }
    if (sub === 'clear' && !opts.length) return (t) => t.demoClear();
    throw usageError(`未知的子命令「demo ${rest.join(' ')}」。可用：demo seed [--enterprises N]、demo clear`);
  }
  if (command === 'audit' && sub === 'verify' && !opts.length) return (t) => t.auditVerify();
  if (command === 'admin' && sub === 'unlock') {
    const username = onlyArgument(opts, 'cmmm admin unlock USERNAME');
    return (t) => t.adminUnlock(username);
  }
  throw usageError(`未知的子命令「${command} ${rest.join(' ')}」。可用：audit verify、admin unlock USERNAME`);
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
  if (!/^\d+$/.test(value) || n < 1 || n > 10_000_000) throw usageError(`--enterprises 须为 1–10000000 的整数，收到「${value}」`);
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
