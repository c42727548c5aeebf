// The model editions this build ships. An edition is frozen once published: changed content is a new
// edition file, added here, with no code change anywhere else (assessments store their edition id).
import db12T10732021 from '../editions/db12-t1073-2021.json' with { type: 'json' };
import { fail, ok, type Edition, type Outcome } from './types.ts';
import { validateEdition } from './validate-edition.ts';

// A Map, not an object literal: ids come from requests, and '__proto__' or 'toString' must be unknown
// editions rather than properties inherited from Object.prototype.
const SHIPPED: ReadonlyMap<string, unknown> = new Map([['db12-t1073-2021', db12T10732021]]);

export const DEFAULT_EDITION_ID = 'db12-t1073-2021';

const cache = new Map<string, Edition>();

export const editionIds = (): string[] => [...SHIPPED.keys()];

/** A shipped edition, validated on first use. */
export function getEdition(editionId: string = DEFAULT_EDITION_ID): Outcome<Edition> {
  const cached = cache.get(editionId);
  if (cached) return ok(cached);
  const raw = SHIPPED.get(editionId);
  if (raw === undefined) {
    return fail([
      {
        code: 'UNKNOWN_EDITION',
        path: 'edition',
        message: `未知的模型版本「${editionId}」，可用版本：${editionIds().join('、')}`,
      },
    ]);
  }
  const checked = validateEdition(raw);
  if (checked.ok) cache.set(editionId, checked.value);
  return checked;
}

/** A shipped edition that must exist (a defect in the build otherwise). */
export function requireEdition(editionId: string = DEFAULT_EDITION_ID): Edition {
  const got = getEdition(editionId);
  if (!got.ok) throw new Error(`edition ${editionId} is invalid: ${got.issues.map((i) => i.message).join('; ')}`);
  return got.value;
}
