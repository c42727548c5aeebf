// zod schemas of the capability profile and the application views' readiness (capability-profile.ts
// keeps the zod-free types the browser imports): the result endpoint validates its answer with them.
import { z } from 'zod';
import type { CapabilityProfileView, ViewReadiness } from './capability-profile.ts';
import type { Assert, SameType } from './same-type.ts';

const levelView = z.object({ level: z.number().int(), score: z.number(), reached: z.boolean() });
const nodeCapability = { id: z.string(), name: z.string(), capabilityLevel: z.number().int(), levels: z.array(levelView) };

export const capabilityProfileViewSchema = z.object({
  evaluatedLevels: z.array(z.number().int()),
  domains: z.array(z.object({ ...nodeCapability, element: z.string(), subdomains: z.array(z.object(nodeCapability)) })),
});

export const viewReadinessSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  focus: z.string(),
  levels: z.array(z.number().int()),
  notes: z.array(z.string()),
  ready: z.boolean(),
  coverage: z.array(z.object({ level: z.number().int(), reached: z.number().int(), of: z.number().int() })),
  subdomains: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      optional: z.boolean(),
      applicable: z.boolean(),
      capabilityLevel: z.number().int(),
      reaches: z.array(z.object({ level: z.number().int(), reached: z.boolean() })),
      levels: z.array(
        z.object({
          level: z.number().int(),
          status: z.enum(['reached', 'notReached', 'notEvaluated', 'absent']),
          missing: z.array(z.object({ requirementId: z.string(), text: z.string(), textZh: z.string().optional(), grade: z.enum(['PI', 'NI']).nullable() })),
        }),
      ),
    }),
  ),
});

// The schemas and the interfaces must say the same thing (a compile error otherwise).
export type CapabilityProfileSchemaMatches = Assert<SameType<z.infer<typeof capabilityProfileViewSchema>, CapabilityProfileView>>;
export type ViewReadinessSchemaMatches = Assert<SameType<z.infer<typeof viewReadinessSchema>, ViewReadiness>>;
