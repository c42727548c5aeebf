// One formal assessment: stage, acceptance, team, weights, plans, pre-assessment.
export function FormalAssessmentPage() {
  return null;
}
