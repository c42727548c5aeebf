import { assess } from '@cmmm/model';
import { CliError, EXIT } from '../cli-error.ts';
import { readJson } from '../read-json.ts';

/** `cmmm score FILE|-`: scores an assessment given in the `cmmm score` input format. */
export function score(source: string): string {
  const result = assess(readJson(source));
  if (!result.ok) throw new CliError(EXIT.invalid, result.issues);
  return `${JSON.stringify(result.value, null, 2)}\n`;
}
