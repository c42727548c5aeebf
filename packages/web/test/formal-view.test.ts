import { getEdition } from '@cmmm/model';
import { describe, expect, it } from 'vitest';
import type { ApplicationCheck, FormalAssessment, Plan, TeamMember } from '../src/pages/formal-assessment/formal-api.ts';
import {
  applicationOf,
  assessedDomains,
  blocksOf,
  checkRequestOf,
  checksBySlot,
  checkSlotOf,
  customWeightsOf,
  fieldNameOf,
  isOpenStage,
  mayJoinTeam,
  mayLead,
  planDays,
  planOf,
  planStatusOf,
  reachedStep,
  stepsStateOf,
  topGrade,
  weightRows,
  weightSum,
  type ApplicationValues,
} from '../src/pages/formal-assessment/formal-view.ts';

const edition = getEdition('db12-t1073-2021');
if (!edition.ok) throw new Error('edition');

const plan = (over: Partial<Plan> = {}): Plan => ({
  kind: 'pre',
  purpose: '了解基本情况',
  scope: '水泥的工艺设计、生产、销售',
  tasks: '现场参观',
  startsOn: '2026-03-02',
  endsOn: '2026-03-03',
  assessorIds: ['a1'],
  agenda: [],
  version: 1,
  confirmedVersion: null,
  confirmedAt: null,
  confirmed: false,
  planned: { people: 1, days: 2, personDays: 2 },
  standard: { people: 3, days: 2, personDays: 6 },
  ...over,
});

const member = (over: Partial<TeamMember> = {}): TeamMember => ({
  assessorId: 'a1',
  name: '王五',
  teamRole: 'lead',
  grade: 'lead_assessor',
  coi: 'none',
  coiStatement: null,
  declaredAt: null,
  removedAt: null,
  qualifiedOnPlannedDates: true,
  ...over,
});

type Progress = Pick<FormalAssessment, 'stage' | 'team' | 'plans' | 'preAssessment'>;
const progress = (over: Partial<Progress>): Progress => ({ stage: 'submitted', team: [], plans: { pre: null, formal: null }, preAssessment: null, ...over });

describe('the steps bar 申请 → 受理 → 组建评估组 → 计划确认 → 预评估 → 可行/终止', () => {
  it('puts each open stage on the step under way', () => {
    expect(stepsStateOf(progress({ stage: 'submitted' }))).toEqual({ current: 1, status: 'process' });
    expect(stepsStateOf(progress({ stage: 'accepted' }))).toEqual({ current: 2, status: 'process' });
    expect(stepsStateOf(progress({ stage: 'team_formed' }))).toEqual({ current: 3, status: 'process' });
    expect(stepsStateOf(progress({ stage: 'plans_confirmed' }))).toEqual({ current: 4, status: 'process' });
    expect(stepsStateOf(progress({ stage: 'pre_assessment' }))).toEqual({ current: 4, status: 'process' });
  });

  it('ends on the last step (可行 finished, 终止 in error) or at 受理 when declined', () => {
    expect(stepsStateOf(progress({ stage: 'feasible' }))).toEqual({ current: 5, status: 'finish', ended: 'feasible' });
    expect(stepsStateOf(progress({ stage: 'closed' }))).toEqual({ current: 5, status: 'error', ended: 'closed' });
    expect(stepsStateOf(progress({ stage: 'declined' }))).toEqual({ current: 1, status: 'error', ended: 'declined' });
  });

  it('shows a withdrawal after the last step the application had finished', () => {
    expect(stepsStateOf(progress({ stage: 'withdrawn' })).current).toBe(1);
    expect(stepsStateOf(progress({ stage: 'withdrawn', team: [member()] })).current).toBe(2);
    expect(stepsStateOf(progress({ stage: 'withdrawn', team: [member()], plans: { pre: plan(), formal: null } })).current).toBe(3);
    const confirmed = plan({ confirmed: true, confirmedVersion: 1 });
    expect(stepsStateOf(progress({ stage: 'withdrawn', team: [member()], plans: { pre: confirmed, formal: { ...confirmed, kind: 'formal' } } })).current).toBe(4);
    expect(reachedStep(progress({ stage: 'withdrawn', team: [member()] }))).toBe(1);
    expect(reachedStep(progress({ stage: 'accepted' }))).toBe(2);
  });

  it('knows which stages are still open (one open application per enterprise)', () => {
    const open = ['submitted', 'accepted', 'team_formed', 'plans_confirmed', 'pre_assessment', 'feasible', 'assessing', 'rated', 'communicating', 'final', 'under_review', 'publicized'];
    expect(open.every((s) => isOpenStage(s as Progress['stage']))).toBe(true);
    expect(['declined', 'withdrawn', 'closed', 'certified'].some((s) => isOpenStage(s as Progress['stage']))).toBe(false);
  });
});

