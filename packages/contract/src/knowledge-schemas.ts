// zod schemas of the roadmap and policy matches (knowledge.ts keeps the zod-free types the browser
// imports): the result endpoint validates its answer with them and the OpenAPI document shows them.
import { z } from 'zod';
import type { PolicyMatch, RoadmapEntry } from './knowledge.ts';
import type { Assert, SameType } from './same-type.ts';

export const roadmapEntrySchema = z.object({
  patternId: z.string(),
  name: z.string(),
  reason: z.string(),
  priority: z.number(),
  subdomains: z.array(z.object({ id: z.string(), name: z.string(), score: z.number(), weight: z.number() })),
  path: z.array(z.string()),
  targets: z.array(z.object({ requirementId: z.string(), text: z.string(), textZh: z.string().optional() })),
  case: z
    .object({
      enterprise: z.string(),
      summary: z.string(),
      kpis: z.array(z.object({ name: z.string(), before: z.string().optional(), after: z.string().optional(), change: z.string().optional() })),
    })
    .nullable(),
});

export const policyMatchSchema = z.object({
  policyId: z.string(),
  scope: z.enum(['national', 'province', 'city', 'county']),
  region: z.string(),
  document: z.string(),
  reward: z.string(),
  levels: z.array(z.number()),
  applies: z.enum(['current', 'next', 'related']),
});

// The schemas and the interfaces must say the same thing (a compile error otherwise).
export type RoadmapSchemaMatches = Assert<SameType<z.infer<typeof roadmapEntrySchema>, RoadmapEntry>>;
export type PolicySchemaMatches = Assert<SameType<z.infer<typeof policyMatchSchema>, PolicyMatch>>;
