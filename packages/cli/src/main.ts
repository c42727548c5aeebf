// cmmm — command line over the model and the scoring engine. Thin: parse arguments, call, print.
import { CliError, EXIT, formatIssues, usageError } from './cli-error.ts';
import { modelExport } from './commands/model-export.ts';
import { modelValidate } from './commands/model-validate.ts';
import { score } from './commands/score.ts';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const USAGE = `用法 Usage:
  cmmm model export [--edition ID]   打印模型（JSON）        print the model as JSON
  cmmm model validate FILE           检查模型文件            check a model file, list every problem
  cmmm score FILE|-                  评分（答案 JSON → 结果）  score answers JSON (file or stdin)
  cmmm help                          显示本帮助              show this help
`;

function run(args: readonly string[]): string {
  const [command, ...rest] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return USAGE;
  if (command === 'model') {
    const [sub, ...opts] = rest;
    if (sub === 'export') return modelExport(optionValue(opts, '--edition'));
    if (sub === 'validate') return modelValidate(onlyArgument(opts, 'cmmm model validate FILE'));
    throw usageError(`未知的子命令「model ${sub ?? ''}」。可用：model export、model validate`);
  }
  if (command === 'score') return score(onlyArgument(rest, 'cmmm score FILE|-'));
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

function onlyArgument(opts: readonly string[], usage: string): string {
  if (opts.length !== 1) throw usageError(`参数有误（用法：${usage}）`);
  return opts[0]!;
}

export async function main(args: readonly string[], io: Io): Promise<number> {
  try {
    io.stdout(run(args));
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