describe('a plan\'s confirmation', () => {
  it('is missing, awaiting, confirmed, or changed since it was confirmed (待重新确认)', () => {
    expect(planStatusOf(null)).toBe('missing');
    expect(planStatusOf(plan())).toBe('unconfirmed');
    expect(planStatusOf(plan({ confirmed: true, confirmedVersion: 1 }))).toBe('confirmed');
    expect(planStatusOf(plan({ version: 2, confirmedVersion: 1, confirmed: false }))).toBe('changed');
  });

  it('counts the days on site with both ends included', () => {
    expect(planDays('2026-03-02', '2026-03-03')).toBe(2);
    expect(planDays('2026-02-28', '2026-03-01')).toBe(2);
    expect(planDays('2026-03-02', '2026-03-02')).toBe(1);
    expect(planDays('', '2026-03-02')).toBe(0);
  });

  it('trims the plan\'s texts and keeps the agenda rows in order (an issue\'s index names its row)', () => {
    const saved = planOf({
      purpose: ' 目的 ',
      scope: '范围',
      tasks: '任务\n',
      startsOn: '2026-03-02',
      endsOn: '2026-03-03',
      assessorIds: ['a1'],
      agenda: [
        { date: '2026-03-03', time: ' 09:00 ', activity: ' 末次会议 ' },
        { date: '2026-03-02', time: '09:00-12:00', activity: '首次会议', assessorIds: ['a1'] },
      ],
    });
    expect(saved.purpose).toBe('目的');
    expect(saved.tasks).toBe('任务');
    expect(saved.agenda).toEqual([
      { date: '2026-03-03', time: '09:00', activity: '末次会议', assessorIds: [] },
      { date: '2026-03-02', time: '09:00-12:00', activity: '首次会议', assessorIds: ['a1'] },
    ]);
  });
});

describe('who may lead or join', () => {
  it('a lead needs 主任评估师, from 四级 高成熟度主任评估师', () => {
    expect(mayLead({ currentGrades: ['assessor', 'lead_assessor'] }, 3)).toBe(true);
    expect(mayLead({ currentGrades: ['assessor', 'lead_assessor'] }, 4)).toBe(false);
    expect(mayLead({ currentGrades: ['assessor', 'lead_assessor', 'high_maturity_lead'] }, 5)).toBe(true);
    expect(mayLead({ currentGrades: ['assessor'] }, 2)).toBe(false);
  });

  it('a member needs an assessor grade valid today; an intro certificate or a trainer alone is not one', () => {
    expect(mayJoinTeam({ currentGrades: ['assessor'] })).toBe(true);
    expect(mayJoinTeam({ currentGrades: [] })).toBe(false);
    expect(mayJoinTeam({ currentGrades: ['intro'] })).toBe(false);
    expect(topGrade(['assessor', 'lead_assessor', 'trainer'])).toBe('lead_assessor');
    expect(topGrade([])).toBeNull();
  });
});

describe('the model\'s domains on the 评估申请表 (PTR + 生产 + N)', () => {
  it('lists the domains assessed for the type, the tailorable ones marked', () => {
    const domains = assessedDomains(edition.value, 'discrete');
    expect(domains.filter((d) => d.tailorable).map((d) => d.name)).toEqual(['设计', '物流', '销售', '服务', '两化融合']);
    expect(domains.filter((d) => !d.tailorable).map((d) => d.name)).toContain('生产');
    expect(domains.find((d) => d.id === 'P1')?.elementName).toBe('人员');
  });
});

