// The 评估报告 of a formal (third-party) conformity assessment (seed 003 §8.3.5; seed 002 评估结果):
// everything the PDF shows, already formatted, in the report's language, from plain data the server
// gathered (the assessment, its result, the working sheet and the evidence). Pure: no IO, no clock.
import type { FormalResultView, WorkingSheet } from '@cmmm/contract';
import { QUALIFICATION_GRADE_NAMES, type QualificationGrade } from '@cmmm/contract/assessors';
import { EVIDENCE_METHOD_NAMES, EVIDENCE_METHODS, type EvidenceMethod, type FindingKind } from '@cmmm/contract/formal-rating';
import { requireEdition } from '@cmmm/model';
import { FORMAL_LABELS, type FormalReportLabels } from './formal-labels.ts';
import { floorFixed, formatDate, nodeScore } from './format.ts';
import { LABELS, type ReportLanguage } from './labels.ts';
import type { Field, LevelScoreRow } from './report-view.ts';

/** What the report needs of the formal assessment (FormalAssessment on the wire has all of it). */
export interface FormalAssessmentFacts {
  assessmentType: 'predefined' | 'custom';
  targetLevel: number | null;
  bodyName: string;
  leadName: string | null;
  application: {
    scope: string;
    editionId: string;
    customDomains: readonly { domainId: string; domainName: string; targetCapabilityLevel: number }[];
    notApplicable: readonly { nodeId: string; nodeName: string; reason: string }[];
  };
  team: readonly { name: string; teamRole: 'lead' | 'member' | 'internal'; grade: string | null; removedAt: string | null }[];
  plans: { formal: { startsOn: string; endsOn: string } | null };
}

export type FormalResultFacts = Pick<FormalResultView, 'level' | 'levelName' | 'totalScore' | 'levelScores' | 'capability' | 'comparison' | 'findings' | 'responses' | 'lastMeeting'>;

export interface SheetFacts {
  firstMeeting: { heldOn: string; attendees: string; agreedItems: string } | null;
  rows: readonly Pick<WorkingSheet['rows'][number], 'requirementId' | 'level' | 'domainId' | 'domainName' | 'itemName' | 'text' | 'evidenceCount'>[];
  domainSummaries: WorkingSheet['domainSummaries'];
}

export interface FormalReportInput {
  language: ReportLanguage;
  /** PG-…, given when the result is final; null: the draft (征求意见稿), without number or QR code. */
  reportNumber: string | null;
  issuedAt: Date;
  /** Where the final report can be verified online; null when not (a draft, or generated offline). */
  verifyUrl: string | null;
  enterprise: { name: string; creditCode: string };
  assessment: FormalAssessmentFacts;
  result: FormalResultFacts;
  sheet: SheetFacts;
  /** Every piece of evidence: how it was obtained and from whom. */
  evidence: readonly { method: EvidenceMethod; source: string }[];
}

export interface FindingRow {
  requirementId: string;
  level: string;
  kind: FindingKind;
  kindName: string;
  requirement: string;
  item: string;
  finding: string;
}

