// @cmmm/contract — the wire: request/response schemas and error codes. No IO.
export * from './errors.ts';
export * from './schemas.ts';
export * from './self-diagnosis.ts';
export * from './score-result.ts';
export type * from './edition.ts';
export * from './audit.ts';
export * from './knowledge-schemas.ts';
export * from './assessors.ts';
export * from './formal-assessment.ts';
export * from './formal-rating.ts';
export * from './certification.ts';
export * from './dashboard.ts';
export * from './campaigns.ts';
export * from './index-report.ts';
export * from './capability-profile-schemas.ts';
