// @cmmm/model — the CMMM model as data, exact scoring and gap analysis. Pure: no IO, clock or randomness.
export * from './types.ts';
export * from './rational.ts';
export { validateEdition } from './validate-edition.ts';
export { getEdition, requireEdition, editionIds, DEFAULT_EDITION_ID } from './editions.ts';
export { compilePlan, type ScoringPlan, type PlanOptions, type Exclusion } from './scoring-plan.ts';
export { readAnswers, sheetToAnswers, emptySheet, GradeCode, type AnswerSheet } from './answers.ts';
export { scoreSheet, evaluateLevel, type Score, type ScoreOptions, type LevelEvaluation } from './score.ts';
export { analyseGap, type GapAnalysis, type Improvement, type HoldingRequirement } from './gap.ts';
export { describeScore, levelName, SCORE_RESULT_VERSION, type ScoreResult } from './result.ts';
export { assess, assessCapability, planFor, PLAN_CACHE_CAPACITY, assessmentInputSchema, capabilityInputSchema, type AssessmentInput, type CapabilityInput } from './assess.ts';
export {
  capabilityProfile,
  describeCapability,
  CAPABILITY_RESULT_VERSION,
  type CapabilityTarget,
  type CapabilityProfile,
  type CapabilityLevelScore,
  type CapabilityResult,
  type DomainCapability,
} from './capability.ts';
export { editionIndex, type EditionIndex, type EditionNode, type IndexedRequirement } from './edition-index.ts';
export { evidenceGuidance, GRADE_GUIDANCE } from './guidance/evidence.ts';
export { plausibilityWarnings, type PlausibilityWarning, type SurveyFacts } from './guidance/plausibility.ts';
export { subdomainCapabilities, type SubdomainCapability } from './subdomain-capability.ts';
export { applicationViewsOf, type ApplicationView, type ApplicationViews } from './application-views.ts';
export {
  getEditionTranslation,
  validateEditionTranslation,
  type EditionTranslation,
  type TranslationLocale,
} from './edition-translation.ts';