describe('the application from the form', () => {
  const order = assessedDomains(edition.value, 'discrete').map((d) => d.id);
  const values: ApplicationValues = {
    selfDiagnosisId: 'sd-1',
    assessmentType: 'predefined',
    targetLevel: 3,
    notApplicable: { M5: { on: true, reason: ' 不提供售后服务 ' }, M3: { on: true, reason: '物流外包' }, M4: { on: false, reason: '忘了取消' } },
    custom: { M2: { on: true, level: 3 } },
    scope: ' 水泥的工艺设计、生产、销售 ',
    sponsor: { name: '张总', title: '副总经理' },
    liaison: { name: '李四', mobile: '13900000001' },
    internalAssessorId: '',
    bodyId: 'body-1',
  };

  it('sends the ticked not-applicable domains in the model\'s order with their reasons, and no custom domains', () => {
    const a = applicationOf(values, order);
    expect(a.notApplicable).toEqual([
      { nodeId: 'M3', reason: '物流外包' },
      { nodeId: 'M5', reason: '不提供售后服务' },
    ]);
    expect(a.customDomains).toEqual([]);
    expect(a.targetLevel).toBe(3);
    expect(a.scope).toBe('水泥的工艺设计、生产、销售');
    expect(a.internalAssessorId).toBeUndefined();
    expect(a.leadAssessorId).toBeUndefined();
  });

  it('a custom assessment sends its domains with their target levels, and no level or not-applicable domains', () => {
    const a = applicationOf({ ...values, assessmentType: 'custom', custom: { M2: { on: true, level: 4 }, M1: { on: true, level: 2 }, M3: { on: false, level: 5 } } }, order);
    expect(a.customDomains).toEqual([
      { domainId: 'M1', targetCapabilityLevel: 2 },
      { domainId: 'M2', targetCapabilityLevel: 4 },
    ]);
    expect(a.targetLevel).toBeUndefined();
    expect(a.notApplicable).toEqual([]);
  });

  it('places each rule\'s message at its field, the indexed ones at their domain\'s row, blocks first', () => {
    const a = applicationOf(values, order);
    expect(checkSlotOf('notApplicable.1', a)).toBe('notApplicable.M5');
    expect(checkSlotOf('notApplicable.9', a)).toBe('notApplicable');
    expect(checkSlotOf('sponsor.name', a)).toBe('sponsor');
    expect(checkSlotOf('targetLevel', a)).toBe('targetLevel');
    const custom = applicationOf({ ...values, assessmentType: 'custom' }, order);
    expect(checkSlotOf('customDomains.0', custom)).toBe('custom.M2');
    expect(checkSlotOf('customDomains', custom)).toBe('custom');

    const checks: ApplicationCheck[] = [
      { code: 'FIRST_APPLICATION_HIGH', severity: 'warning', path: 'targetLevel', message: '首次申请…' },
      { code: 'HIGH_LEVEL_TOO_EARLY', severity: 'block', path: 'targetLevel', message: '须满一年' },
      { code: 'INTERNAL_ASSESSOR_REQUIRED', severity: 'block', path: 'internalAssessorId', message: '须指定内部评估师' },
    ];
    const bySlot = checksBySlot(checks, a);
    expect(bySlot.get('targetLevel')?.map((c) => c.code)).toEqual(['HIGH_LEVEL_TOO_EARLY', 'FIRST_APPLICATION_HIGH']);
    expect(bySlot.get('internalAssessorId')).toHaveLength(1);
    expect(blocksOf(checks)).toHaveLength(2);
  });

  it('turns a server issue\'s path into the form\'s field name', () => {
    const a = applicationOf(values, order);
    expect(fieldNameOf('notApplicable.0.reason', a)).toEqual(['notApplicable', 'M3', 'reason']);
    expect(fieldNameOf('liaison.mobile', a)).toEqual(['liaison', 'mobile']);
    const custom = applicationOf({ ...values, assessmentType: 'custom' }, order);
    expect(fieldNameOf('customDomains.0.targetCapabilityLevel', custom)).toEqual(['custom', 'M2', 'level']);
  });

  it('asks the rules about a half-filled form with stand-ins, whose own checks are not shown', () => {
    expect(checkRequestOf({ assessmentType: 'predefined' }, order)).toBeUndefined();
    const asked = checkRequestOf({ selfDiagnosisId: 'sd-1', assessmentType: 'predefined', targetLevel: 4, notApplicable: { M3: { on: true } }, liaison: { mobile: '139' } }, order);
    if (!asked) throw new Error('asked');
    expect(asked.application.targetLevel).toBe(4);
    expect(asked.application.scope).not.toBe('');
    expect(asked.application.liaison.mobile).toMatch(/^1[3-9]\d{9}$/);
    expect(asked.application.bodyId).toMatch(/^[0-9a-f-]{36}$/);
    expect([...asked.standIns].sort()).toEqual(['bodyId', 'liaison', 'notApplicable.M3', 'scope', 'sponsor']);
    const filled = checkRequestOf(values, order);
    expect(filled?.standIns.size).toBe(0);
    expect(filled?.application.bodyId).toBe('body-1');
  });
});

describe('domain weights (表14 流程型 / 表15 离散型)', () => {
  it('lists each element\'s domains with the standard weight and the one in force', () => {
    const rows = weightRows(edition.value, 'discrete', { M3: 0.1 });
    const technology = rows.find((r) => r.elementId === 'T');
    expect(technology?.domains.map((d) => d.standard)).toEqual([0.46, 0.27, 0.27]);
    expect(weightSum(technology?.domains.map((d) => d.current) ?? [])).toBe(1);
    const m3 = rows.flatMap((r) => r.domains).find((d) => d.id === 'M3');
    expect(m3?.current).toBe(0.1);
    expect(m3?.standard).not.toBe(0.1);
  });

  it('sends null when nothing differs from the standard, else every domain\'s weight', () => {
    const rows = weightRows(edition.value, 'process', null);
    expect(customWeightsOf(rows, {})).toBeNull();
    expect(customWeightsOf(rows, { T1: 0.46 })).toBeNull();
    const custom = customWeightsOf(rows, { T1: 0.5, T2: null });
    expect(custom?.T1).toBe(0.5);
    expect(custom?.T2).toBe(0.27);
    expect(Object.keys(custom ?? {})).toHaveLength(rows.flatMap((r) => r.domains).length);
  });
});
