import { assess, assessCapability } from '@cmmm/model';
import { CliError, EXIT } from '../cli-error.ts';
import { readJson } from '../read-json.ts';

/**
 * `cmmm score FILE|-`: scores an assessment given in the `cmmm score` input format; input with
 * capabilityTargets (自定义评估) gets the capability profile of those domains instead.
 */
export function score(source: string): string {
  const input = readJson(source);
  const result = isCapabilityInput(input) ? assessCapability(input) : assess(input);
  if (!result.ok) throw new CliError(EXIT.invalid, result.issues);
  return `${JSON.stringify(result.value, null, 2)}\n`;
}

const isCapabilityInput = (input: unknown): boolean =>
  typeof input === 'object' && input !== null && !Array.isArray(input) && Object.hasOwn(input, 'capabilityTargets');
