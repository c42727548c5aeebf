// Answering progress of one level: answered/total per element, domain, subdomain and for the level.
import type { Grade, Questionnaire, QuestionSubdomain } from '../api.ts';
import { questionnaireIndex } from './questionnaire-index.ts';

export interface Progress {
  answered: number;
  total: number;
}

export interface LevelProgress {
  /** Keyed by element, domain and subdomain id. */
  nodes: Map<string, Progress>;
  level: Progress;
  /** Subdomains in questionnaire order (the order of 下一步). */
  subdomains: QuestionSubdomain[];
}

export const isComplete = (p: Progress | undefined): boolean => !!p && p.total > 0 && p.answered >= p.total;

export function levelProgress(questionnaire: Questionnaire, answers: Readonly<Record<string, Grade | undefined>>): LevelProgress {
  const nodes = new Map<string, Progress>();
  const subdomains: QuestionSubdomain[] = [];
  const level: Progress = { answered: 0, total: 0 };
  for (const element of questionnaire.elements) {
    const e: Progress = { answered: 0, total: 0 };
    for (const domain of element.domains) {
      const d: Progress = { answered: 0, total: 0 };
      for (const sub of domain.subdomains) {
        const total = sub.items.length;
        const answered = sub.items.filter((item) => answers[item.requirement.id] !== undefined).length;
        nodes.set(sub.id, { answered, total });
        subdomains.push(sub);
        d.answered += answered;
        d.total += total;
      }
      nodes.set(domain.id, d);
      e.answered += d.answered;
      e.total += d.total;
    }
    nodes.set(element.id, e);
    level.answered += e.answered;
    level.total += e.total;
  }
  return { nodes, level, subdomains };
}

/** The subdomain after `current` (wrapping to the first unanswered one when at the end), or undefined. */
export function nextSubdomain(progress: LevelProgress, current: string | undefined): string | undefined {
  const list = progress.subdomains;
  const at = list.findIndex((s) => s.id === current);
  if (at >= 0 && at < list.length - 1) return list[at + 1]?.id;
  return list.find((s) => !isComplete(progress.nodes.get(s.id)))?.id;
}

/** Ids of requirements of the level not answered yet, in questionnaire order. */
export function unansweredIds(questionnaire: Questionnaire, answers: Readonly<Record<string, Grade | undefined>>): string[] {
  return questionnaireIndex(questionnaire)
    .questions.map((q) => q.item.requirement.id)
    .filter((id) => answers[id] === undefined);
}

/** Which subdomain a requirement of the questionnaire belongs to. */
export function subdomainOf(questionnaire: Questionnaire, requirementId: string): string | undefined {
  return questionnaireIndex(questionnaire).question(requirementId)?.subdomain.id;
}
