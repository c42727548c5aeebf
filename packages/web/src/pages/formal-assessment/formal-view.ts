// What the 标准符合性评估 pages compute from the wire: the steps bar, the plan's confirmation state,
// the 评估申请表's values as an application, where each rule's message goes, the model's domains and
// their weights. Pure: no React, no requests.
import type { Edition } from '@cmmm/contract/edition';
import type { EnterpriseType } from '@cmmm/contract/schemas';
import type { Application, ApplicationCheck, Assessor, AssessmentType, FormalAssessment, FormalStage, Plan, QualificationGrade, SavePlan, TeamMember } from './formal-api.ts';

/** Stages in which an application is still open: an enterprise has one at a time. */
export const OPEN_STAGES: readonly FormalStage[] = [
  'submitted',
  'accepted',
  'team_formed',
  'plans_confirmed',
  'pre_assessment',
  'feasible',
  'assessing',
  'rated',
  'communicating',
  'final',
  'under_review',
  'publicized',
];
export const isOpenStage = (stage: FormalStage): boolean => OPEN_STAGES.includes(stage);

// ---- the steps bar: 申请 → 受理 → 组建评估组 → 计划确认 → 预评估 → 可行/终止

export const STEPS = ['apply', 'accept', 'team', 'plans', 'pre', 'outcome'] as const;
export type StepKey = (typeof STEPS)[number];

export interface StepsState {
  /** Index into STEPS of the step under way (or where it ended). */
  current: number;
  status: 'process' | 'finish' | 'error';
  /** How it ended, when it has. */
  ended?: 'feasible' | 'closed' | 'declined' | 'withdrawn';
}

type Progress = Pick<FormalAssessment, 'stage' | 'team' | 'plans' | 'preAssessment'>;

/** The last step a withdrawn application had finished, judged from what it holds. */
function reachedBeforeWithdrawal(view: Progress): number {
  if (view.preAssessment) return 4;
  if (view.plans.pre?.confirmed && view.plans.formal?.confirmed) return 3;
  if (view.plans.pre || view.plans.formal) return 2;
  if (view.team.length > 0) return 1;
  return 0;
}

export function stepsStateOf(view: Progress): StepsState {
  switch (view.stage) {
    case 'submitted':
      return { current: 1, status: 'process' };
    case 'accepted':
      return { current: 2, status: 'process' };
    case 'team_formed':
      return { current: 3, status: 'process' };
    case 'plans_confirmed':
    case 'pre_assessment':
      return { current: 4, status: 'process' };
    // The formal assessment itself has its own page (正式评估): here the preparation is complete.
    case 'feasible':
    case 'assessing':
    case 'rated':
    case 'communicating':
    case 'final':
    case 'under_review':
    case 'publicized':
    case 'certified':
      return { current: 5, status: 'finish', ended: 'feasible' };
    case 'closed':
      return { current: 5, status: 'error', ended: 'closed' };
    case 'declined':
      return { current: 1, status: 'error', ended: 'declined' };
    case 'withdrawn':
      return { current: reachedBeforeWithdrawal(view) + 1, status: 'error', ended: 'withdrawn' };
  }
}

/** Sections shown from a step on (a withdrawn application keeps what it had). */
export function reachedStep(view: Progress): number {
  const state = stepsStateOf(view);
  return state.ended === 'withdrawn' || state.ended === 'declined' ? state.current - 1 : state.current;
}

// ---- plans

export type PlanStatus = 'missing' | 'unconfirmed' | 'confirmed' | 'changed';

/** 待企业确认, 已确认, or changed since it was confirmed (待重新确认). */
export function planStatusOf(plan: Plan | null): PlanStatus {
  if (!plan) return 'missing';
  if (plan.confirmed) return 'confirmed';
  return plan.confirmedVersion === null ? 'unconfirmed' : 'changed';
}

// ---- the team

export const activeMembers = (team: readonly TeamMember[]): TeamMember[] => team.filter((m) => m.removedAt === null);

const TEAM_GRADES: readonly QualificationGrade[] = ['assessor', 'lead_assessor', 'high_maturity_lead'];
const LEAD_GRADES: readonly QualificationGrade[] = ['lead_assessor', 'high_maturity_lead'];

/** A body's assessor who may join a team: an assessor grade valid today. */
export const mayJoinTeam = (a: Pick<Assessor, 'currentGrades'>): boolean => a.currentGrades.some((g) => TEAM_GRADES.includes(g));

/** A lead for this level: 主任评估师, and 高成熟度主任评估师 from 四级. */
export const mayLead = (a: Pick<Assessor, 'currentGrades'>, level: number | null): boolean =>
  (level ?? 0) >= 4 ? a.currentGrades.includes('high_maturity_lead') : a.currentGrades.some((g) => LEAD_GRADES.includes(g));

/** The highest grade held today, for a label. */
export function topGrade(grades: readonly QualificationGrade[]): QualificationGrade | null {
  const order: readonly QualificationGrade[] = ['high_maturity_lead', 'lead_assessor', 'assessor', 'trainer', 'intro'];
  return order.find((g) => grades.includes(g)) ?? null;
}

