// 标准符合性评估 through the HTTP API (seed 002 申请 and 评估流程; seed 003 §8.2): the application and
// its rules, 受理, the team and its declarations, domain weights, the two plans, the pre-assessment,
// who sees what, and the audit trail — on every test database.
import type { AuditEvent, FormalAssessment, FormalAssessmentSummary } from '@cmmm/contract';
import { isUniqueViolation } from '@cmmm/db';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FORMAL_DATES, formalFixtures, PRE_DATES } from './formal-fixtures.ts';
import { Client, registeredClient, testDatabases, usePlatform } from './harness.ts';

type View = FormalAssessment;
type ErrorReply = { error: { code: string; message: string; issues?: { code: string; path: string; message: string }[] } };
type Page = { items: FormalAssessmentSummary[]; total: number };

describe.each(testDatabases)('formal assessment on the $name database', ({ open }) => {
  const p = usePlatform(open);
  const { adminOf, staff, body, person, enterprise, application, put, planOf, declare, acceptedAssessment, confirmedPlans } = formalFixtures(p);
  let admin: Client | undefined;

  it('runs 三级 from the application to 具备正式评估条件: 受理, a team of three with declarations, both plans confirmed, the pre-assessment', async () => {
    const bodyId = await body();
    const lead = await person({ bodyId, grade: 'lead_assessor', login: true, name: '张主任' });
    const member = await person({ bodyId, grade: 'assessor', login: true, name: '陈评估师' });
    const e = await enterprise();
    const internal = await person({ enterpriseId: e.enterpriseId, grade: 'intro', name: '周内审' });
    const form = application(e, bodyId, { internalAssessorId: internal.id, leadAssessorId: lead.id });

    const checked = await e.client.post<{ checks: unknown[] }>('/api/formal-assessments/checks', form);
    expect(checked.status).toBe(200);
    expect(checked.body).toEqual({ checks: [] });

    const submitted = await e.client.post<View>('/api/formal-assessments', form);
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({
      stage: 'submitted',
      assessmentType: 'predefined',
      targetLevel: 3,
      enterpriseId: e.enterpriseId,
      regionCode: '320583',
      bodyId,
      leadName: '张主任',
      version: 1,
      application: {
        selfDiagnosisId: e.diagnosisId,
        notApplicable: [{ nodeId: 'M3', nodeName: '物流', reason: '物流全部外包，企业不涉及' }],
        sponsor: { name: '李明', title: '副总经理' },
        internalAssessor: { id: internal.id, name: '周内审' },
        leadAssessorId: lead.id,
        editionId: 'db12-t1073-2021',
        enterpriseType: 'discrete',
      },
      selfDiagnosis: { id: e.diagnosisId, level: 1 },
      team: [],
      plans: { pre: null, formal: null },
    });
    expect(submitted.body.actions).toEqual(['withdraw']);
    const { id } = submitted.body;
    const url = `/api/formal-assessments/${id}`;
    const stored = await p.db.selectFrom('assessment').select(['kind', 'status', 'tailored', 'edition_id', 'enterprise_type']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ kind: 'formal', status: 'draft', tailored: ['M3'], edition_id: 'db12-t1073-2021', enterprise_type: 'discrete' });

    // The lead sees the application header, not yet the enterprise's self-diagnosis.
    const header = await lead.client.get<View>(url);
    expect(header.status).toBe(200);
    expect(header.body.selfDiagnosis).toBeNull();
    expect(header.body.actions).toEqual(['decideAcceptance']);

    const accepted = await lead.client.post<View>(`${url}/acceptance`, { accept: true, lawful: true, intelligentManufacturing: true });
    expect(accepted.body).toMatchObject({ stage: 'accepted', acceptance: { lawful: true, intelligentManufacturing: true, declineReason: null }, version: 2 });
    expect(accepted.body.team).toMatchObject([{ assessorId: lead.id, teamRole: 'lead', coi: 'pending', grade: 'lead_assessor', removedAt: null, qualifiedOnPlannedDates: true }]);
    expect(accepted.body.actions).toEqual(expect.arrayContaining(['editTeam', 'declareOwnConflict', 'finaliseTeam', 'setWeights']));

    expect((await put(lead.client, `${url}/team/${member.id}`, { teamRole: 'member' })).status).toBe(200);
    const withInternal = await put(lead.client, `${url}/team/${internal.id}`, { teamRole: 'internal' });
    expect(withInternal.body.team.map((m) => [m.teamRole, m.coi])).toEqual([
      ['lead', 'pending'],
      ['member', 'pending'],
      ['internal', 'pending'],
    ]);
    // Adding the same person again in the same role changes nothing.
    expect((await put(lead.client, `${url}/team/${member.id}`, { teamRole: 'member' })).body.version).toBe(withInternal.body.version);

    const undeclared = await lead.client.post<ErrorReply>(`${url}/team/formation`);
    expect(undeclared.status).toBe(409);
    expect(undeclared.body.error.code).toBe('COI_PENDING');
    expect(undeclared.body.error.issues!.map((i) => i.code)).toEqual(['COI_PENDING', 'COI_PENDING', 'COI_PENDING']);

    // A member before declaring: the header only; the enterprise declares for its internal assessor.
    const memberBefore = await member.client.get<View>(url);
    expect(memberBefore.body.selfDiagnosis).toBeNull();
    expect(memberBefore.body.actions).toEqual(['declareOwnConflict']);
    expect((await e.client.get<View>(url)).body.actions).toEqual(['withdraw', 'declareInternalConflict']);
    expect((await declare(lead.client, url, internal.id)).status).toBe(403);
    expect((await declare(member.client, url, lead.id)).status).toBe(403);
    expect((await declare(lead.client, url, lead.id)).body.selfDiagnosis).toMatchObject({ id: e.diagnosisId });
    const memberAfter = await declare(member.client, url, member.id);
    expect(memberAfter.body.selfDiagnosis).toMatchObject({ id: e.diagnosisId });
    expect(memberAfter.body.team.find((m) => m.assessorId === member.id)).toMatchObject({ coi: 'none', coiStatement: null });
    expect((await declare(e.client, url, internal.id)).status).toBe(200);

    const formed = await lead.client.post<View>(`${url}/team/formation`);
    expect(formed.status).toBe(200);
    expect(formed.body.stage).toBe('team_formed');
    expect(formed.body.actions).toEqual(expect.arrayContaining(['reopenTeam', 'setWeights', 'editPlans']));
    expect(formed.body.actions).not.toContain('editTeam');

    const team = [lead.id, member.id, internal.id];
    const pre = await put(lead.client, `${url}/plans/pre`, planOf(team, PRE_DATES));
    expect(pre.status, JSON.stringify(pre.body)).toBe(200);
    expect(pre.body.plans.pre).toMatchObject({ version: 1, confirmedVersion: null, confirmed: false, planned: { people: 3, days: 2, personDays: 6 }, standard: { people: 3, days: 2, personDays: 6 } });
    const formal = await put(lead.client, `${url}/plans/formal`, planOf(team, FORMAL_DATES, '验证企业满足标准要求的证据，确定成熟度等级'));
    expect(formal.body.plans.formal).toMatchObject({ version: 1, planned: { people: 3, days: 3, personDays: 9 }, standard: { people: 5, days: 3, personDays: 15 } });
    // Seed 002's table for 三级: 3×2 + 5×3 = 21 person-days; the plans give 6 + 9 = 15.
    expect(formal.body.effort.standard.totalPersonDays).toBe(21);
    expect(formal.body.effort.planned.totalPersonDays).toBe(15);
    expect(formal.body.effort.flags.map((f) => f.code)).toEqual(['TEAM_BELOW_STANDARD', 'FORMAL_PEOPLE_BELOW']);

    expect((await e.client.get<View>(url)).body.actions).toContain('confirmPlans');
    const onePlan = await e.client.post<View>(`${url}/plans/pre/confirmation`, { version: 1 });
    expect(onePlan.body).toMatchObject({ stage: 'team_formed', plans: { pre: { confirmed: true, confirmedVersion: 1 }, formal: { confirmed: false } } });
    const both = await e.client.post<View>(`${url}/plans/formal/confirmation`, { version: 1 });
    expect(both.body.stage).toBe('plans_confirmed');

    const early = await lead.client.post<ErrorReply>(`${url}/pre-assessment/decision`, { decision: 'proceed' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('PRE_ASSESSMENT_MISSING');
    const recorded = await put(lead.client, `${url}/pre-assessment`, {
      basicSituation: '企业已建成 ERP、MES，关键工序数控化率 62%',
      directEvidence: 'MES 生产报工记录、设备联网台账',
      indirectEvidence: '智能制造规划文件、培训记录',
      readinessFindings: '证据基本齐全，具备正式评估条件',
    });
    expect(recorded.body).toMatchObject({ stage: 'pre_assessment', preAssessment: { decision: null, basicSituation: '企业已建成 ERP、MES，关键工序数控化率 62%' } });
    const feasible = await lead.client.post<View>(`${url}/pre-assessment/decision`, { decision: 'proceed' });
    expect(feasible.body).toMatchObject({ stage: 'feasible', preAssessment: { decision: 'proceed', closeReasons: null }, actions: ['recordFirstMeeting'] });
    expect(feasible.body.version).toBe(14);

    const tooLate = await e.client.post<ErrorReply>(`${url}/withdrawal`);
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.error.code).toBe('ILLEGAL_TRANSITION');

    // Every change is in the audit trail, with the enterprise and its region.
    admin ??= await adminOf();
    const trail = await admin.get<{ events: AuditEvent[] }>(`/api/admin/audit-events?subjectType=formal_assessment&subjectId=${id}&limit=200`);
    const events = trail.body.events.reverse();
    expect(events.map((x) => x.action.replace('formal_assessment.', ''))).toEqual([
      'submitted',
      'accepted',
      'member_added',
      'member_added',
      'conflict_declared',
      'conflict_declared',
      'conflict_declared',
      'team_formed',
      'plan_saved',
      'plan_saved',
      'plan_confirmed',
      'plan_confirmed',
      'plans_confirmed',
      'pre_assessment_recorded',
      'feasible',
    ]);
    expect(events.every((x) => x.enterpriseId === e.enterpriseId && x.regionCode === '320583')).toBe(true);
    expect(events.find((x) => x.action === 'formal_assessment.conflict_declared' && x.actorId === e.accountId)?.summary).toMatchObject({ assessorId: internal.id, teamRole: 'internal', conflict: false });
  });

  it('sets domain weights with a rationale, validated by the engine, and restores the defaults', async () => {
    const a = await acceptedAssessment();
    const weights = { M1: 0.2, M2: 0.5, M4: 0.15, M5: 0.15 };
    const noReason = await put<ErrorReply>(a.lead.client, `${a.url}/weights`, { weights });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('WEIGHTS_RATIONALE_REQUIRED');
    for (const bad of [{ M2: 0 }, { 'M2-1': 0.5 }, { X9: 0.5 }, { M: 0.5 }]) {
      const refused = await put<ErrorReply>(a.lead.client, `${a.url}/weights`, { weights: bad, rationale: '离散型装备制造，生产能力域权重提高' });
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.body.error.code).toBe('WEIGHTS_INVALID');
    }
    const set = await put(a.lead.client, `${a.url}/weights`, { weights, rationale: '离散型装备制造，生产能力域权重提高' });
    expect(set.status).toBe(200);
    expect(set.body.weights).toEqual({ custom: weights, rationale: '离散型装备制造，生产能力域权重提高' });
    const stored = await p.db.selectFrom('formal_assessment').select(['weights', 'weights_rationale']).where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(stored.weights).toEqual(weights);
    expect((await put(a.e.client, `${a.url}/weights`, { weights: null })).status).toBe(403);
    const restored = await put(a.lead.client, `${a.url}/weights`, { weights: null });
    expect(restored.body.weights).toEqual({ custom: null, rationale: null });
  });

  it('a changed plan needs the enterprise to confirm it again, at the version it has read; people must be on the team and qualified on the dates', async () => {
    const a = await confirmedPlans();
    const changed = await put(a.lead.client, `${a.url}/plans/formal`, planOf(a.team, { startsOn: '2026-12-15', endsOn: '2026-12-17' }, '正式评估（改期）'));
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ stage: 'team_formed', plans: { pre: { confirmed: true }, formal: { version: 2, confirmedVersion: 1, confirmed: false } } });
    const stale = await a.e.client.post<ErrorReply>(`${a.url}/plans/formal/confirmation`, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('PLAN_VERSION_STALE');
    const again = await a.e.client.post<View>(`${a.url}/plans/formal/confirmation`, { version: 2 });
    expect(again.body).toMatchObject({ stage: 'plans_confirmed', plans: { formal: { confirmed: true, confirmedVersion: 2 } } });
    const confirmedTwice = await a.e.client.post<ErrorReply>(`${a.url}/plans/formal/confirmation`, { version: 2 });
    expect(confirmedTwice.body.error.code).toBe('ILLEGAL_TRANSITION');
    expect((await a.lead.client.post(`${a.url}/plans/pre/confirmation`, { version: 1 })).status).toBe(403);

    // Someone not on the team, or a plan whose dates fall after a member's qualification expires.
    const stranger = await person({ bodyId: a.bodyId, grade: 'assessor', login: true });
    const notOnTeam = await put<ErrorReply>(a.lead.client, `${a.url}/plans/pre`, planOf([...a.team, stranger.id], PRE_DATES));
    expect(notOnTeam.status).toBe(409);
    expect(notOnTeam.body.error.code).toBe('NOT_ON_TEAM');
    await p.db.updateTable('qualification').set({ valid_until: '2026-12-10' }).where('assessor_id', '=', a.member.id).execute();
    const expiring = await put<ErrorReply>(a.lead.client, `${a.url}/plans/formal`, planOf(a.team, FORMAL_DATES));
    expect(expiring.status).toBe(409);
    expect(expiring.body.error.code).toBe('QUALIFICATION_INVALID');
    const view = await a.lead.client.get<View>(a.url);
    expect(view.body.team.find((m) => m.assessorId === a.member.id)!.qualifiedOnPlannedDates).toBe(false);
    expect(view.body.stage).toBe('plans_confirmed'); // refused edits changed nothing

    // Reopening the team: the plans must be confirmed again.
    const reopened = await a.lead.client.post<View>(`${a.url}/team/reopening`);
    expect(reopened.body).toMatchObject({ stage: 'accepted', plans: { pre: { confirmed: false }, formal: { confirmed: false } } });
    const invalidNow = await a.lead.client.post<ErrorReply>(`${a.url}/team/formation`);
    expect(invalidNow.body.error.code).toBe('QUALIFICATION_INVALID');
  });

  it('a declared conflict of interest removes the member (the record stays), who no longer sees the assessment', async () => {
    const a = await acceptedAssessment();
    const member = await person({ bodyId: a.bodyId, grade: 'assessor', login: true, name: '吴评估师' });
    await put(a.lead.client, `${a.url}/team/${member.id}`, { teamRole: 'member' });
    expect((await member.client.get<Page>('/api/formal-assessments')).body.items.map((x) => x.id)).toEqual([a.id]);
    const noStatement = await declare(member.client, a.url, member.id, true);
    expect(noStatement.status).toBe(400);
    const declared = await declare(member.client, a.url, member.id, true, '三年内曾为该企业提供智能制造咨询服务');
    expect(declared.status).toBe(200);
    expect(declared.body.actions).toEqual([]);
    const row = await p.db.selectFrom('team_member').selectAll().where('assessment_id', '=', a.id).where('assessor_id', '=', member.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ coi: 'conflict', coi_statement: '三年内曾为该企业提供智能制造咨询服务' });
    expect(row.removed_at).not.toBeNull();
    expect((await member.client.get(a.url)).status).toBe(404);
    expect((await member.client.get<Page>('/api/formal-assessments')).body.total).toBe(0);
    const shown = await a.lead.client.get<View>(a.url);
    expect(shown.body.team.find((m) => m.assessorId === member.id)).toMatchObject({ coi: 'conflict', removedAt: expect.any(String) });
    const back = await put<ErrorReply>(a.lead.client, `${a.url}/team/${member.id}`, { teamRole: 'member' });
    expect([back.status, back.body.error.code, back.body.error.issues![0]!.path]).toEqual([409, 'COI_CONFLICT', 'assessorId']);

    // The lead removes a member without a conflict; the lead itself cannot be removed.
    const other = await person({ bodyId: a.bodyId, grade: 'assessor', login: true });
    await put(a.lead.client, `${a.url}/team/${other.id}`, { teamRole: 'member' });
    const removed = await a.lead.client.request<View>('DELETE', `${a.url}/team/${other.id}`);
    expect(removed.body.team.find((m) => m.assessorId === other.id)!.removedAt).not.toBeNull();
    expect((await a.lead.client.request('DELETE', `${a.url}/team/${a.lead.id}`)).status).toBe(403);
    expect((await put(a.lead.client, `${a.url}/team/${other.id}`, { teamRole: 'member' })).body.team.find((m) => m.assessorId === other.id)).toMatchObject({ removedAt: null, coi: 'pending' });

    // A lead with a conflict leaves; the body's admin names another, who joins the team at once.
    const agency = await staff('agency_admin', { bodyId: a.bodyId });
    await declare(a.lead.client, a.url, a.lead.id, true, '与该企业负责人为近亲属');
    expect((await a.lead.client.get(a.url)).status).toBe(404);
    expect((await agency.client.get<View>(a.url)).body.actions).toEqual(['assignLead']);
    const next = await person({ bodyId: a.bodyId, grade: 'lead_assessor', login: true, name: '孙主任' });
    const replaced = await put(agency.client, `${a.url}/lead`, { assessorId: next.id });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect(replaced.body).toMatchObject({ stage: 'accepted', leadName: '孙主任' });
    expect(replaced.body.team.find((m) => m.assessorId === next.id)).toMatchObject({ teamRole: 'lead', coi: 'pending' });
    expect((await next.client.get<View>(a.url)).body.actions).toContain('editTeam');
  });

  it('refuses applications by the rules, each with its code, all blocks listed', async () => {
    const bodyId = await body();
    const lead = await person({ bodyId, grade: 'lead_assessor', login: true });
    const high = await person({ bodyId, grade: 'high_maturity_lead', login: true });
    const e = await enterprise();
    const internal = await person({ enterpriseId: e.enterpriseId, grade: 'intro' });
    const refused = async (form: unknown, code: string, status = 409) => {
      const res = await e.client.post<ErrorReply>('/api/formal-assessments', form);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.code).toBe(code);
      return res.body.error;
    };

    // No self-diagnosis of this enterprise (a random id, another enterprise's, or one in progress).
    await refused(application({ diagnosisId: randomUUID() }, bodyId, { targetLevel: 2 }), 'SELF_DIAGNOSIS_REQUIRED');
    const other = await enterprise();
    await refused(application(other, bodyId, { targetLevel: 2 }), 'SELF_DIAGNOSIS_REQUIRED');
    const fresh = await registeredClient(p);
    const started = await fresh.client.post<{ id: string }>('/api/self-diagnoses', { enterpriseType: 'discrete', tailored: [] });
    expect((await fresh.client.post<ErrorReply>('/api/formal-assessments', application({ diagnosisId: started.body.id }, bodyId, { targetLevel: 2 }))).body.error.code).toBe('SELF_DIAGNOSIS_REQUIRED');

    // Only tailorable domains may be not applicable.
    const notTailorable = await refused(application(e, bodyId, { targetLevel: 2, notApplicable: [{ nodeId: 'M3', reason: '外包' }, { nodeId: 'M2', reason: '不涉及' }] }), 'NOT_TAILORABLE', 400);
    expect(notTailorable.issues).toMatchObject([{ code: 'NOT_TAILORABLE', path: 'notApplicable.1' }]);

    // 三级 needs the internal assessor.
    await refused(application(e, bodyId, { targetLevel: 3 }), 'INTERNAL_ASSESSOR_REQUIRED');

    // 四级 as a first application: a warning, and two blocks; the first decides the code.
    const first = application(e, bodyId, { targetLevel: 4, internalAssessorId: internal.id, leadAssessorId: lead.id });
    const explained = await e.client.post<{ checks: { code: string; severity: string }[] }>('/api/formal-assessments/checks', first);
    expect(explained.body.checks.map((c) => `${c.severity}:${c.code}`)).toEqual(['warning:FIRST_APPLICATION_HIGH', 'block:HIGH_LEVEL_TOO_EARLY', 'block:HIGH_MATURITY_LEAD_REQUIRED']);
    const both = await refused(first, 'HIGH_LEVEL_TOO_EARLY');
    expect(both.issues!.map((i) => i.code)).toEqual(['HIGH_LEVEL_TOO_EARLY', 'HIGH_MATURITY_LEAD_REQUIRED']);

    // 四级 within a year of a 三级 certificate.
    await p.ctx.repos.certificates.insertCertificate({ id: randomUUID(), enterpriseId: e.enterpriseId, level: 3, certificateNumber: `CMMM-3-${randomUUID()}`, scope: '机床', issuedOn: '2026-03-01', validUntil: '2029-03-01' });
    const tooEarly = await refused(application(e, bodyId, { targetLevel: 4, internalAssessorId: internal.id, leadAssessorId: high.id }), 'HIGH_LEVEL_TOO_EARLY');
    expect(tooEarly.issues).toHaveLength(1);

    // 四级 a year after: only with a high-maturity lead.
    const e4 = await enterprise();
    const internal4 = await person({ enterpriseId: e4.enterpriseId, grade: 'intro' });
    await p.ctx.repos.certificates.insertCertificate({ id: randomUUID(), enterpriseId: e4.enterpriseId, level: 3, certificateNumber: `CMMM-3-${randomUUID()}`, scope: '机床', issuedOn: '2025-11-21', validUntil: '2028-11-21' });
    const four = (leadAssessorId?: string) => application(e4, bodyId, { targetLevel: 4, internalAssessorId: internal4.id, ...(leadAssessorId ? { leadAssessorId } : {}) });
    expect((await e4.client.post<ErrorReply>('/api/formal-assessments', four(lead.id))).body.error.code).toBe('HIGH_MATURITY_LEAD_REQUIRED');
    const accepted4 = await e4.client.post<View>('/api/formal-assessments', four(high.id));
    expect(accepted4.status).toBe(201);

    // One open application per enterprise; after withdrawing, another may be submitted.
    const second = await e4.client.post<ErrorReply>('/api/formal-assessments', four(high.id));
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('APPLICATION_OPEN');
    expect((await e4.client.post<View>(`/api/formal-assessments/${accepted4.body.id}/withdrawal`)).body.stage).toBe('withdrawn');
    expect((await e4.client.post('/api/formal-assessments', application(e4, bodyId, { targetLevel: 2 }))).status).toBe(201);

    // Only enterprise users apply.
    expect((await lead.client.post('/api/formal-assessments', application(e, bodyId, { targetLevel: 2 }))).status).toBe(403);
    expect((await new Client(p.base).post('/api/formal-assessments/checks', application(e, bodyId))).status).toBe(401);
  });

  it('two submissions at once: exactly one is accepted, and the unique index refuses a second open row', async () => {
    const bodyId = await body();
    const e = await enterprise();
    const form = application(e, bodyId, { targetLevel: 2 });
    const replies = await Promise.all([e.client.post('/api/formal-assessments', form), e.client.post<ErrorReply>('/api/formal-assessments', form)]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((replies.find((r) => r.status === 409)!.body as ErrorReply).error.code).toBe('APPLICATION_OPEN');

    const direct = p.ctx.repos.formalAssessments.insertFormalAssessment({
      id: randomUUID(),
      enterpriseId: e.enterpriseId,
      selfDiagnosisId: e.diagnosisId,
      editionId: 'db12-t1073-2021',
      enterpriseType: 'discrete',
      tailored: [],
      assessmentType: 'predefined',
      targetLevel: 2,
      customDomains: [],
      scope: '机床',
      notApplicable: [],
      sponsorName: '李明',
      sponsorTitle: '副总经理',
      liaisonName: '王工',
      liaisonMobile: '13912345678',
      internalAssessorId: null,
      bodyId,
      leadAssessorId: null,
      stage: 'accepted',
      at: new Date(),
    });
    const err = await direct.then(() => null, (x: unknown) => x);
    expect(isUniqueViolation(err, 'formal_assessment_open_key')).toBe(true);
  });

  it('forms a team only with an odd number, the internal assessor from 三级, and qualifications valid today', async () => {
    // 二级: lead + one member is even.
    const two = await acceptedAssessment({ level: 2 });
    const member = await person({ bodyId: two.bodyId, grade: 'assessor', login: true });
    await put(two.lead.client, `${two.url}/team/${member.id}`, { teamRole: 'member' });
    await declare(two.lead.client, two.url, two.lead.id);
    await declare(member.client, two.url, member.id);
    const even = await two.lead.client.post<ErrorReply>(`${two.url}/team/formation`);
    expect(even.status).toBe(409);
    expect(even.body.error.code).toBe('TEAM_SIZE_EVEN');
    // Someone else's internal assessor, a person without a valid grade.
    const foreign = await person({ enterpriseId: (await registeredClient(p)).enterpriseId, grade: 'intro' });
    expect((await put<ErrorReply>(two.lead.client, `${two.url}/team/${foreign.id}`, { teamRole: 'internal' })).body.error.code).toBe('INTERNAL_ASSESSOR_REQUIRED');
    const introOnly = await person({ bodyId: two.bodyId, grade: 'intro', login: true });
    expect((await put<ErrorReply>(two.lead.client, `${two.url}/team/${introOnly.id}`, { teamRole: 'member' })).body.error.code).toBe('QUALIFICATION_INVALID');
    expect((await put<ErrorReply>(two.lead.client, `${two.url}/team/${randomUUID()}`, { teamRole: 'member' })).body.error.code).toBe('ASSESSOR_NOT_FOUND');

    // 三级 without the internal assessor.
    const three = await acceptedAssessment({ level: 3 });
    const m1 = await person({ bodyId: three.bodyId, grade: 'assessor', login: true });
    const m2 = await person({ bodyId: three.bodyId, grade: 'assessor', login: true, validUntil: '2026-11-21' });
    for (const m of [m1, m2]) {
      await put(three.lead.client, `${three.url}/team/${m.id}`, { teamRole: 'member' });
      await declare(m.client, three.url, m.id);
    }
    await declare(three.lead.client, three.url, three.lead.id);
    const noInternal = await three.lead.client.post<ErrorReply>(`${three.url}/team/formation`);
    expect(noInternal.body.error.code).toBe('TEAM_INTERNAL_REQUIRED');

    // m2's certificate ends today: valid now, expired tomorrow (China Standard Time).
    expect((await three.lead.client.request('DELETE', `${three.url}/team/${m1.id}`)).status).toBe(200);
    await put(three.lead.client, `${three.url}/team/${three.internal.id}`, { teamRole: 'internal' });
    await declare(three.e.client, three.url, three.internal.id);
    const saved = p.clock.now;
    try {
      p.clock.advance(86_400_000);
      const expired = await three.lead.client.post<ErrorReply>(`${three.url}/team/formation`);
      expect(expired.status).toBe(409);
      expect(expired.body.error.code).toBe('QUALIFICATION_INVALID');
      expect(expired.body.error.issues!.map((i) => i.path)).toEqual([`team.${m2.id}`]);
    } finally {
      p.clock.now = saved;
    }
    expect((await three.lead.client.post<View>(`${three.url}/team/formation`)).body.stage).toBe('team_formed');
  });

  it('受理 needs a lead qualified today (high-maturity for 四级); the body\'s admin names one; a decline keeps its reason', async () => {
    const bodyId = await body();
    const plain = await person({ bodyId, grade: 'lead_assessor', login: true });
    const high = await person({ bodyId, grade: 'high_maturity_lead', login: true });
    await person({ bodyId, grade: 'high_maturity_lead' }); // the body has a high-maturity lead, so no lead need be named
    const agency = await staff('agency_admin', { bodyId });
    const e = await enterprise();
    const internal = await person({ enterpriseId: e.enterpriseId, grade: 'intro' });
    await p.ctx.repos.certificates.insertCertificate({ id: randomUUID(), enterpriseId: e.enterpriseId, level: 2, certificateNumber: `CMMM-2-${randomUUID()}`, scope: '机床', issuedOn: '2024-05-01', validUntil: '2027-05-01' });
    const submitted = await e.client.post<View>('/api/formal-assessments', application(e, bodyId, { targetLevel: 4, internalAssessorId: internal.id }));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const url = `/api/formal-assessments/${submitted.body.id}`;
    expect((await agency.client.get<Page>('/api/formal-assessments')).body.items.map((x) => x.id)).toEqual([submitted.body.id]);
    expect((await agency.client.get<View>(url)).body.actions).toEqual(['assignLead']);
    expect((await put<ErrorReply>(agency.client, `${url}/lead`, { assessorId: plain.id })).body.error.code).toBe('HIGH_MATURITY_LEAD_REQUIRED');
    expect((await put<ErrorReply>(agency.client, `${url}/lead`, { assessorId: internal.id })).body.error.code).toBe('ASSESSOR_NOT_FOUND');
    expect((await put(e.client, `${url}/lead`, { assessorId: high.id })).status).toBe(403);
    expect((await put(agency.client, `${url}/lead`, { assessorId: high.id })).body.leadName).not.toBeNull();
    expect((await plain.client.get(url)).status).toBe(404);

    // The high-maturity certificate expires before 受理.
    await p.db.updateTable('qualification').set({ valid_until: '2026-11-20' }).where('assessor_id', '=', high.id).where('grade', '=', 'high_maturity_lead').execute();
    const unqualified = await high.client.post<ErrorReply>(`${url}/acceptance`, { accept: true, lawful: true, intelligentManufacturing: true });
    expect(unqualified.body.error.code).toBe('HIGH_MATURITY_LEAD_REQUIRED');
    const mustConfirm = await high.client.post<ErrorReply>(`${url}/acceptance`, { accept: true, lawful: true, intelligentManufacturing: false });
    expect(mustConfirm.status).toBe(400);
    const declined = await high.client.post<View>(`${url}/acceptance`, { accept: false, lawful: true, intelligentManufacturing: false, reason: '企业尚未实施智能制造相关活动' });
    expect(declined.body).toMatchObject({ stage: 'declined', acceptance: { declineReason: '企业尚未实施智能制造相关活动', intelligentManufacturing: false }, actions: [] });
    expect((await e.client.get<View>(url)).body.acceptance.declineReason).toBe('企业尚未实施智能制造相关活动');
    expect((await high.client.post<ErrorReply>(`${url}/acceptance`, { accept: true, lawful: true, intelligentManufacturing: true })).body.error.code).toBe('ILLEGAL_TRANSITION');
    expect((await put<ErrorReply>(agency.client, `${url}/lead`, { assessorId: high.id })).body.error.code).toBe('ILLEGAL_TRANSITION');
  });

  it('shows each assessment only to those policy.ts lets see it; forbidden reads answer 404; the region admin only reads', async () => {
    const a = await acceptedAssessment();
    const outsiders = {
      'another enterprise': (await registeredClient(p)).client,
      'another body\'s admin': (await staff('agency_admin', { bodyId: await body() })).client,
      'an assessor not on the team': (await person({ bodyId: a.bodyId, grade: 'assessor', login: true })).client,
      'a region admin elsewhere': (await staff('region_admin', { regionCode: '110000' })).client,
    };
    for (const [who, client] of Object.entries(outsiders)) {
      expect((await client.get(a.url)).status, who).toBe(404);
      expect((await client.get<Page>('/api/formal-assessments')).body.items.some((x) => x.id === a.id), who).toBe(false);
      expect((await client.post(`${a.url}/withdrawal`)).status, who).toBe(404);
    }
    expect((await new Client(p.base).get(a.url)).status).toBe(401);
    expect((await a.e.client.get(`/api/formal-assessments/${randomUUID()}`)).status).toBe(404);

    const region = await staff('region_admin', { regionCode: '320583' });
    const seen = await region.client.get<View>(a.url);
    expect(seen.status).toBe(200);
    expect(seen.body.actions).toEqual([]);
    expect(seen.body.selfDiagnosis).not.toBeNull();
    expect((await region.client.get<Page>('/api/formal-assessments?stage=accepted')).body.items.some((x) => x.id === a.id)).toBe(true);
    expect((await region.client.get<Page>('/api/formal-assessments?stage=feasible')).body.items.some((x) => x.id === a.id)).toBe(false);
    const write = await region.client.post<ErrorReply>(`${a.url}/withdrawal`);
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('FORBIDDEN');
    const regionTrail = await region.client.get<{ events: AuditEvent[] }>(`/api/admin/audit-events?subjectType=formal_assessment&subjectId=${a.id}`);
    expect(regionTrail.body.events.map((x) => x.action)).toEqual(['formal_assessment.accepted', 'formal_assessment.submitted']);

    const own = await staff('agency_admin', { bodyId: a.bodyId });
    expect((await own.client.get<View>(a.url)).body.actions).toEqual([]);
    expect((await a.e.client.get<Page>('/api/formal-assessments')).body).toMatchObject({ total: 1, items: [{ id: a.id, stage: 'accepted', leadName: '张主任', enterpriseId: a.e.enterpriseId }] });
    expect((await a.lead.client.get<Page>('/api/formal-assessments')).body.items.map((x) => x.id)).toEqual([a.id]);
    admin ??= await adminOf();
    expect((await admin.get<Page>('/api/formal-assessments?pageSize=100')).body.items.some((x) => x.id === a.id)).toBe(true);

    // Only the lead edits; only the enterprise withdraws.
    expect((await a.e.client.post(`${a.url}/team/formation`)).status).toBe(403);
    expect((await a.lead.client.post(`${a.url}/withdrawal`)).status).toBe(403);
    expect((await put(admin, `${a.url}/plans/pre`, planOf([a.lead.id], PRE_DATES))).status).toBe(403);
    // Plans only once the team is formed.
    expect((await put<ErrorReply>(a.lead.client, `${a.url}/plans/pre`, planOf([a.lead.id], PRE_DATES))).body.error.code).toBe('ILLEGAL_TRANSITION');
  });

  it('closes after the pre-assessment with reasons the enterprise reads', async () => {
    const a = await confirmedPlans();
    await put(a.lead.client, `${a.url}/pre-assessment`, { basicSituation: '企业信息化基础薄弱', directEvidence: '无', indirectEvidence: '规划文件', readinessFindings: '尚不具备正式评估条件' });
    expect((await a.lead.client.post(`${a.url}/pre-assessment/decision`, { decision: 'close' })).status).toBe(400);
    const closed = await a.lead.client.post<View>(`${a.url}/pre-assessment/decision`, { decision: 'close', reasons: '关键工序尚未数控化，建议完善后重新申请' });
    expect(closed.body.stage).toBe('closed');
    const seen = await a.e.client.get<View>(a.url);
    expect(seen.body.preAssessment).toMatchObject({ decision: 'close', closeReasons: '关键工序尚未数控化，建议完善后重新申请' });
    // Closed: the enterprise may apply again.
    expect((await a.e.client.post('/api/formal-assessments', application(a.e, a.bodyId, { targetLevel: 2 }))).status).toBe(201);
  });
});
