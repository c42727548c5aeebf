// Lookups by id in the questionnaire of one level, built once per questionnaire object. The
// questionnaire is the server's view of one level (one requirement per item, only the parts the
// diagnosis answers), not an Edition, so model's editionIndex does not apply to it.
import type { QuestionDomain, QuestionElement, QuestionItem, Questionnaire, QuestionSubdomain } from '../api.ts';

/** A subdomain with the nodes above it. */
export interface SubdomainPath {
  element: QuestionElement;
  domain: QuestionDomain;
  subdomain: QuestionSubdomain;
}

/** The item asking one requirement, with its subdomain's path. */
export interface QuestionPath extends SubdomainPath {
  item: QuestionItem;
}

export interface QuestionnaireIndex {
  /** Every question in questionnaire order. */
  questions: readonly QuestionPath[];
  subdomain(id: string): SubdomainPath | undefined;
  question(requirementId: string): QuestionPath | undefined;
}

const indexes = new WeakMap<Questionnaire, QuestionnaireIndex>();

export function questionnaireIndex(questionnaire: Questionnaire): QuestionnaireIndex {
  let index = indexes.get(questionnaire);
  if (!index) {
    index = buildIndex(questionnaire);
    indexes.set(questionnaire, index);
  }
  return index;
}

function buildIndex(questionnaire: Questionnaire): QuestionnaireIndex {
  const subdomains = new Map<string, SubdomainPath>();
  const questions: QuestionPath[] = [];
  for (const element of questionnaire.elements)
    for (const domain of element.domains)
      for (const subdomain of domain.subdomains) {
        subdomains.set(subdomain.id, { element, domain, subdomain });
        for (const item of subdomain.items) questions.push({ element, domain, subdomain, item });
      }
  const byRequirement = new Map(questions.map((q) => [q.item.requirement.id, q]));
  return {
    questions,
    subdomain: (id) => subdomains.get(id),
    question: (requirementId) => byRequirement.get(requirementId),
  };
}
