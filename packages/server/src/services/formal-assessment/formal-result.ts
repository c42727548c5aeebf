// 成熟度级别判定 and 评估发现 (seed 003 §8.3.3–8.3.4), pure: the consensus ratings through the same
// exact engine as the self-diagnosis, with the assessment's plan (its weights and not-applicable
// domains); 预定义评估 up to the target level (levels above are not rated), 自定义评估 as each chosen
// domain's capability level. Beside it, the enterprise's own self-diagnosis, and the findings.
import { FINDING_KINDS, type Finding, type FormalResult, type RatedGradeCode } from '@cmmm/contract';
import { capabilityProfile, describeScore, readAnswers, scoreSheet, type Grade, type IndexedRequirement, type MaturityLevel, type ScoreResult, type ScoringPlan } from '@cmmm/model';

export interface ConsensusEntry {
  grade: RatedGradeCode;
  note: string;
  finding: string | null;
}

export interface FormalResultInput {
  assessmentId: string;
  assessmentType: 'predefined' | 'custom';
  targetLevel: number;
  customTargets: ReadonlyArray<{ domainId: string; targetCapabilityLevel: number }>;
  customWeights: Record<string, number> | null;
  plan: ScoringPlan;
  inScope: readonly IndexedRequirement[];
  consensus: ReadonlyMap<string, ConsensusEntry>;
  selfAnswers: Readonly<Record<string, Grade>>;
  selfResult: ScoreResult | null;
  ratedAt: Date;
}

const fail = (what: string, issues: { message: string }[]): never => {
  throw new Error(`${what}: ${issues.map((i) => i.message).join('; ')}`);
};

/** Domain id → level → score, from a ScoreResult's breakdown. */
function domainScores(result: ScoreResult | null): Map<string, Map<number, number | null>> {
  const out = new Map<string, Map<number, number | null>>();
  for (const breakdown of Object.values(result?.breakdown ?? {})) {
    if (!breakdown) continue;
    for (const e of breakdown.elements) for (const d of e.domains) {
      const levels = out.get(d.id) ?? new Map<number, number | null>();
      levels.set(breakdown.level, d.score);
      out.set(d.id, levels);
    }
  }
  return out;
}

export function findingsOf(inScope: readonly IndexedRequirement[], consensus: ReadonlyMap<string, ConsensusEntry>): Finding[] {
  return inScope.flatMap((r) => {
    const c = consensus.get(r.requirement.id);
    if (!c) return [];
    return [{ requirementId: r.requirement.id, level: r.level, domainId: r.domain.id, domainName: r.domain.name, itemName: r.item.name, kind: FINDING_KINDS[c.grade], grade: c.grade, text: c.finding ?? c.note }];
  });
}

/** The formal result; throws when a requirement in scope has no consensus (the service checks first). */
export function computeFormalResult(input: FormalResultInput): FormalResult {
  const answers: Record<string, Grade> = {};
  for (const r of input.inScope) {
    const c = input.consensus.get(r.requirement.id);
    if (!c) throw new Error(`no consensus for ${r.requirement.id}`);
    answers[r.requirement.id] = c.grade;
  }
  const sheet = readAnswers(input.plan, answers);
  if (!sheet.ok) return fail('consensus sheet', sheet.issues);

  let score: ScoreResult | null = null;
  if (input.assessmentType === 'predefined') {
    const scored = scoreSheet(input.plan, sheet.value, { maxLevel: input.targetLevel as MaturityLevel });
    if (!scored.ok) return fail('formal score', scored.issues);
    score = describeScore(scored.value, null);
  }
  const targets =
    input.assessmentType === 'custom'
      ? input.customTargets.map((d) => ({ domainId: d.domainId, maxLevel: d.targetCapabilityLevel as MaturityLevel }))
      : input.plan.domains.map((d) => ({ domainId: d.id, maxLevel: input.targetLevel as MaturityLevel }));
  const profile = capabilityProfile(input.plan, sheet.value, targets);
  if (!profile.ok) return fail('capability profile', profile.issues);

  const formalScores = domainScores(score);
  const selfScores = domainScores(input.selfResult);
  const comparedDomains = profile.value.domains.flatMap((d) =>
    d.levels.map((l) => ({
      domainId: d.id,
      domainName: d.name,
      level: l.level,
      self: selfScores.get(d.id)?.get(l.level) ?? null,
      formal: formalScores.get(d.id)?.get(l.level) ?? l.score,
    })),
  );
  return {
    assessmentId: input.assessmentId,
    assessmentType: input.assessmentType,
    level: score ? score.level : null,
    levelName: score ? score.levelName : null,
    totalScore: score ? score.totalScore : null,
    levelScores: score ? Object.fromEntries(Object.entries(score.levelScores).filter((e): e is [string, number] => e[1] !== undefined)) : {},
    weights: input.customWeights ? { ...input.plan.weights } : null,
    capability: profile.value.domains.map((d) => ({
      id: d.id,
      name: d.name,
      target: d.target,
      capabilityLevel: d.capabilityLevel,
      levels: d.levels.map((l) => ({ level: l.level, score: l.score, reached: l.reached })),
    })),
    comparison: {
      selfLevel: input.selfResult?.level ?? null,
      selfTotalScore: input.selfResult?.totalScore ?? null,
      requirements: input.inScope
        .filter((r) => input.selfAnswers[r.requirement.id] !== answers[r.requirement.id])
        .map((r) => ({ requirementId: r.requirement.id, itemName: r.item.name, level: r.level, self: input.selfAnswers[r.requirement.id] ?? null, formal: answers[r.requirement.id] as RatedGradeCode })),
      domains: comparedDomains,
    },
    findings: findingsOf(input.inScope, input.consensus),
    ratedAt: input.ratedAt.toISOString(),
  };
}
