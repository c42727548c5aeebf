// A realistic formal assessment for the 评估报告 tests: 三级 applied for by a discrete enterprise with
// 物流 (M3) not applicable, rated through the model like the server's roll-up; evidence, a team, both
// meetings, two responses (one accepted). A 自定义评估 variant rates 设计 (M1) to 三级 and 生产 (M2) to 二级.
import { FINDING_KINDS, type EvidenceMethod, type Finding, type RatedGradeCode } from '@cmmm/contract';
import { assess, assessCapability, editionIndex, requireEdition } from '@cmmm/model';
import type { FormalReportInput, FormalResultFacts } from '../src/formal-report-view.ts';

export const edition = requireEdition('db12-t1073-2021');
const index = editionIndex(edition);

export const WEAKNESS_TEXT = '未建立设备点检与预防性维护制度，现场未见点检记录';
export const IMPROVEMENT_TEXT = '工艺文件已建立，但部分车间仍使用纸质版本，未纳入统一管理';

/** The requirements a 三级 assessment rates (M3 not applicable), in the edition's order. */
const inScope = (filter: (r: (typeof index.requirements)[number]) => boolean) =>
  index.requirements.filter((r) => filter(r) && r.domain.id in edition.weights.discrete && r.subdomain.id in edition.weights.discrete);

/** Consensus grades: mostly LI/FI, one NI and two PI at 一级/二级 (so 二级 holds and 三级 does not). */
function gradesOf(ids: readonly string[]): Record<string, RatedGradeCode> {
  const grades: Record<string, RatedGradeCode> = {};
  ids.forEach((id, i) => {
    const level = index.requirement(id)!.level;
    grades[id] = i === 3 ? 'NI' : i === 7 || i === 12 ? 'PI' : level === 3 ? (i % 2 ? 'PI' : 'LI') : i % 5 === 0 ? 'FI' : 'LI';
  });
  return grades;
}

function findingsOf(ids: readonly string[], grades: Record<string, RatedGradeCode>): Finding[] {
  let weak = 0;
  return ids.map((id) => {
    const r = index.requirement(id)!;
    const grade = grades[id]!;
    const text = grade === 'NI' ? WEAKNESS_TEXT : grade === 'PI' ? (weak++ === 0 ? IMPROVEMENT_TEXT : `${r.item.name}：部分落实，记录不完整`) : '符合要求';
    return { requirementId: id, level: r.level, domainId: r.domain.id, domainName: r.domain.name, itemName: r.item.name, kind: FINDING_KINDS[grade], grade, text };
  });
}

const sheetRows = (ids: readonly string[]) =>
  ids.map((id, i) => {
    const r = index.requirement(id)!;
    return { requirementId: id, level: r.level, domainId: r.domain.id, domainName: r.domain.name, itemName: r.item.name, text: r.requirement.text, evidenceCount: i % 4 === 0 ? 0 : 1 + (i % 2) };
  });

const evidence: { method: EvidenceMethod; source: string }[] = [
  { method: 'interview', source: '王工（生产部经理）' },
  { method: 'interview', source: '李明（副总经理）' },
  { method: 'interview', source: '王工（生产部经理）' },
  { method: 'document_review', source: '设备管理制度' },
  { method: 'document_review', source: 'MES 报工记录' },
  { method: 'system_demo', source: 'MES 系统' },
  { method: 'site_tour', source: '机加工车间' },
];

const base = (result: FormalResultFacts, ids: readonly string[]): FormalReportInput => {
  const domains = [...new Map(sheetRows(ids).map((r) => [r.domainId, r.domainName])).keys()];
  return {
    language: 'zh-CN',
    reportNumber: 'PG-20261216-1A2B3C4D5E',
    issuedAt: new Date('2026-12-16T08:00:00Z'),
    verifyUrl: 'https://cmmm.example.cn/verify/PG-20261216-1A2B3C4D5E',
    enterprise: { name: '无锡精工智造科技有限公司', creditCode: '91320214MA1XYZ1234' },
    assessment: {
      assessmentType: 'predefined',
      targetLevel: 3,
      bodyName: '苏州智造评估中心',
      leadName: '张主任',
      application: {
        scope: '精密数控机床零部件的设计、生产、销售',
        editionId: edition.id,
        customDomains: [],
        notApplicable: [{ nodeId: 'M3', nodeName: '物流', reason: '物流全部外包，企业不涉及' }],
      },
      team: [
        { name: '陈评估师', teamRole: 'member', grade: 'assessor', removedAt: null },
        { name: '张主任', teamRole: 'lead', grade: 'lead_assessor', removedAt: null },
        { name: '周内审', teamRole: 'internal', grade: 'intro', removedAt: null },
        { name: '已退出', teamRole: 'member', grade: 'assessor', removedAt: '2026-12-01T00:00:00Z' },
      ],
      plans: { formal: { startsOn: '2026-12-14', endsOn: '2026-12-16' } },
    },
    result,
    sheet: {
      firstMeeting: { heldOn: '2026-12-14', attendees: '评估组：张主任、陈评估师；企业：李明（副总经理）、王工', agreedItems: '评估范围、日程与保密要求；企业指定王工为联络人' },
      rows: sheetRows(ids),
      domainSummaries: domains.slice(0, 3).map((d, i) => ({
        domainId: d,
        domainName: index.name(d) ?? d,
        strengths: `${index.name(d)}：已建立管理制度并运行${i + 1}年`,
        weaknesses: `${index.name(d)}：数据记录不完整`,
        improvements: `${index.name(d)}：建议建立点检与数据归档机制`,
      })),
    },
    evidence,
  };
};

