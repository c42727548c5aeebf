// The score result on the wire and in storage: what model's describeScore returns (assess(), POST
// /api/score, the result page) and what assessment.result holds. Stored results outlive code, so the
// shape is versioned: parseStoredResult reads every version ever stored and answers the current one.
//   version 0: the shape below without schemaVersion (stored before the field existed)
//   version 1: schemaVersion: 1; later gained the optional weights and maxLevel (formal assessment),
//              which results stored without them still satisfy
import { ENTERPRISE_TYPES, RATED_GRADES, SCORE_RESULT_VERSION, type ScoreResult as ModelScoreResult } from '@cmmm/model';
import { z } from 'zod';
import type { Assert, SameType } from './same-type.ts';

export { SCORE_RESULT_VERSION };

const ratedGrade = z.enum(RATED_GRADES);
const maturityLevel = z.literal([1, 2, 3, 4, 5]);
const levelKey = z.enum(['1', '2', '3', '4', '5']);

const nodeScore = {
  id: z.string(),
  name: z.string(),
  /** Weight within the parent, renormalised over the parts present at this level (0 if absent). */
  weight: z.number(),
  /** null when the part is absent at this level (every requirement answered NA). */
  score: z.number().nullable(),
};

const levelBreakdownSchema = z.object({
  level: maturityLevel,
  score: z.number(),
  scoreExact: z.string(),
  reached: z.boolean(),
  elements: z.array(
    z.object({
      ...nodeScore,
      domains: z.array(z.object({ ...nodeScore, subdomains: z.array(z.object({ ...nodeScore, answered: z.number().int() })) })),
    }),
  ),
});

const gapSchema = z.object({
  targetLevel: maturityLevel,
  levelScore: z.number(),
  shortfall: z.number(),
  holding: z.array(z.object({ requirementId: z.string(), subdomainId: z.string(), grade: ratedGrade, effect: z.number() })),
  improvements: z.array(z.object({ requirementId: z.string(), subdomainId: z.string(), from: ratedGrade, to: ratedGrade, gain: z.number() })),
  scoreAfter: z.number(),
});

/** Version 0: every field of today's result but schemaVersion. */
const scoreResultV0Schema = z.object({
  edition: z.string(),
  standard: z.string(),
  enterpriseType: z.enum(ENTERPRISE_TYPES),
  tailored: z.array(z.string()),
  excluded: z.record(z.string(), z.enum(['tailored', 'notAssessed'])),
  levelScores: z.partialRecord(levelKey, z.number()),
  level: z.literal([0, 1, 2, 3, 4, 5]),
  levelName: z.string(),
  totalScore: z.number(),
  totalScoreExact: z.string(),
  displayIndex: z.number(),
  breakdown: z.partialRecord(levelKey, levelBreakdownSchema),
  gap: gapSchema.nullable(),
});

export const scoreResultSchema = z.object({
  schemaVersion: z.literal(1),
  ...scoreResultV0Schema.shape,
  /** The weight table used, when custom weights were given (formal assessment). */
  weights: z.record(z.string(), z.number()).optional(),
  /** The level applied for, when scoring stopped there (formal assessment). */
  maxLevel: maturityLevel.optional(),
});
export type ScoreResultV1 = z.infer<typeof scoreResultSchema>;
/** The score result as clients receive it (the current version). */
export type ScoreResult = ScoreResultV1;

/**
 * Compile-time: the schema describes exactly what model's describeScore returns, version included.
 * When model bumps SCORE_RESULT_VERSION or changes the shape, this fails until a new version's
 * schema and its upgrade are added below.
 */
export type ScoreResultMatchesModel = Assert<SameType<ScoreResultV1, ModelScoreResult>>;

/** A stored result that is no score result of any known version. */
export class StoredResultError extends Error {
  override name = 'StoredResultError';
}

/** A stored result (assessment.result, parsed JSON) of any version, as the current version. */
export function parseStoredResult(json: unknown): ScoreResultV1 {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new StoredResultError(`A stored score result must be a JSON object, got ${json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json}`);
  }
  const version = 'schemaVersion' in json ? json.schemaVersion : 0;
  if (version === 0) return { schemaVersion: 1, ...parseVersion(scoreResultV0Schema, json, 0) };
  if (version === 1) return parseVersion(scoreResultSchema, json, 1);
  throw new StoredResultError(`Unknown score result schemaVersion ${JSON.stringify(version)}: this build reads versions 0 to ${SCORE_RESULT_VERSION}`);
}

function parseVersion<S extends z.ZodType>(schema: S, json: object, version: number): z.infer<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new StoredResultError(`The stored score result does not match version ${version}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
