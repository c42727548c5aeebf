// 应用视图就绪度: for one of seed 004's application views (智能车间, 智能工厂, 智慧供应链), which of its
// subdomains already reach the view's levels and which requirements stand between each one and them.
// Pure: reads the view (model data), the diagnosis's capability profile, its answers and the edition.
//   - A subdomain reaches level k when every level from 一级 to k is reached (own score ≥ 0.8, decided
//     by the engine) or absent (nothing to meet: every requirement NA, or none at that level).
//   - A level above the ones the diagnosis answered is notEvaluated: all its requirements stand between.
//   - A level below 0.8 is notReached: its requirements graded PI or NI stand between.
//   - A subdomain outside the diagnosis (tailored, outside the enterprise type) is not applicable and
//     does not count for the view's readiness; △ (optional) subdomains never count.
import type { CapabilityProfileView, ReadinessLevel, ReadinessStatus, ReadinessSubdomain, ViewReadiness } from '@cmmm/contract/capability-profile';
import { applicationViewsOf, editionIndex, type ApplicationView, type Edition, type Grade, type MaturityLevel } from '@cmmm/model';

/** The enterprise's readiness for one application view. */
export function viewReadinessFor(
  view: ApplicationView,
  profile: CapabilityProfileView,
  answers: Readonly<Record<string, Grade>>,
  edition: Edition,
): ViewReadiness {
  const index = editionIndex(edition);
  const top = Math.max(...view.levels);
  const evaluated = new Set(profile.evaluatedLevels);
  const profiled = new Map(profile.domains.flatMap((d) => d.subdomains.map((s) => [s.id, s] as const)));

  const subdomainOf = (id: string, optional: boolean): ReadinessSubdomain => {
    const name = index.name(id) ?? id;
    const node = profiled.get(id);
    if (!node) return { id, name, optional, applicable: false, capabilityLevel: 0, reaches: view.levels.map((level) => ({ level, reached: false })), levels: [] };
    const all: ReadinessLevel[] = [];
    for (let level = 1; level <= top; level++) {
      const requirements = index.atLevel(level as MaturityLevel).filter((r) => r.subdomain.id === id);
      const scored = node.levels.find((l) => l.level === level);
      const status: ReadinessStatus = !requirements.length ? 'absent' : !evaluated.has(level) ? 'notEvaluated' : !scored ? 'absent' : scored.reached ? 'reached' : 'notReached';
      const missing =
        status === 'notEvaluated'
          ? requirements.map((r) => ({ requirementId: r.requirement.id, text: r.requirement.text, grade: null }))
          : status === 'notReached'
            ? requirements.flatMap((r) => {
                const grade = answers[r.requirement.id];
                return grade === 'PI' || grade === 'NI' ? [{ requirementId: r.requirement.id, text: r.requirement.text, grade }] : [];
              })
            : [];
      all.push({ level, status, missing });
    }
    const firstShort = all.findIndex((l) => l.status === 'notReached' || l.status === 'notEvaluated');
    const reachedUpTo = firstShort < 0 ? top : firstShort; // levels 1 … reachedUpTo are reached or absent
    return {
      id,
      name,
      optional,
      applicable: true,
      capabilityLevel: node.capabilityLevel,
      reaches: view.levels.map((level) => ({ level, reached: level <= reachedUpTo })),
      levels: firstShort < 0 ? [] : all.slice(firstShort),
    };
  };

  const subdomains = [...view.required.map((id) => subdomainOf(id, false)), ...view.optional.map((id) => subdomainOf(id, true))];
  const counted = subdomains.filter((s) => !s.optional && s.applicable);
  const coverage = view.levels.map((level) => ({
    level,
    reached: counted.filter((s) => s.reaches.find((r) => r.level === level)!.reached).length,
    of: counted.length,
  }));
  return {
    id: view.id,
    name: view.name,
    nameEn: view.nameEn,
    focus: view.focus,
    levels: [...view.levels],
    notes: [...view.notes],
    ready: counted.length > 0 && coverage.at(-1)!.reached === counted.length,
    coverage,
    subdomains,
  };
}

/** The readiness for every application view shipped beside the edition (none without a views file). */
export function viewsReadinessFor(profile: CapabilityProfileView, answers: Readonly<Record<string, Grade>>, edition: Edition): ViewReadiness[] {
  return (applicationViewsOf(edition.id)?.views ?? []).map((view) => viewReadinessFor(view, profile, answers, edition));
}
