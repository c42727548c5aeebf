// The shipped editions: looked up by own id only.
import { describe, expect, it } from 'vitest';
import { editionIds, getEdition } from '../src/index.ts';

describe('getEdition', () => {
  it('finds the shipped edition', () => {
    const got = getEdition('db12-t1073-2021');
    expect(got.ok && got.value.id).toBe('db12-t1073-2021');
    expect(editionIds()).toEqual(['db12-t1073-2021']);
  });

  it('refuses the names of Object.prototype as unknown editions', () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const got = getEdition(id);
      expect(got.ok ? 'found' : got.issues.map((i) => i.code)).toEqual(['UNKNOWN_EDITION']);
    }
  });
});