// ---- the model's domains (PTR + 生产 + N)

export interface DomainChoice {
  id: string;
  name: string;
  elementId: string;
  elementName: string;
  tailorable: boolean;
}

/** The domains assessed for the enterprise type, in the model's order. */
export function assessedDomains(edition: Edition, type: EnterpriseType): DomainChoice[] {
  const weights = edition.weights[type];
  return edition.elements.flatMap((element) =>
    element.domains
      .filter((d) => Object.hasOwn(weights, d.id))
      .map((d) => ({ id: d.id, name: d.name, elementId: element.id, elementName: element.name, tailorable: d.tailorable })),
  );
}

export interface WeightRow {
  elementId: string;
  elementName: string;
  domains: { id: string; name: string; standard: number; current: number }[];
}

/** Each element's domains with the weight of 表14 (流程型) or 表15 (离散型) and the one in force. */
export function weightRows(edition: Edition, type: EnterpriseType, custom: Readonly<Record<string, number>> | null): WeightRow[] {
  const weights = edition.weights[type];
  return edition.elements
    .map((element) => ({
      elementId: element.id,
      elementName: element.name,
      domains: element.domains
        .filter((d) => Object.hasOwn(weights, d.id))
        .map((d) => {
          const standard = weights[d.id] ?? 0;
          return { id: d.id, name: d.name, standard, current: custom && Object.hasOwn(custom, d.id) ? (custom[d.id] ?? standard) : standard };
        }),
    }))
    .filter((row) => row.domains.length > 0);
}

/** The sum of an element's weights, rounded for display (floating point: 0.46 + 0.27 + 0.27). */
export const weightSum = (values: readonly number[]): number => Math.round(values.reduce((a, b) => a + b, 0) * 1000) / 1000;

/** Only the weights that differ from the standard go on the wire; none left → null (the standard). */
export function customWeightsOf(rows: readonly WeightRow[], entered: Readonly<Record<string, number | null | undefined>>): Record<string, number> | null {
  const out: Record<string, number> = {};
  let differs = false;
  for (const row of rows)
    for (const d of row.domains) {
      const value = entered[d.id];
      const weight = typeof value === 'number' ? value : d.standard;
      out[d.id] = weight;
      if (Math.abs(weight - d.standard) > 1e-9) differs = true;
    }
  return differs ? out : null;
}

// ---- the 评估申请表

export interface ApplicationValues {
  selfDiagnosisId?: string;
  assessmentType?: AssessmentType;
  targetLevel?: number;
  /** 预定义评估: tailorable domain id → not applicable, with the reason. */
  notApplicable?: Record<string, { on?: boolean; reason?: string } | undefined>;
  /** 自定义评估: domain id → chosen, with its target 能力度等级. */
  custom?: Record<string, { on?: boolean; level?: number } | undefined>;
  scope?: string;
  sponsor?: { name?: string; title?: string };
  liaison?: { name?: string; mobile?: string };
  internalAssessorId?: string;
  bodyId?: string;
  leadAssessorId?: string;
}

const text = (value: string | undefined): string => (value ?? '').trim();

/** The application the form describes; domains in the model's order so that an issue's index finds its row. */
export function applicationOf(values: ApplicationValues, domainOrder: readonly string[]): Application {
  const type = values.assessmentType ?? 'predefined';
  const notApplicable =
    type === 'predefined'
      ? domainOrder.flatMap((id) => {
          const entry = values.notApplicable?.[id];
          return entry?.on ? [{ nodeId: id, reason: text(entry.reason) }] : [];
        })
      : [];
  const customDomains =
    type === 'custom'
      ? domainOrder.flatMap((id) => {
          const entry = values.custom?.[id];
          return entry?.on ? [{ domainId: id, targetCapabilityLevel: entry.level ?? 0 }] : [];
        })
      : [];
  return {
    selfDiagnosisId: values.selfDiagnosisId ?? '',
    assessmentType: type,
    targetLevel: type === 'predefined' ? values.targetLevel : undefined,
    customDomains,
    scope: text(values.scope),
    notApplicable,
    sponsor: { name: text(values.sponsor?.name), title: text(values.sponsor?.title) },
    liaison: { name: text(values.liaison?.name), mobile: text(values.liaison?.mobile) },
    internalAssessorId: values.internalAssessorId || undefined,
    bodyId: values.bodyId ?? '',
    leadAssessorId: values.leadAssessorId || undefined,
  };
}

/** The highest level the application asks for (a custom one: its highest target capability level). */
export const requestedLevelOf = (a: Pick<Application, 'assessmentType' | 'targetLevel' | 'customDomains'>): number =>
  a.assessmentType === 'predefined' ? (a.targetLevel ?? 0) : Math.max(0, ...a.customDomains.map((d) => d.targetCapabilityLevel));

/**
 * Where a rule's message is shown: the form's field for the path. 'notApplicable.2' is the row of the
 * third not-applicable domain ('notApplicable.M3'), 'customDomains.0' that of the first chosen domain.
 */