export interface FormalReportView {
  kind: 'formal';
  language: ReportLanguage;
  labels: FormalReportLabels;
  draft: boolean;
  title: string;
  headerText: string;
  /** 征求意见稿 across every page of a draft. */
  watermark: string | null;
  cover: {
    title: string;
    draftMark: string | null;
    subtitle: string;
    resultLabel: string;
    resultText: string;
    /** "总分 S 2.83", or the domains' capability levels (自定义评估). */
    resultDetail: string[];
    fields: Field[];
    verifyUrl: string | null;
    verifyText: string;
    note: string;
  };
  work: {
    intro: string;
    coverage: Field[];
    methods: { method: string; count: string }[];
    interviewed: string;
    dates: Field[];
    team: { name: string; role: string; qualification: string }[];
    cooperation: Field[];
  };
  overview: { domainId: string; name: string; strengths: string | null; weaknesses: string | null; improvements: string | null }[];
  result: {
    type: 'predefined' | 'custom';
    levelName: string | null;
    totalScore: string | null;
    levelScores: LevelScoreRow[];
    levelChart: { names: string[]; values: number[]; reached: boolean[] } | null;
    capability: { rows: { domain: string; target: string; level: string; scores: string[] }[]; levels: string[]; chart: { names: string[]; levels: number[]; targets: number[] } } | null;
    findings: Field[];
    comparison: {
      facts: Field[];
      levels: string[];
      domains: { domain: string; scores: string[] }[];
      requirementsNote: string;
      requirements: { requirementId: string; item: string; level: string; self: string; formal: string }[];
    };
  };
  weakPoints: { domain: string; rows: FindingRow[]; directions: string | null }[];
  responses: { requirementId: string; item: string; response: string; evidenceNote: string | null; decision: string; reason: string | null; change: string }[];
  conclusion: string;
  signature: Field[];
}

/** How many differing requirements the comparison lists. */
export const LISTED_DIFFERENCES = 40;

const KIND_ORDER: Record<FindingKind, number> = { weakness: 0, improvement: 1, conformity: 2, good_practice: 3 };

