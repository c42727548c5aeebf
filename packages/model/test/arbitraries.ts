// fast-check arbitraries shared by the property tests, on the shipped edition.
import fc from 'fast-check';
import type { EnterpriseType, Grade } from '../src/index.ts';
import { requirementsOf } from './builders.ts';

export const RATED: Grade[] = ['FI', 'LI', 'PI', 'NI'];
export const TAILORABLE = ['M1', 'M1-1', 'M1-2', 'M3', 'M4', 'M5', 'M5-1', 'M5-2', 'G2', 'G2-1', 'G2-2'];
const requirements = requirementsOf();

/**
 * A whole assessment: a base grade per level plus per-requirement noise, so that levels land on
 * both sides of the 0.8 gate (including exactly on it); NA sprinkled over tailorable parts.
 */
export const assessment = fc
  .record({
    enterpriseType: fc.constantFrom<EnterpriseType>('process', 'discrete'),
    tailored: fc.subarray(TAILORABLE, { maxLength: 3 }),
    base: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }),
    noise: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: requirements.length, maxLength: requirements.length }),
    na: fc.array(fc.integer({ min: 0, max: 99 }).map((x) => x < 15), { minLength: requirements.length, maxLength: requirements.length }),
  })
  .map(({ enterpriseType, tailored, base, noise, na }) => {
    const answers: Record<string, Grade> = {};
    requirements.forEach((r, i) => {
      const quality = Math.max(0, Math.min(3, base[r.level - 1]! + Math.max(0, noise[i]!)));
      answers[r.id] = r.tailorable && na[i] ? 'NA' : RATED[quality]!;
    });
    return { enterpriseType, tailored, answers };
  });

/** Raises one rated answer below FI to any better grade; null when there is none. */
export function raiseOne(answers: Record<string, Grade>, pick: number, step: number): { id: string; to: Grade } | null {
  const rated = Object.keys(answers).filter((id) => answers[id] !== 'NA' && answers[id] !== 'FI');
  if (!rated.length) return null;
  const id = rated[pick % rated.length]!;
  const from = RATED.indexOf(answers[id]!);
  return { id, to: RATED[step % from /* 0 … from − 1: any better grade */]! };
}
