// The questions of one level of a diagnosis: only the parts it answers, each requirement with
// whether 企业不涉及此题目 is allowed and the "！" evidence guidance.
import { evidenceGuidance, GRADE_GUIDANCE, type MaturityLevel, type ScoringPlan } from '@cmmm/model';

export function questionnaireOf(plan: ScoringPlan, level: MaturityLevel) {
  const inPlan = (id: string) => !plan.excluded.has(id);
  return {
    level,
    gradeGuidance: GRADE_GUIDANCE,
    elements: plan.edition.elements.filter((e) => inPlan(e.id)).map((e) => ({
      id: e.id,
      name: e.name,
      domains: e.domains.filter((d) => inPlan(d.id)).map((d) => ({
        id: d.id,
        name: d.name,
        tailorable: d.tailorable,
        subdomains: d.subdomains.filter((s) => inPlan(s.id)).map((s) => ({
          id: s.id,
          name: s.name,
          items: s.items.map((item) => {
            const r = item.requirements.find((x) => x.level === level)!;
            return { id: item.id, name: item.name, requirement: { id: r.id, text: r.text, naAllowed: d.tailorable, guidance: evidenceGuidance(r.text) } };
          }),
        })),
      })),
    })),
  };
}
