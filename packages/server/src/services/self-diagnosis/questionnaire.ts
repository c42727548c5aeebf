// The questions of one level of a diagnosis: only the parts it answers, each requirement with
// whether 企业不涉及此题目 is allowed and the "！" evidence guidance. In English (model-text.ts) names and
// texts are the unofficial translation, each requirement with its Chinese original as `textZh`.
import { evidenceGuidance, GRADE_GUIDANCE, type MaturityLevel, type ScoringPlan } from '@cmmm/model';
import { modelText, type ModelText } from '../platform/model-text.ts';

export function questionnaireOf(plan: ScoringPlan, level: MaturityLevel, text: ModelText = modelText(plan.edition.id, 'zh-CN')) {
  const inPlan = (id: string) => !plan.excluded.has(id);
  const named = (node: { id: string; name: string }) => ({ id: node.id, name: text.name(node.id, node.name) });
  return {
    level,
    gradeGuidance: GRADE_GUIDANCE,
    ...(text.translation ? { translation: text.translation } : {}),
    elements: plan.edition.elements.filter((e) => inPlan(e.id)).map((e) => ({
      ...named(e),
      domains: e.domains.filter((d) => inPlan(d.id)).map((d) => ({
        ...named(d),
        tailorable: d.tailorable,
        subdomains: d.subdomains.filter((s) => inPlan(s.id)).map((s) => ({
          ...named(s),
          items: s.items.map((item) => {
            const r = item.requirements.find((x) => x.level === level)!;
            const requirement = { id: r.id, text: text.requirement(r.id, r.text), naAllowed: d.tailorable, guidance: evidenceGuidance(r.text) };
            return { ...named(item), requirement: text.translation ? { ...requirement, textZh: r.text } : requirement };
          }),
        })),
      })),
    })),
  };
}
