// Expected failures of a command: a stable code, a Chinese message, and the exit status for scripts.
import type { Issue } from '@cmmm/model';

/** Exit statuses (stable; scripts may rely on them). */
export const EXIT = {
  ok: 0,
  /** The input was read but is not valid (bad ids, grades, NA on a mandatory part, missing answers…). */
  invalid: 1,
  /** Wrong command line. */
  usage: 2,
  /** The input could not be read or is not JSON. */
  unreadable: 3,
  /** Anything unexpected (a defect): reported without internals. */
  internal: 70,
} as const;

export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    readonly issues: Issue[],
  ) {
    super(issues.map((i) => i.message).join('\n'));
  }
}

export const usageError = (message: string) => new CliError(EXIT.usage, [{ code: 'USAGE', path: '', message }]);

export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `cmmm: 错误 [${i.code}]${i.path ? ` ${i.path}` : ''}：${i.message}\n`).join('');
}