/** 预定义评估, 三级 applied for, final (PG number). */
export function predefinedInput(overrides: Partial<FormalReportInput> = {}): FormalReportInput {
  const ids = inScope((r) => r.level <= 3 && r.domain.id !== 'M3').map((r) => r.requirement.id);
  const grades = gradesOf(ids);
  const scored = assess({ enterpriseType: 'discrete', tailored: ['M3'], maxLevel: 3, answers: grades });
  if (!scored.ok) throw new Error(scored.issues.map((i) => i.message).join('\n'));
  const s = scored.value;
  const findings = findingsOf(ids, grades);
  const weakness = findings.find((f) => f.kind === 'weakness')!;
  const improvement = findings.find((f) => f.kind === 'improvement')!;
  const domains = Object.values(s.breakdown).flatMap((b) => b!.elements.flatMap((e) => e.domains.map((d) => ({ domainId: d.id, domainName: d.name, level: b!.level, self: b!.level === 1 ? 0.62 : null, formal: d.score }))));
  const result: FormalResultFacts = {
    level: s.level,
    levelName: s.levelName,
    totalScore: s.totalScore,
    levelScores: Object.fromEntries(Object.entries(s.levelScores).filter((e): e is [string, number] => e[1] !== undefined)),
    capability: [],
    comparison: {
      selfLevel: 1,
      selfTotalScore: 1.234,
      requirements: ids.slice(0, 5).map((id) => ({ requirementId: id, itemName: index.requirement(id)!.item.name, level: index.requirement(id)!.level, self: 'NI', formal: grades[id]! })),
      domains,
    },
    findings,
    responses: [
      { requirementId: weakness.requirementId, response: '该制度已于 2026 年 10 月发布并运行', evidenceNote: '制度文件与运行记录', respondedAt: '2026-12-15T02:00:00Z', decision: 'rejected', decisionReason: '抽查两个车间未见点检记录', gradeBefore: 'NI', gradeAfter: 'NI', decidedAt: '2026-12-15T06:00:00Z' },
      { requirementId: improvement.requirementId, response: '全部车间已切换电子工艺文件', evidenceNote: null, respondedAt: '2026-12-15T02:10:00Z', decision: 'accepted', decisionReason: '现场补充查看了 PLM 系统', gradeBefore: 'NI', gradeAfter: 'PI', decidedAt: '2026-12-15T06:10:00Z' },
    ],
    lastMeeting: { heldOn: '2026-12-16', attendees: '评估组全体；企业：李明、王工', summary: '通报评估结果，企业对处理决定无异议', recordedAt: '2026-12-16T08:00:00Z' },
  };
  return { ...base(result, ids), ...overrides };
}

/** 自定义评估: 设计 (M1) to 三级, 生产 (M2) to 二级. */
export function customInput(overrides: Partial<FormalReportInput> = {}): FormalReportInput {
  const targets = { M1: 3, M2: 2 } as const;
  const ids = inScope((r) => r.domain.id in targets && r.level <= targets[r.domain.id as keyof typeof targets]).map((r) => r.requirement.id);
  const grades = gradesOf(ids);
  const scored = assessCapability({ enterpriseType: 'discrete', tailored: ['M3'], capabilityTargets: targets, answers: grades });
  if (!scored.ok) throw new Error(scored.issues.map((i) => i.message).join('\n'));
  const result: FormalResultFacts = {
    level: null,
    levelName: null,
    totalScore: null,
    levelScores: {},
    capability: scored.value.domains.map((d) => ({ id: d.id, name: d.name, target: d.target, capabilityLevel: d.capabilityLevel, levels: d.levels.map((l) => ({ level: l.level, score: l.score, reached: l.reached })) })),
    comparison: { selfLevel: 1, selfTotalScore: 1.234, requirements: [], domains: [] },
    findings: findingsOf(ids, grades),
    responses: [],
    lastMeeting: null,
  };
  const input = base(result, ids);
  return {
    ...input,
    assessment: {
      ...input.assessment,
      assessmentType: 'custom',
      targetLevel: null,
      application: { ...input.assessment.application, customDomains: [{ domainId: 'M1', domainName: '设计', targetCapabilityLevel: 3 }, { domainId: 'M2', domainName: '生产', targetCapabilityLevel: 2 }] },
    },
    ...overrides,
  };
}
