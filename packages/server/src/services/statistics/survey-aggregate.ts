// Keeps diagnosis_survey_aggregate (调查问卷 indicators) current on the write side: a result with a survey that
// becomes valid adds its answers to its 7 cells (keptCellsOf), the valid result it replaces takes its own out —
// one statement per completion, in the completing transaction. The migration filled the results already there.
import type { ServiceContext } from '../../context.ts';
import type { SurveyFacts } from '../../repositories/diagnosis-results.ts';
import type { SurveyCell, SurveyMeasure } from '../../repositories/survey-aggregate.ts';
import { keptCellsOf } from './diagnosis-facts.ts';

/** A valid result as the cells see it. */
export interface SurveySource {
  province: string;
  city: string;
  county: string;
  industryMajor: string;
  survey: SurveyFacts | null;
}

/** The changes of a result becoming valid (`added`) in place of `replaced`: merged per cell and measure, zero changes dropped. */
export function surveyDeltasOf(added: SurveySource | null, replaced: SurveySource | null): SurveyCell[] {
  const deltas = new Map<string, SurveyCell>();
  const change = (s: SurveySource | null, sign: 1 | -1) => {
    if (!s?.survey) return;
    const measures: [SurveyMeasure, number][] = [
      ['enterprises', 1],
      ['networked', s.survey.networkedShare],
      ['nc', s.survey.ncShare],
      ...[...new Set(s.survey.systems)].map((id): [SurveyMeasure, number] => [`uses:${id}`, 1]),
    ];
    for (const { region, industry } of keptCellsOf(s)) {
      for (const [measure, value] of measures) {
        const key = `${region}|${industry}|${measure}`;
        const d = deltas.get(key) ?? { region, industry, measure, total: 0 };
        d.total += sign * value;
        deltas.set(key, d);
      }
    }
  };
  change(added, 1);
  change(replaced, -1);
  return [...deltas.values()].filter((d) => d.total !== 0);
}

/** A diagnosis_result row's survey as the cells count it (null: none). */
export const storedSurvey = (r: { survey_systems: string[] | null; networked_share: number | null; nc_share: number | null }): SurveyFacts | null =>
  r.survey_systems === null ? null : { systems: r.survey_systems, networkedShare: r.networked_share ?? 0, ncShare: r.nc_share ?? 0 };

/** In the completing transaction, when a result becomes valid: its cells gain its survey, those of the result it replaces lose that one's. */
export async function recordSurveyAnswers(tx: ServiceContext, added: SurveySource, replaced: SurveySource | null): Promise<void> {
  await tx.repos.surveyAggregate.applySurveyDeltas(surveyDeltasOf(added, replaced));
}
