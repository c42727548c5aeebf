// Every repository, bound to one database handle (the database, or the transaction under way), so
// services call `ctx.repos.accounts.findAccountById(id)` and never see a query builder.
import type { Db } from './db-types.ts';
import * as accounts from './accounts.ts';
import * as assessmentBodies from './assessment-bodies.ts';
import * as assessments from './assessments.ts';
import * as assessors from './assessors.ts';
import * as auditEvents from './audit-events.ts';
import * as campaigns from './campaigns.ts';
import * as certificates from './certificates.ts';
import * as demoData from './demo-data.ts';
import * as diagnosisResults from './diagnosis-results.ts';
import * as enterprises from './enterprises.ts';
import * as formalAssessments from './formal-assessments.ts';
import * as formalRatings from './formal-ratings.ts';
import * as formalReview from './formal-review.ts';
import * as health from './health.ts';
import * as indicators from './indicators.ts';
import * as indexReports from './index-reports.ts';
import * as knownDevices from './known-devices.ts';
import * as rateLimits from './rate-limits.ts';
import * as registry from './registry.ts';
import * as selfDiagnoses from './self-diagnoses.ts';
import * as sessions from './sessions.ts';
import * as sms from './sms.ts';
import * as subPlatforms from './sub-platforms.ts';
import * as trainings from './trainings.ts';
import * as surveyAggregate from './survey-aggregate.ts';
import * as weakSubdomainAggregate from './weak-subdomain-aggregate.ts';

const MODULES = {
  accounts,
  assessmentBodies,
  assessments,
  assessors,
  auditEvents,
  campaigns,
  certificates,
  demoData,
  diagnosisResults,
  enterprises,
  formalAssessments,
  formalRatings,
  formalReview,
  health,
  indicators,
  indexReports,
  knownDevices,
  rateLimits,
  registry,
  selfDiagnoses,
  sessions,
  sms,
  subPlatforms,
  trainings,
  surveyAggregate,
  weakSubdomainAggregate,
};

/** A module of `(db, ...args) => …` functions, with `db` supplied. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any parameter list; the mapped type keeps each one's own
type Bound<M> = { [K in keyof M as M[K] extends (db: Db, ...args: any[]) => unknown ? K : never]: M[K] extends (db: Db, ...args: infer A) => infer R ? (...args: A) => R : never };

export type Repositories = { [K in keyof typeof MODULES]: Bound<(typeof MODULES)[K]> };

function bind<M extends object>(module: M, db: Db): Bound<M> {
  const bound: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(module)) {
    if (typeof value === 'function') bound[name] = (...args: unknown[]) => value(db, ...args);
  }
  return bound as Bound<M>;
}

export function bindRepositories(db: Db): Repositories {
  const repos: Record<string, unknown> = {};
  for (const [name, module] of Object.entries(MODULES)) repos[name] = bind(module, db);
  return repos as Repositories;
}
