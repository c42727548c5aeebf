// 成熟度级别判定 for a 自定义评估, pure: each chosen domain gets its 能力度等级 from the consensus,
// equal to `cmmm score` with capabilityTargets; findings follow the grades (NI 弱项 … FI 良好实践).
import { assessCapability, type CapabilityResult } from '@cmmm/model';
import { describe, expect, it } from 'vitest';
import { computeFormalResult, findingsOf, type ConsensusEntry } from '../src/services/formal-assessment/formal-result.ts';
import { formalPlan, requirementsInScope } from '../src/services/formal-assessment/formal-scope.ts';

const row = {
  edition_id: 'db12-t1073-2021',
  enterprise_type: 'discrete' as const,
  tailored: [],
  weights: null,
  assessment_type: 'custom' as const,
  target_level: null,
  custom_domains: [
    { domainId: 'P1', targetCapabilityLevel: 2 },
    { domainId: 'M2', targetCapabilityLevel: 1 },
  ],
};

describe('the formal result of a 自定义评估', () => {
  const plan = formalPlan(row);
  const inScope = requirementsInScope(row, plan);

  it('rates only the chosen domains up to each target', () => {
    expect(new Set(inScope.map((r) => r.domain.id))).toEqual(new Set(['P1', 'M2']));
    expect(Math.max(...inScope.filter((r) => r.domain.id === 'P1').map((r) => r.level))).toBe(2);
    expect(Math.max(...inScope.filter((r) => r.domain.id === 'M2').map((r) => r.level))).toBe(1);
  });

  it('gives each domain its capability level, as `cmmm score` does with capabilityTargets', () => {
    const weak = inScope.find((r) => r.domain.id === 'M2')!.requirement.id;
    const grades = new Map(inScope.map((r) => [r.requirement.id, r.requirement.id === weak ? ('NI' as const) : ('LI' as const)]));
    // M2 has one NI at 一级 (whether it still reaches 0.8 depends on its size: the CLI path decides); P1 is all LI.
    const consensus = new Map<string, ConsensusEntry>([...grades].map(([id, grade]) => [id, { grade, note: '一致', finding: grade === 'NI' ? '未建立制度' : null }]));
    const result = computeFormalResult({
      assessmentId: 'x',
      assessmentType: 'custom',
      targetLevel: 2,
      customTargets: row.custom_domains,
      customWeights: null,
      plan,
      inScope,
      consensus,
      selfAnswers: {},
      selfResult: null,
      ratedAt: new Date('2026-12-16T08:00:00Z'),
    });
    const cli = assessCapability({ enterpriseType: 'discrete', capabilityTargets: { P1: 2, M2: 1 }, answers: Object.fromEntries(grades) });
    expect(cli.ok).toBe(true);
    const expected = (cli as { ok: true; value: CapabilityResult }).value.domains.map((d) => [d.id, d.capabilityLevel]);
    expect(result.capability.map((d) => [d.id, d.capabilityLevel])).toEqual(expected);
    expect(result.capability.find((d) => d.id === 'P1')).toMatchObject({ target: 2, capabilityLevel: 2 }); // all LI: exactly 0.8 reaches
    expect(result).toMatchObject({ level: null, totalScore: null, levelScores: {} });
    expect(result.comparison.requirements).toHaveLength(inScope.length); // no self claims given
    expect(result.findings.filter((f) => f.kind === 'weakness').map((f) => f.requirementId)).toEqual([weak]);
  });

  it('names each finding by its grade and uses the written text, else the note', () => {
    const [a, b, c, d] = inScope;
    const consensus = new Map<string, ConsensusEntry>([
      [a!.requirement.id, { grade: 'NI', note: '无', finding: '未建立' }],
      [b!.requirement.id, { grade: 'PI', note: '部分', finding: '仅部分车间' }],
      [c!.requirement.id, { grade: 'LI', note: '基本满足', finding: null }],
      [d!.requirement.id, { grade: 'FI', note: '全部满足', finding: '集团推广' }],
    ]);
    expect(findingsOf(inScope, consensus).map((f) => [f.kind, f.text])).toEqual([
      ['weakness', '未建立'],
      ['improvement', '仅部分车间'],
      ['conformity', '基本满足'],
      ['good_practice', '集团推广'],
    ]);
  });
});
