// The model and the scoring engine, open to anyone: editions, one edition, scoring (`cmmm score`).
import { assess, editionIds, getEdition, type Edition, type ScoreResult } from '@cmmm/model';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canReadPublicData, permit, type Actor } from '../../policy.ts';

export function listEditions(_ctx: ServiceContext, actor: Actor | null) {
  permit(actor, canReadPublicData(actor));
  return {
    editions: editionIds().map((id) => {
      const e = getEdition(id);
      return e.ok ? { id, standard: e.value.standard, title: e.value.title } : { id };
    }),
  };
}

/** One edition; no id: the default one. */
export function readEdition(_ctx: ServiceContext, actor: Actor | null, input: { id?: string }): Edition {
  permit(actor, canReadPublicData(actor));
  const edition = getEdition(input.id);
  if (!edition.ok) throw AppError.fromIssues(edition.issues);
  return edition.value;
}

/** The five maturity levels of an edition alone: what the home page shows, without the whole model. */
export function readMaturityLevels(ctx: ServiceContext, actor: Actor | null, input: { id?: string }): { levels: Edition['levels'] } {
  return { levels: readEdition(ctx, actor, input).levels };
}

export function scoreAnswers(_ctx: ServiceContext, actor: Actor | null, input: unknown): ScoreResult {
  permit(actor, canReadPublicData(actor));
  const result = assess(input);
  if (!result.ok) throw AppError.fromIssues(result.issues);
  return result.value;
}
