import { getEdition } from '@cmmm/model';
import { CliError, EXIT } from '../cli-error.ts';

/** `cmmm model export [--edition ID]`: the edition as JSON. */
export function modelExport(editionId: string | undefined): string {
  const edition = getEdition(editionId);
  if (!edition.ok) throw new CliError(EXIT.invalid, edition.issues);
  return `${JSON.stringify(edition.value, null, 2)}\n`;
}
