// The versioned score result: what assess() returns parses; what was stored before the version field
// (version 0) is upgraded; anything else is refused with a clear message.
import { assess, editionIndex, requireEdition, type Grade } from '@cmmm/model';
import { describe, expect, it } from 'vitest';
import { parseStoredResult, SCORE_RESULT_VERSION, scoreResultSchema, StoredResultError } from '../src/index.ts';

const requirements = editionIndex(requireEdition()).requirements;
/** Below 三级 with a tailored domain, so breakdown, exclusions and the gap are all filled in. */
const answers: Record<string, Grade> = Object.fromEntries(
  requirements.filter((r) => r.domain.id !== 'M4').map((r) => [r.requirement.id, r.level <= 2 ? 'LI' : 'PI']),
);
const scored = assess({ enterpriseType: 'discrete', tailored: ['M4'], answers });
if (!scored.ok) throw new Error(JSON.stringify(scored.issues));
const result = scored.value;
/** As the database hands it back: through JSON. */
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('scoreResultSchema', () => {
  it('describes a real result of assess(), which carries the current version', () => {
    expect(SCORE_RESULT_VERSION).toBe(1);
    expect(result.schemaVersion).toBe(1);
    expect(result.gap).not.toBeNull();
    expect(Object.keys(result.excluded)).toContain('M4');
    expect(scoreResultSchema.parse(stored(result))).toEqual(result);
  });
});

/** The same result as stored before schemaVersion existed. */
function versionZero(): Omit<typeof result, 'schemaVersion'> {
  const v0: Partial<typeof result> = { ...result };
  delete v0.schemaVersion;
  return v0 as Omit<typeof result, 'schemaVersion'>;
}

describe('parseStoredResult', () => {
  it('reads a stored version 1 result as it is', () => {
    expect(parseStoredResult(stored(result))).toEqual(result);
  });

  it('upgrades a stored version 0 result (no schemaVersion) to version 1', () => {
    const v0 = versionZero();
    expect('schemaVersion' in v0).toBe(false);
    const upgraded = parseStoredResult(stored(v0));
    expect(upgraded).toEqual(result);
    expect(Object.keys(upgraded)[0]).toBe('schemaVersion');
  });

  it('reads a 五级 result, whose gap is null', () => {
    const top = assess({ enterpriseType: 'process', answers: Object.fromEntries(requirements.map((r) => [r.requirement.id, 'FI'])) });
    if (!top.ok) throw new Error('scoring');
    expect(top.value.gap).toBeNull();
    expect(parseStoredResult(stored(top.value))).toEqual(top.value);
  });

  it('refuses what is not a score result, saying why', () => {
    const v0 = versionZero();
    const refused = (value: unknown) => {
      try {
        parseStoredResult(value);
      } catch (error) {
        expect(error).toBeInstanceOf(StoredResultError);
        return (error as Error).message;
      }
      throw new Error(`accepted ${JSON.stringify(value)?.slice(0, 80)}`);
    };
    expect(refused(null)).toMatch(/JSON object, got null/);
    expect(refused('{"level":2}')).toMatch(/JSON object, got string/);
    expect(refused([result])).toMatch(/got an array/);
    expect(refused({})).toMatch(/version 0/);
    expect(refused({ ...result, schemaVersion: 2 })).toMatch(/Unknown score result schemaVersion 2/);
    expect(refused({ ...result, schemaVersion: '1' })).toMatch(/schemaVersion "1"/);
    expect(refused({ ...v0, level: 'two' })).toMatch(/version 0[\s\S]*level/);
    expect(refused({ ...result, breakdown: { 6: result.breakdown['1'] } })).toMatch(/version 1[\s\S]*breakdown/);
    expect(refused({ ...result, gap: { ...result.gap, improvements: [{ requirementId: 'x', subdomainId: 'y', from: 'NA', to: 'FI', gain: 0.1 }] } })).toMatch(/gap\.improvements\[0\]\.from/);
  });
});
