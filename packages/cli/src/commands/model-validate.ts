import { validateEdition } from '@cmmm/model';
import { CliError, EXIT } from '../cli-error.ts';
import { readJson } from '../read-json.ts';

/** `cmmm model validate FILE`: checks a model file and lists every problem. */
export function modelValidate(file: string): string {
  const checked = validateEdition(readJson(file));
  if (!checked.ok) throw new CliError(EXIT.invalid, checked.issues);
  const e = checked.value;
  const domains = e.elements.flatMap((x) => x.domains);
  const subdomains = domains.flatMap((d) => d.subdomains);
  const items = subdomains.flatMap((s) => s.items);
  return `模型有效：${e.id}（${e.standard}）— ${e.elements.length} 个要素，${domains.length} 个能力域，${subdomains.length} 个能力子域，${items.length} 个分项，${items.length * 5} 条要求\n`;
}
