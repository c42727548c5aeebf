// The model and the scoring engine, open to anyone: editions, one edition, scoring (`cmmm score`).
import { assess, editionIds, getEdition, type Edition, type ScoreResult } from '@cmmm/model';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canReadPublicData, permit, type Actor } from '../../policy.ts';
import { localiseEdition, modelText, type Lang } from './model-text.ts';

export function listEditions(_ctx: ServiceContext, actor: Actor | null) {
  permit(actor, canReadPublicData(actor));
  return {
    editions: editionIds().map((id) => {
      const e = getEdition(id);
      return e.ok ? { id, standard: e.value.standard, title: e.value.title } : { id };
    }),
  };
}

function editionOf(actor: Actor | null, id: string | undefined): Edition {
  permit(actor, canReadPublicData(actor));
  const edition = getEdition(id);
  if (!edition.ok) throw AppError.fromIssues(edition.issues);
  return edition.value;
}

/** One edition (no id: the default one), in Chinese or in its unofficial English translation with the Chinese beside it. */
export function readEdition(_ctx: ServiceContext, actor: Actor | null, input: { id?: string; lang?: Lang }) {
  const edition = editionOf(actor, input.id);
  return localiseEdition(edition, modelText(edition.id, input.lang ?? 'zh-CN'));
}

/** The five maturity levels of an edition alone: what the home page shows, without the whole model. */
export function readMaturityLevels(_ctx: ServiceContext, actor: Actor | null, input: { id?: string; lang?: Lang }) {
  const edition = editionOf(actor, input.id);
  const text = modelText(edition.id, input.lang ?? 'zh-CN');
  return { levels: localiseEdition({ ...edition, elements: [] }, text).levels, ...(text.translation ? { translation: text.translation } : {}) };
}

export function scoreAnswers(_ctx: ServiceContext, actor: Actor | null, input: unknown): ScoreResult {
  permit(actor, canReadPublicData(actor));
  const result = assess(input);
  if (!result.ok) throw AppError.fromIssues(result.issues);
  return result.value;
}