export function checkSlotOf(path: string, application: Pick<Application, 'notApplicable' | 'customDomains'>): string {
  const [head = '', index] = path.split('.');
  if (head === 'notApplicable' && index !== undefined) {
    const entry = application.notApplicable[Number(index)];
    return entry ? `notApplicable.${entry.nodeId}` : 'notApplicable';
  }
  if (head === 'customDomains') {
    const entry = index === undefined ? undefined : application.customDomains[Number(index)];
    return entry ? `custom.${entry.domainId}` : 'custom';
  }
  if (head === 'sponsor' || head === 'liaison') return head;
  return head;
}

/** The checks by slot, blocks first. */
export function checksBySlot(checks: readonly ApplicationCheck[], application: Pick<Application, 'notApplicable' | 'customDomains'>): Map<string, ApplicationCheck[]> {
  const bySlot = new Map<string, ApplicationCheck[]>();
  const ordered = [...checks].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1));
  for (const check of ordered) {
    const slot = checkSlotOf(check.path, application);
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), check]);
  }
  return bySlot;
}

export const blocksOf = (checks: readonly ApplicationCheck[]): ApplicationCheck[] => checks.filter((c) => c.severity === 'block');

/** A server issue's path as the form's field name ('notApplicable.0.reason' → ['notApplicable', 'M3', 'reason']). */
export function fieldNameOf(path: string, application: Pick<Application, 'notApplicable' | 'customDomains'>): (string | number)[] {
  const parts = path.split('.');
  const [head, index] = parts;
  if (head === 'notApplicable' && index !== undefined) {
    const entry = application.notApplicable[Number(index)];
    return entry ? ['notApplicable', entry.nodeId, 'reason'] : ['notApplicable'];
  }
  if (head === 'customDomains' && index !== undefined) {
    const entry = application.customDomains[Number(index)];
    return entry ? ['custom', entry.domainId, 'level'] : ['custom'];
  }
  return parts;
}

/** Placeholders for what the form has not filled in yet, so that the rules can be asked about the rest. */
const STAND_INS = {
  text: '—',
  mobile: '13800000000',
  uuid: '00000000-0000-0000-0000-000000000000',
} as const;

/**
 * The application to send to the checks while the form is being filled: fields the rules do not read
 * (scope, sponsor, liaison) are stood in for when empty, and so is a body not chosen yet. `standIns`
 * lists the slots stood in for: their checks are not shown (the form's own rules speak for them).
 * Undefined when there is nothing to ask yet (no self-diagnosis chosen).
 */
export function checkRequestOf(values: ApplicationValues, domainOrder: readonly string[]): { application: Application; standIns: Set<string> } | undefined {
  const application = applicationOf(values, domainOrder);
  if (!application.selfDiagnosisId) return undefined;
  const standIns = new Set<string>();
  const fill = (value: string, slot: string, standIn: string) => {
    if (value) return value;
    standIns.add(slot);
    return standIn;
  };
  return {
    application: {
      ...application,
      scope: fill(application.scope, 'scope', STAND_INS.text),
      sponsor: { name: fill(application.sponsor.name, 'sponsor', STAND_INS.text), title: fill(application.sponsor.title, 'sponsor', STAND_INS.text) },
      liaison: {
        name: fill(application.liaison.name, 'liaison', STAND_INS.text),
        mobile: /^1[3-9]\d{9}$/.test(application.liaison.mobile) ? application.liaison.mobile : fill('', 'liaison', STAND_INS.mobile),
      },
      notApplicable: application.notApplicable.map((n) => ({ ...n, reason: fill(n.reason, `notApplicable.${n.nodeId}`, STAND_INS.text) })),
      customDomains: application.customDomains.map((d) => (d.targetCapabilityLevel >= 1 ? d : (standIns.add(`custom.${d.domainId}`), { ...d, targetCapabilityLevel: 1 }))),
      bodyId: fill(application.bodyId, 'bodyId', STAND_INS.uuid),
    },
    standIns,
  };
}

// ---- the plan form

export interface PlanValues {
  purpose: string;
  scope: string;
  tasks: string;
  startsOn: string;
  endsOn: string;
  assessorIds: string[];
  agenda: { date: string; time: string; activity: string; assessorIds?: string[] }[];
}

/** The plan to save, texts trimmed; the agenda keeps the rows' order (an issue's index names its row). */
export function planOf(values: PlanValues): SavePlan {
  const agenda = (values.agenda ?? []).map((row) => ({ date: row.date, time: row.time.trim(), activity: row.activity.trim(), assessorIds: row.assessorIds ?? [] }));
  return {
    purpose: values.purpose.trim(),
    scope: values.scope.trim(),
    tasks: values.tasks.trim(),
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    assessorIds: values.assessorIds ?? [],
    agenda,
  };
}

/** Calendar days from start to end, both included (seed 002 counts days on site). */
export function planDays(startsOn: string, endsOn: string): number {
  const start = Date.parse(`${startsOn}T00:00:00Z`);
  const end = Date.parse(`${endsOn}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return 0;
  return Math.round((end - start) / 86_400_000) + 1;
}