export function buildFormalReportView(input: FormalReportInput): FormalReportView {
  const { language, assessment: a, result: r, sheet } = input;
  const L = FORMAL_LABELS[language];
  const S = LABELS[language];
  const zh = language === 'zh-CN';
  const list = (xs: readonly string[]) => xs.join(zh ? '、' : ', ');
  const edition = requireEdition(a.application.editionId);
  const def = (level: number) => edition.levels.find((l) => l.level === level);
  const levelTitle = (level: number): string => {
    const d = def(level);
    if (!d) return zh ? `未达到${def(1)?.label ?? '一级'}` : S.belowLevel1;
    const cn = `${d.label}（${d.name}）`;
    return zh ? cn : `Level ${level} – ${S.levelNames[level] ?? d.name} (${cn})`;
  };
  const shortLevel = (level: number): string => (level < 1 ? (zh ? `未达到${def(1)?.label ?? '一级'}` : 'below L1') : zh ? (def(level)?.label ?? `${level}级`) : `L${level}`);
  const provided = (s: string | null | undefined) => (s && s.trim() ? s.trim() : L.notProvided);
  const day = (iso: string) => formatDate(new Date(`${iso}T00:00:00+08:00`), language);
  const gradeName = (g: string | null) => (g && Object.hasOwn(S.grades, g) ? S.grades[g as keyof typeof S.grades] : L.notAvailable);
  const draft = input.reportNumber === null;
  const enterprise = provided(input.enterprise.name);
  const rowOf = new Map(sheet.rows.map((row) => [row.requirementId, row]));

  // ---- the result in a line
  const custom = a.assessmentType === 'custom';
  const levelName = !custom && r.level !== null ? levelTitle(r.level) : null;
  const totalScore = !custom && r.totalScore !== null ? floorFixed(r.totalScore, 2) : null;
  const targets = new Map(a.application.customDomains.map((d) => [d.domainId, d.targetCapabilityLevel]));
  const profile = custom ? r.capability.filter((d) => targets.has(d.id) || d.target !== null) : [];
  const capabilityLine = (d: FormalResultFacts['capability'][number]) => {
    const target = d.target ?? targets.get(d.id) ?? null;
    return zh ? `${d.name} ${shortLevel(d.capabilityLevel)}${target ? `（目标${shortLevel(target)}）` : ''}` : `${d.name} ${shortLevel(d.capabilityLevel)}${target ? ` (target L${target})` : ''}`;
  };
  const target = a.targetLevel !== null ? levelTitle(a.targetLevel) : L.notProvided;
  const typeText = custom ? L.custom(a.application.customDomains.length) : L.predefined(target);

  // ---- dates
  const plan = a.plans.formal;
  const period = plan ? L.period(day(plan.startsOn), day(plan.endsOn)) : '';
  const issued = formatDate(input.issuedAt, language);

  const cover: FormalReportView['cover'] = {
    title: L.reportTitle,
    draftMark: draft ? (zh ? `（${L.draftMark}）` : `(${L.draftMark})`) : null,
    subtitle: `${L.reportSubtitle} · ${edition.standard}`,
    resultLabel: custom ? L.capabilityProfile : L.maturityLevel,
    resultText: custom ? L.custom(profile.length) : (levelName ?? L.notAvailable),
    resultDetail: custom ? profile.map(capabilityLine) : [`${L.totalScore}\u3000${totalScore ?? L.notAvailable}`],
    fields: [
      { label: L.enterpriseName, value: enterprise },
      { label: L.creditCode, value: provided(input.enterprise.creditCode) },
      { label: L.scope, value: provided(a.application.scope) },
      { label: L.assessmentType, value: typeText },
      { label: L.body, value: provided(a.bodyName) },
      { label: L.lead, value: provided(a.leadName) },
      { label: L.reportNumber, value: input.reportNumber ?? L.draftNumber },
      { label: L.issuedAt, value: issued },
      { label: L.standard, value: `${edition.standard} ${edition.title}` },
    ],
    verifyUrl: !draft && input.verifyUrl ? input.verifyUrl : null,
    verifyText: draft ? L.draftNoVerify : input.verifyUrl ? L.verify : S.noVerify,
    note: draft ? L.draftNote : L.coverNote,
  };

  // ---- 1 评估工作总结
  const withEvidence = sheet.rows.filter((row) => row.evidenceCount > 0).length;
  const percent = sheet.rows.length ? ` (${Math.round((withEvidence / sheet.rows.length) * 100)}%)` : '';
  const methodCount = new Map<EvidenceMethod, number>();
  for (const e of input.evidence) methodCount.set(e.method, (methodCount.get(e.method) ?? 0) + 1);
  const interviewed = [...new Set(input.evidence.filter((e) => e.method === 'interview').map((e) => e.source.trim()).filter(Boolean))];
  const methodName = (m: EvidenceMethod) => (zh ? EVIDENCE_METHOD_NAMES[m].zh : EVIDENCE_METHOD_NAMES[m].en);
  const qualification = (g: string | null) =>
    g && Object.hasOwn(QUALIFICATION_GRADE_NAMES, g) ? QUALIFICATION_GRADE_NAMES[g as QualificationGrade][zh ? 'zh' : 'en'] : L.notAvailable;
  const ROLE_ORDER = { lead: 0, member: 1, internal: 2 } as const;
  const work: FormalReportView['work'] = {
    intro: L.workIntro(enterprise, period, provided(a.bodyName)),
    coverage: [
      { label: L.scope, value: provided(a.application.scope) },
      { label: L.assessmentType, value: typeText },
      { label: L.notApplicable, value: a.application.notApplicable.length ? list(a.application.notApplicable.map((n) => `${n.nodeId} ${n.nodeName}（${n.reason}）`)) : L.none },
      { label: L.requirementsInScope, value: `${sheet.rows.length}` },
      { label: L.requirementsWithEvidence, value: `${withEvidence}${percent}` },
      { label: L.evidenceCount, value: `${input.evidence.length}` },
    ],
    methods: EVIDENCE_METHODS.filter((m) => methodCount.has(m)).map((m) => ({ method: methodName(m), count: `${methodCount.get(m)}` })),
    interviewed: interviewed.length ? list(interviewed) : L.interviewedNone,
    dates: [
      { label: L.formalPlan, value: plan ? L.period(day(plan.startsOn), day(plan.endsOn)) : L.notProvided },
      { label: L.firstMeeting, value: sheet.firstMeeting ? day(sheet.firstMeeting.heldOn) : L.notHeld },
      { label: L.lastMeeting, value: r.lastMeeting ? day(r.lastMeeting.heldOn) : L.notHeld },
    ],
    team: a.team
      .filter((m) => m.removedAt === null)
      .toSorted((x, y) => ROLE_ORDER[x.teamRole] - ROLE_ORDER[y.teamRole])
      .map((m) => ({ name: m.name, role: L.teamRoles[m.teamRole], qualification: qualification(m.grade) })),
    cooperation: [
      { label: L.firstAttendees, value: sheet.firstMeeting?.attendees || L.notHeld },
      { label: L.agreedItems, value: sheet.firstMeeting?.agreedItems || L.notHeld },
      { label: L.lastAttendees, value: r.lastMeeting?.attendees || L.notHeld },
      { label: L.lastSummary, value: r.lastMeeting?.summary || L.notHeld },
    ],
  };

  // ---- 2 评估情况综述: every domain in scope, in the edition's order
  const summaries = new Map(sheet.domainSummaries.map((d) => [d.domainId, d]));
  const domainsInScope = [...new Map(sheet.rows.map((row) => [row.domainId, row.domainName])).entries()];
  const text = (s: string | undefined) => (s && s.trim() ? s.trim() : null);
  const overview = domainsInScope.map(([id, name]) => {
    const s = summaries.get(id);
    return { domainId: id, name: `${id} ${name}`, strengths: text(s?.strengths), weaknesses: text(s?.weaknesses), improvements: text(s?.improvements) };
  });

  // ---- 3 评估结果
  const levels = Object.keys(r.levelScores)
    .map(Number)
    .filter((l) => Number.isInteger(l) && l >= 1)
    .sort((x, y) => x - y);
  const reached = (l: number) => r.level !== null && l <= r.level;
  const levelScores: LevelScoreRow[] = custom
    ? []
    : levels.map((l) => ({ level: l, name: levelTitle(l), score: floorFixed(r.levelScores[`${l}`]!, 2), reached: reached(l), status: reached(l) ? L.reached : L.notReached }));
  const capabilityLevels = [...new Set(profile.flatMap((d) => d.levels.map((l) => l.level)))].sort((x, y) => x - y);
  const capability: FormalReportView['result']['capability'] = custom
    ? {
        levels: capabilityLevels.map(shortLevel),
        rows: profile.map((d) => {
          const t = d.target ?? targets.get(d.id) ?? null;
          return {
            domain: `${d.id} ${d.name}`,
            target: t ? shortLevel(t) : L.notAvailable,
            level: shortLevel(d.capabilityLevel),
            scores: capabilityLevels.map((l) => nodeScore(d.levels.find((x) => x.level === l)?.score ?? null)),
          };
        }),
        chart: { names: profile.map((d) => d.name), levels: profile.map((d) => d.capabilityLevel), targets: profile.map((d) => d.target ?? targets.get(d.id) ?? 0) },
      }
    : null;
  const counts: Record<FindingKind, number> = { weakness: 0, improvement: 0, conformity: 0, good_practice: 0 };
  for (const f of r.findings) counts[f.kind] += 1;
  const kinds = Object.keys(counts) as FindingKind[];

  // comparison with the self-diagnosis
  const c = r.comparison;
  const compareLevels = [...new Set(c.domains.map((d) => d.level))].sort((x, y) => x - y);
  const compareDomains = [...new Map(c.domains.map((d) => [d.domainId, d.domainName])).entries()].map(([id, name]) => ({
    domain: `${id} ${name}`,
    scores: compareLevels.map((l) => {
      const d = c.domains.find((x) => x.domainId === id && x.level === l);
      return `${nodeScore(d?.self ?? null)} / ${nodeScore(d?.formal ?? null)}`;
    }),
  }));
  const comparison: FormalReportView['result']['comparison'] = {
    facts: [
      { label: L.selfLevel, value: c.selfLevel !== null ? levelTitle(c.selfLevel) : L.notAvailable },
      { label: L.selfTotalScore, value: c.selfTotalScore !== null ? floorFixed(c.selfTotalScore, 2) : L.notAvailable },
      ...(custom ? [] : [
        { label: L.formalLevel, value: levelName ?? L.notAvailable },
        { label: L.formalTotalScore, value: totalScore ?? L.notAvailable },
      ]),
    ],
    levels: compareLevels.map(shortLevel),
    domains: compareDomains,
    requirementsNote: c.requirements.length ? L.requirementComparison(Math.min(LISTED_DIFFERENCES, c.requirements.length), c.requirements.length) : L.requirementComparisonNone,
    requirements: c.requirements.slice(0, LISTED_DIFFERENCES).map((q) => ({ requirementId: q.requirementId, item: q.itemName, level: shortLevel(q.level), self: gradeName(q.self), formal: gradeName(q.formal) })),
  };

  // ---- 4 弱项与改进建议, by domain in the edition's order
  const weak = r.findings.filter((f) => f.kind === 'weakness' || f.kind === 'improvement');
  const weakPoints = [...new Map(weak.map((f) => [f.domainId, f.domainName])).entries()].map(([id, name]) => ({
    domain: `${id} ${name}`,
    rows: weak
      .filter((f) => f.domainId === id)
      .toSorted((x, y) => x.level - y.level || KIND_ORDER[x.kind] - KIND_ORDER[y.kind])
      .map((f) => ({
        requirementId: f.requirementId,
        level: shortLevel(f.level),
        kind: f.kind,
        kindName: L.findingKinds[f.kind],
        requirement: rowOf.get(f.requirementId)?.text ?? '',
        item: f.itemName,
        finding: f.text,
      })),
    directions: text(summaries.get(id)?.improvements),
  }));

  // ---- 5 再次论证
  const responses = r.responses.map((x) => ({
    requirementId: x.requirementId,
    item: rowOf.get(x.requirementId)?.itemName ?? '',
    response: x.response,
    evidenceNote: x.evidenceNote,
    decision: L.decisions[x.decision ?? 'pending'],
    reason: x.decisionReason,
    change: x.gradeBefore && x.gradeAfter ? (x.gradeBefore === x.gradeAfter ? gradeName(x.gradeAfter) : `${gradeName(x.gradeBefore)} → ${gradeName(x.gradeAfter)}`) : L.notAvailable,
  }));

  // ---- 6 结论
  const conclusion = L.conclusionText({
    enterprise,
    body: provided(a.bodyName),
    period,
    scope: provided(a.application.scope),
    standard: edition.standard,
    level: custom ? null : { name: levelName ?? L.notAvailable, totalScore: totalScore ?? L.notAvailable, target },
    capability: profile.map(capabilityLine),
    requirements: sheet.rows.length,
    counts,
    responses: r.responses.length,
    accepted: r.responses.filter((x) => x.decision === 'accepted').length,
    draft,
  });

  const title = draft ? `${L.reportTitle}${cover.draftMark}` : L.reportTitle;
  return {
    kind: 'formal',
    language,
    labels: L,
    draft,
    title: `${title} · ${enterprise}`,
    headerText: input.reportNumber ? `${enterprise} · ${L.reportNumber} ${input.reportNumber}` : `${enterprise} · ${L.draftMark}`,
    watermark: draft ? L.draftMark : null,
    cover,
    work,
    overview,
    result: {
      type: a.assessmentType,
      levelName,
      totalScore,
      levelScores,
      levelChart: custom ? null : { names: levels.map(shortLevel), values: levels.map((l) => r.levelScores[`${l}`]!), reached: levels.map(reached) },
      capability,
      findings: kinds.map((k) => ({ label: L.findingKinds[k], value: `${counts[k]}` })),
      comparison,
    },
    weakPoints,
    responses,
    conclusion,
    signature: [
      { label: L.signedBody, value: provided(a.bodyName) },
      { label: L.signedLead, value: provided(a.leadName) },
      { label: L.signedDate, value: issued },
    ],
  };
}
