// @cmmm/advice — what to do next, as domain rules: the improvement roadmap (practice patterns ranked
// by weighted gap, keyed by edition) and the level-rewarding policies of the enterprise's region.
// Pure: computed once per result by the server (or the CLI), then shown by the web and the report.
export type { PolicyMatch, RoadmapEntry } from '@cmmm/contract/knowledge';
export { roadmapFor, ROADMAP_LIMIT } from './roadmap.ts';
export { patternSubdomains } from './pattern-subdomains.ts';
export { policiesFor } from './policy-matches.ts';
export type { CapabilityProfileView, ViewReadiness } from '@cmmm/contract/capability-profile';
export { capabilityProfileFor } from './capability-profile.ts';
export { viewReadinessFor, viewsReadinessFor } from './view-readiness.ts';
