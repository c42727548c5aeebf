// 评估机构, 评估人员 and their qualifications, certificates and the public 信息查询 through the API:
// every rule refused with its code, scoping per role, the grade path kept as history, audit events.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addQualification,
  agencyAdminOf,
  approvedPath,
  bodyForm,
  certificateNumber,
  eventsOf,
  firstLogIn,
  personForm,
  qualificationForm,
  registerBody,
  registerPerson,
  type Body,
  type Page,
  type Person,
  type Qualification,
} from './assessor-fixtures.ts';
import { adminClient, Client, newCreditCode, registeredClient, staffClient, testDatabases, usePlatform } from './harness.ts';

describe.each(testDatabases)('assessment bodies and assessors on the $name database', ({ open }) => {
  const p = usePlatform(open);
  let admin: Client;
  let bodyA: Body;
  let bodyB: Body;
  let agencyA: Awaited<ReturnType<typeof agencyAdminOf>>;
  let agencyB: Awaited<ReturnType<typeof agencyAdminOf>>;

  beforeAll(async () => {
    admin = await adminClient(p);
    bodyA = await registerBody(admin, { name: '北京赛迪智造评估中心有限公司', regionCode: '110108', creditCode: newCreditCode('110108') });
    bodyB = await registerBody(admin, { name: '深圳湾区智能制造评估有限公司', regionCode: '440305', creditCode: newCreditCode('440305') });
    agencyA = await agencyAdminOf(p, admin, bodyA.id);
    agencyB = await agencyAdminOf(p, admin, bodyB.id);
  });

  describe('assessment bodies', () => {
    it('checks the credit code like an enterprise registration, the county, and refuses a second registration', async () => {
      const bad = await admin.post('/api/assessment-bodies', bodyForm({ creditCode: '91320214MA1X' }));
      expect([bad.status, bad.body.error]).toMatchObject([400, { code: 'CREDIT_CODE_FORMAT' }]);
      const good = newCreditCode('320214');
      const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      const check = await admin.post('/api/assessment-bodies', bodyForm({ creditCode: wrongCheck }));
      expect([check.status, check.body.error]).toMatchObject([400, { code: 'CREDIT_CODE_CHECK' }]);
      const city = await admin.post('/api/assessment-bodies', bodyForm({ regionCode: '320200' })); // 无锡市, not a county
      expect([city.status, city.body.error]).toMatchObject([400, { code: 'UNKNOWN_REGION' }]);
      const both = await admin.post<{ error: { code: string; issues: { path: string }[] } }>('/api/assessment-bodies', bodyForm({ creditCode: wrongCheck, regionCode: '320200' }));
      expect(both.body.error.code).toBe('VALIDATION');
      expect(both.body.error.issues.map((i) => i.path).sort()).toEqual(['creditCode', 'regionCode']);

      const created = await admin.post<Body>('/api/assessment-bodies', bodyForm({ creditCode: good.toLowerCase() }));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ creditCode: good, regionCode: '320214', regionName: '江苏省 无锡市 新吴区', leadAssessorCount: 0 });
      const again = await admin.post('/api/assessment-bodies', bodyForm({ creditCode: good }));
      expect([again.status, again.body.error]).toMatchObject([409, { code: 'BODY_EXISTS' }]);

      const events = await eventsOf(admin, 'assessment_body', created.body.id);
      expect(events.map((e) => e.action)).toEqual(['assessment_body.registered']);
      expect(events[0]!.summary).toMatchObject({ creditCode: good, regionCode: '320214' });
    });

    it('is registered by the platform admin only, listed for every logged-in user, and updated by its own agency admin', async () => {
      const enterprise = await registeredClient(p);
      expect((await enterprise.client.post('/api/assessment-bodies', bodyForm())).status).toBe(403);
      expect((await agencyA.client.post('/api/assessment-bodies', bodyForm())).status).toBe(403);
      expect((await new Client(p.base).get('/api/assessment-bodies')).status).toBe(401);
      const listed = await enterprise.client.get<Page<Body>>(`/api/assessment-bodies?q=${encodeURIComponent('北京赛迪')}`);
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((b) => b.id)).toEqual([bodyA.id]);
      expect(listed.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });

      const own = await agencyA.client.patch<Body>(`/api/assessment-bodies/${bodyA.id}`, { contactName: '刘主任', address: '北京市海淀区紫竹院路 66 号' });
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ contactName: '刘主任', address: '北京市海淀区紫竹院路 66 号', name: bodyA.name });
      const other = await agencyA.client.patch(`/api/assessment-bodies/${bodyB.id}`, { contactName: '改别家' });
      expect([other.status, other.body.error]).toMatchObject([403, { code: 'FORBIDDEN' }]);
      const city = await admin.patch(`/api/assessment-bodies/${bodyB.id}`, { regionCode: '440300' });
      expect([city.status, city.body.error]).toMatchObject([400, { code: 'UNKNOWN_REGION' }]);
      const missing = await admin.patch('/api/assessment-bodies/00000000-0000-4000-8000-000000000000', { contactName: '无' });
      expect([missing.status, missing.body.error]).toMatchObject([404, { code: 'BODY_NOT_FOUND' }]);

      const updated = (await eventsOf(admin, 'assessment_body', bodyA.id)).find((e) => e.action === 'assessment_body.updated');
      expect(updated).toMatchObject({ actorId: agencyA.accountId, summary: { after: { contactName: '刘主任' } } });
    });

    it('gives an agency admin account its body, which must exist', async () => {
      const none = await admin.post('/api/admin/accounts', { username: `jigou${Date.now()}`, displayName: '机构管理员', role: 'agency_admin' });
      expect([none.status, none.body.error]).toMatchObject([404, { code: 'BODY_NOT_FOUND' }]);
      const unknown = await admin.post('/api/admin/accounts', { username: `jigou${Date.now()}`, displayName: '机构管理员', role: 'agency_admin', bodyId: '00000000-0000-4000-8000-000000000000' });
      expect([unknown.status, unknown.body.error]).toMatchObject([404, { code: 'BODY_NOT_FOUND' }]);
      const created = await admin.post<{ account: { id: string; bodyId: string | null } }>('/api/admin/accounts', { username: `jigou${Date.now()}`, displayName: '机构管理员', role: 'agency_admin', bodyId: bodyB.id });
      expect(created.status).toBe(201);
      expect(created.body.account.bodyId).toBe(bodyB.id);
      // moving it to another body ends its sessions and shows in the account view
      const moved = await admin.patch<{ bodyId: string | null }>(`/api/admin/accounts/${created.body.account.id}`, { bodyId: bodyA.id });
      expect([moved.status, moved.body.bodyId]).toEqual([200, bodyA.id]);
      const cleared = await admin.patch(`/api/admin/accounts/${created.body.account.id}`, { bodyId: null });
      expect([cleared.status, cleared.body.error]).toMatchObject([404, { code: 'BODY_NOT_FOUND' }]);
      const region = await admin.post<{ account: { bodyId: string | null } }>('/api/admin/accounts', { username: `diqu${Date.now()}`, displayName: '分平台', role: 'region_admin', regionCode: '320583', bodyId: bodyA.id });
      expect(region.body.account.bodyId).toBeNull(); // only body roles belong to a body
    });
  });

  describe('assessors', () => {
    it('lets an agency admin register its own people with a login, and nobody else\'s', async () => {
      const username = `pinggu${Date.now()}`;
      const res = await agencyA.client.post<{ assessor: Person; oneTimePassword: string | null }>('/api/assessors', personForm({ username, mobile: '13900002222' }));
      expect(res.status).toBe(201);
      expect(res.body.assessor).toMatchObject({ bodyId: bodyA.id, bodyName: bodyA.name, enterpriseId: null, username, mobile: '13900002222', qualifications: [], currentGrades: [] });
      expect(res.body.oneTimePassword).toEqual(expect.any(String));
      const account = await p.db.selectFrom('account').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
      expect([account.role, account.body_id, account.must_change_password, account.id]).toEqual(['assessor', bodyA.id, true, res.body.assessor.accountId]);
      const person = await firstLogIn(p, username, res.body.oneTimePassword!);
      const me = await person.get<Person>('/api/assessors/me');
      expect([me.status, me.body.id]).toEqual([200, res.body.assessor.id]);
      expect((await admin.get('/api/assessors/me')).body.error).toMatchObject({ code: 'ASSESSOR_NOT_FOUND' });

      const taken = await agencyA.client.post('/api/assessors', personForm({ username }));
      expect([taken.status, taken.body.error]).toMatchObject([409, { code: 'USERNAME_TAKEN' }]);
      const otherBody = await agencyA.client.post('/api/assessors', personForm({ bodyId: bodyB.id }));
      expect([otherBody.status, otherBody.body.error]).toMatchObject([403, { code: 'FORBIDDEN' }]);
      const enterprise = await registeredClient(p);
      const internal = await agencyA.client.post('/api/assessors', personForm({ enterpriseId: enterprise.enterpriseId }));
      expect(internal.status).toBe(403);
      const noBody = await admin.post('/api/assessors', personForm({ bodyId: '00000000-0000-4000-8000-000000000000' }));
      expect([noBody.status, noBody.body.error]).toMatchObject([404, { code: 'BODY_NOT_FOUND' }]);
      const assessor = await staffClient(p, 'assessor');
      expect((await assessor.client.post('/api/assessors', personForm({ bodyId: bodyA.id }))).status).toBe(403);

      const events = await eventsOf(admin, 'assessor', res.body.assessor.id);
      expect(events.map((e) => e.action)).toEqual(['assessor.registered']);
      expect(events[0]).toMatchObject({ actorId: agencyA.accountId, summary: { bodyId: bodyA.id, username } });
      expect((await eventsOf(admin, 'account', account.id)).map((e) => e.action)).toContain('account.created');
    });

    it('lets an enterprise register its own internal assessors only, without a login', async () => {
      const kunshan = await registeredClient(p, { enterprise: { regionCode: '320583' } });
      const other = await registeredClient(p);
      const own = await kunshan.client.post<{ assessor: Person; oneTimePassword: string | null }>('/api/assessors', personForm({ name: '王内审' }));
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ assessor: { enterpriseId: kunshan.enterpriseId, bodyId: null, username: null }, oneTimePassword: null });
      const forOther = await kunshan.client.post('/api/assessors', personForm({ enterpriseId: other.enterpriseId }));
      expect([forOther.status, forOther.body.error]).toMatchObject([403, { code: 'FORBIDDEN' }]);
      const forBody = await kunshan.client.post('/api/assessors', personForm({ bodyId: bodyA.id }));
      expect(forBody.status).toBe(403);
      const login = await kunshan.client.post<{ error: { code: string; issues: { path: string }[] } }>('/api/assessors', personForm({ username: `neishen${Date.now()}` }));
      expect(login.status).toBe(400);
      expect(login.body.error.issues[0]!.path).toBe('username');
      const both = await admin.post('/api/assessors', personForm({ bodyId: bodyA.id, enterpriseId: kunshan.enterpriseId }));
      expect(both.status).toBe(400);

      // an internal assessor's events carry its enterprise, so its region's admin reads them
      const events = await eventsOf(admin, 'assessor', own.body.assessor.id);
      expect(events[0]).toMatchObject({ action: 'assessor.registered', regionCode: '320583' });
      const stored = await p.db.selectFrom('audit_event').select('enterprise_id').where('subject_id', '=', own.body.assessor.id).executeTakeFirstOrThrow();
      expect(stored.enterprise_id).toBe(kunshan.enterpriseId);
    });

    it('scopes lists and records by role, and masks mobiles for those who do not manage the record', async () => {
      const a1 = (await registerPerson(agencyA.client, { name: '甲机构一号', mobile: '13911112222' })).assessor;
      const b1 = (await registerPerson(agencyB.client, { name: '乙机构一号' })).assessor;
      const enterprise = await registeredClient(p);
      const stranger = await registeredClient(p);
      const internal = (await registerPerson(enterprise.client, { name: '企业内审一号' })).assessor;
      const withLogin = await registerPerson(agencyA.client, { name: '甲机构登录者', username: `jia${Date.now()}` });
      const person = await firstLogIn(p, withLogin.assessor.username!, withLogin.oneTimePassword!);

      const all = await admin.get<Page<Person>>('/api/assessors?pageSize=200');
      expect(all.body.items.map((x) => x.id)).toEqual(expect.arrayContaining([a1.id, b1.id, internal.id]));
      const ofA = await agencyA.client.get<Page<Person>>('/api/assessors?pageSize=200');
      expect(ofA.body.items.length).toBeGreaterThan(0);
      expect(ofA.body.items.every((x) => x.bodyId === bodyA.id)).toBe(true);
      expect(ofA.body.items.map((x) => x.id)).toContain(a1.id);
      expect((await agencyA.client.get<Page<Person>>(`/api/assessors?bodyId=${bodyB.id}`)).body.total).toBe(0);
      const ofEnterprise = await enterprise.client.get<Page<Person>>('/api/assessors');
      expect(ofEnterprise.body.items.map((x) => x.id)).toEqual([internal.id]);
      expect((await stranger.client.get<Page<Person>>('/api/assessors')).body.total).toBe(0);
      const seenByPerson = await person.get<Page<Person>>('/api/assessors?pageSize=200');
      expect(seenByPerson.body.items.map((x) => x.id)).toEqual(expect.arrayContaining([a1.id, b1.id]));
      expect(seenByPerson.body.items.some((x) => x.enterpriseId !== null)).toBe(false);
      const a1ForPerson = seenByPerson.body.items.find((x) => x.id === a1.id)!;
      expect([a1ForPerson.mobile, a1ForPerson.username]).toEqual(['139****2222', null]);
      expect(seenByPerson.body.items.find((x) => x.id === withLogin.assessor.id)!.mobile).toBe('13900001111'); // one's own
      const byName = await admin.get<Page<Person>>(`/api/assessors?q=${encodeURIComponent('乙机构')}`);
      expect(byName.body.items.map((x) => x.id)).toEqual([b1.id]);
      expect((await admin.get<Page<Person>>(`/api/assessors?q=${encodeURIComponent('%')}`)).body.total).toBe(0); // LIKE wildcards are text
      expect((await new Client(p.base).get('/api/assessors')).status).toBe(401);
      const region = await staffClient(p, 'region_admin', '320583');
      expect((await region.client.get('/api/assessors')).status).toBe(403);

      // one record: forbidden answers like missing
      expect((await agencyB.client.get(`/api/assessors/${a1.id}`)).body.error).toMatchObject({ code: 'ASSESSOR_NOT_FOUND' });
      expect((await stranger.client.get(`/api/assessors/${internal.id}`)).status).toBe(404);
      expect((await person.get(`/api/assessors/${internal.id}`)).status).toBe(404);
      expect((await person.get<Person>(`/api/assessors/${b1.id}`)).status).toBe(200);
      expect((await enterprise.client.get<Person>(`/api/assessors/${internal.id}`)).body.mobile).toBe('13900001111');
    });

    it('shows an enterprise choosing whom to apply to the body\'s publicly listed lead assessors valid today, masked', async () => {
      const bodyC = await registerBody(admin, { name: '丙评估机构', regionCode: '110108', creditCode: newCreditCode('110108') });
      const lead = (await registerPerson(admin, { name: '丙主任', bodyId: bodyC.id, mobile: '13977776666' })).assessor;
      await approvedPath(admin, lead.id, ['intro', 'assessor', 'lead_assessor']);
      const hidden = (await registerPerson(admin, { name: '丙不公开', bodyId: bodyC.id, listedPublicly: false })).assessor;
      await approvedPath(admin, hidden.id, ['intro', 'assessor', 'lead_assessor']);
      const plain = (await registerPerson(admin, { name: '丙评估师', bodyId: bodyC.id })).assessor;
      await approvedPath(admin, plain.id, ['intro', 'assessor']);
      const enterprise = await registeredClient(p);
      const leads = await enterprise.client.get<Page<Person>>(`/api/assessors?bodyId=${bodyC.id}&pageSize=200`);
      expect(leads.body.items.map((x) => x.id)).toEqual([lead.id]);
      expect([leads.body.items[0]!.mobile, leads.body.items[0]!.username]).toEqual(['139****6666', null]);
      // without a body, still only its own internal assessors
      expect((await enterprise.client.get<Page<Person>>('/api/assessors')).body.total).toBe(0);
    });

    it('lets the person choose the public listing, and only managers change name and mobile', async () => {
      const res = await registerPerson(agencyA.client, { username: `geren${Date.now()}` });
      const person = await firstLogIn(p, res.assessor.username!, res.oneTimePassword!);
      const hidden = await person.patch<Person>(`/api/assessors/${res.assessor.id}`, { listedPublicly: false });
      expect([hidden.status, hidden.body.listedPublicly]).toEqual([200, false]);
      expect((await person.patch(`/api/assessors/${res.assessor.id}`, { name: '自改姓名' })).status).toBe(403);
      expect((await agencyB.client.patch(`/api/assessors/${res.assessor.id}`, { listedPublicly: true })).status).toBe(404);
      const renamed = await agencyA.client.patch<Person>(`/api/assessors/${res.assessor.id}`, { name: '改正姓名', mobile: '13700001234' });
      expect(renamed.body).toMatchObject({ name: '改正姓名', mobile: '13700001234', listedPublicly: false });
      const updates = (await eventsOf(admin, 'assessor', res.assessor.id)).filter((e) => e.action === 'assessor.updated');
      expect(updates.map((e) => e.summary.after)).toEqual([{ listedPublicly: false }, { name: '改正姓名', mobile: '137****1234' }]);
    });
  });

  describe('qualifications', () => {
    it('follows the grade path, waits for the platform admin, and keeps the history', async () => {
      const { assessor } = await registerPerson(agencyA.client);
      const early = await agencyA.client.post(`/api/assessors/${assessor.id}/qualifications`, qualificationForm('assessor'));
      expect([early.status, early.body.error]).toMatchObject([409, { code: 'GRADE_PATH' }]);
      const intro = await addQualification(agencyA.client, assessor.id, 'intro', { obtainedOn: '2024-03-01', validUntil: '2027-02-28' });
      expect(intro).toMatchObject({ status: 'pending', decidedAt: null, validToday: false });
      // a pending prerequisite does not open the next grade
      const stillEarly = await agencyA.client.post(`/api/assessors/${assessor.id}/qualifications`, qualificationForm('assessor'));
      expect(stillEarly.body.error).toMatchObject({ code: 'GRADE_PATH' });
      expect((await agencyB.client.post(`/api/assessors/${assessor.id}/qualifications`, qualificationForm('intro'))).status).toBe(404);
      const reader = await staffClient(p, 'assessor');
      expect((await reader.client.post(`/api/assessors/${assessor.id}/qualifications`, qualificationForm('intro'))).status).toBe(403);

      // the platform admin's queue
      const queue = await admin.get<Page<Person>>('/api/assessors?pending=true&pageSize=200');
      expect(queue.body.items.map((x) => x.id)).toContain(assessor.id);
      expect(queue.body.items.every((x) => x.qualifications.some((q) => q.status === 'pending'))).toBe(true);
      expect((await agencyA.client.post(`/api/qualifications/${intro.id}/decision`, { approve: true })).status).toBe(403);
      const noReason = await admin.post(`/api/qualifications/${intro.id}/decision`, { approve: false });
      expect(noReason.status).toBe(400);
      const approved = await admin.post<Qualification>(`/api/qualifications/${intro.id}/decision`, { approve: true });
      expect(approved.body).toMatchObject({ status: 'approved', validToday: true, certificateNumber: intro.certificateNumber });
      const twice = await admin.post(`/api/qualifications/${intro.id}/decision`, { approve: false, reason: '再审' });
      expect([twice.status, twice.body.error]).toMatchObject([409, { code: 'QUALIFICATION_DECIDED' }]);
      expect((await admin.get<Page<Person>>('/api/assessors?pending=true&pageSize=200')).body.items.map((x) => x.id)).not.toContain(assessor.id);

      // by the platform admin: approved at once; the upgrade adds a row, the earlier ones stay
      const asAssessor = await addQualification(admin, assessor.id, 'assessor', { obtainedOn: '2025-01-10' });
      expect(asAssessor.status).toBe('approved');
      const lead = await addQualification(admin, assessor.id, 'lead_assessor', { obtainedOn: '2026-03-01', validUntil: '2029-02-28' });
      const record = await admin.get<Person>(`/api/assessors/${assessor.id}`);
      expect(record.body.qualifications.map((q) => [q.grade, q.status])).toEqual([
        ['intro', 'approved'],
        ['assessor', 'approved'],
        ['lead_assessor', 'approved'],
      ]);
      expect(record.body.qualifications[0]).toMatchObject({ certificateNumber: intro.certificateNumber, obtainedOn: '2024-03-01', validUntil: '2027-02-28' });
      expect(record.body.currentGrades.sort()).toEqual(['assessor', 'intro', 'lead_assessor']);
      const bodies = await admin.get<Page<Body>>(`/api/assessment-bodies?q=${encodeURIComponent(bodyA.name)}`);
      expect(bodies.body.items[0]!.leadAssessorCount).toBeGreaterThanOrEqual(1);

      const duplicate = await admin.post(`/api/assessors/${assessor.id}/qualifications`, qualificationForm('trainer', { certificateNumber: lead.certificateNumber }));
      expect([duplicate.status, duplicate.body.error]).toMatchObject([409, { code: 'CERTIFICATE_NUMBER_TAKEN' }]);
      const bad = await admin.post(`/api/assessors/${assessor.id}/qualifications`, qualificationForm('trainer', { obtainedOn: '2026-01-01', validUntil: '2025-12-31' }));
      expect(bad.status).toBe(400);

      expect((await eventsOf(admin, 'qualification', intro.id)).map((e) => e.action)).toEqual(['qualification.submitted', 'qualification.approved']);
      expect((await eventsOf(admin, 'qualification', lead.id)).map((e) => e.action)).toEqual(['qualification.approved']);
    });

    it('keeps a rejected qualification with its reason, and an internal assessor at intro', async () => {
      const { assessor } = await registerPerson(agencyA.client);
      const submitted = await addQualification(agencyA.client, assessor.id, 'intro');
      const rejected = await admin.post<Qualification>(`/api/qualifications/${submitted.id}/decision`, { approve: false, reason: '证书扫描件不清晰' });
      expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '证书扫描件不清晰', validToday: false });
      expect((await admin.get<Person>(`/api/assessors/${assessor.id}`)).body.qualifications.map((q) => q.status)).toEqual(['rejected']);
      expect((await admin.post(`/api/assessors/${assessor.id}/qualifications`, qualificationForm('assessor'))).body.error).toMatchObject({ code: 'GRADE_PATH' });
      expect((await eventsOf(admin, 'qualification', submitted.id)).at(-1)).toMatchObject({ action: 'qualification.rejected', summary: { reason: '证书扫描件不清晰' } });

      const enterprise = await registeredClient(p, { enterprise: { regionCode: '320583' } });
      const internal = (await registerPerson(enterprise.client)).assessor;
      const tooHigh = await admin.post(`/api/assessors/${internal.id}/qualifications`, qualificationForm('assessor'));
      expect([tooHigh.status, tooHigh.body.error]).toMatchObject([400, { code: 'INTERNAL_ASSESSOR_GRADE' }]);
      const intro = await addQualification(enterprise.client, internal.id, 'intro');
      expect(intro.status).toBe('pending');
      const events = await eventsOf(admin, 'qualification', intro.id);
      expect(events[0]).toMatchObject({ action: 'qualification.submitted', regionCode: '320583' });
    });
  });

  describe('信息查询', () => {
    it('lists certified people who agreed to it, one row per certificate, without mobiles', async () => {
      const listed = (await registerPerson(admin, { bodyId: bodyB.id, name: '公开的张评估', mobile: '13655556666' })).assessor;
      const [, asAssessor, lead] = await approvedPath(admin, listed.id, ['intro', 'assessor', 'lead_assessor']);
      const expired = (await registerPerson(admin, { bodyId: bodyB.id, name: '过期的赵评估' })).assessor;
      await approvedPath(admin, expired.id, ['intro', 'assessor'], { obtainedOn: '2020-01-01', validUntil: '2023-01-01' });
      const unlisted = (await registerPerson(admin, { bodyId: bodyB.id, name: '不公开的钱评估', listedPublicly: false })).assessor;
      await approvedPath(admin, unlisted.id, ['intro', 'assessor']);
      const pendingOnly = (await registerPerson(agencyB.client, { name: '待审的孙评估' })).assessor;
      await approvedPath(admin, pendingOnly.id, ['intro']);
      await addQualification(agencyB.client, pendingOnly.id, 'assessor');

      const anonymous = new Client(p.base);
      const res = await anonymous.get<Page<{ name: string; grade: string; bodyName: string | null; certificateNumber: string; valid: boolean }>>(
        `/api/directory/assessors?q=${encodeURIComponent('评估')}&pageSize=100`,
      );
      expect(res.status).toBe(200);
      const rows = res.body.items;
      expect(rows.filter((r) => r.name === '公开的张评估').map((r) => [r.grade, r.certificateNumber, r.valid, r.bodyName])).toEqual([
        ['assessor', asAssessor!.certificateNumber, true, bodyB.name],
        ['lead_assessor', lead!.certificateNumber, true, bodyB.name],
      ]);
      expect(rows.filter((r) => r.name === '过期的赵评估').map((r) => [r.grade, r.valid])).toEqual([['assessor', false]]);
      expect(rows.some((r) => r.name === '不公开的钱评估' || r.name === '待审的孙评估')).toBe(false);
      expect(rows.some((r) => r.grade === 'intro')).toBe(false);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain('13655556666');
      expect(text).not.toMatch(/mobile/i);

      const byNumber = await anonymous.get<Page<{ name: string }>>(`/api/directory/assessors?q=${encodeURIComponent(lead!.certificateNumber)}`);
      expect(byNumber.body.items.map((r) => r.name)).toEqual(['公开的张评估']);
      const leads = await anonymous.get<Page<{ name: string; grade: string }>>(`/api/directory/assessors?grade=lead_assessor&q=${encodeURIComponent('公开的张')}`);
      expect(leads.body.items.map((r) => r.grade)).toEqual(['lead_assessor']);
      const paged = await anonymous.get<Page<{ name: string }>>(`/api/directory/assessors?q=${encodeURIComponent('公开的张')}&pageSize=1&page=2`);
      expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(paged.body.items).toHaveLength(1);
      expect((await anonymous.get(`/api/directory/assessors?grade=intro`)).status).toBe(400);
      expect((await anonymous.get<Page<unknown>>(`/api/directory/assessors?q=${encodeURIComponent('_')}`)).body.total).toBe(0);

      const bodies = await anonymous.get<Page<{ id: string; name: string; regionName: string; contactName: string; leadAssessorCount: number }>>(
        `/api/directory/bodies?q=${encodeURIComponent('深圳湾区')}`,
      );
      expect(bodies.body.items).toEqual([{ id: bodyB.id, name: bodyB.name, regionName: '广东省 深圳市 南山区', contactName: bodyB.contactName, leadAssessorCount: 1 }]);
      expect(JSON.stringify(bodies.body)).not.toContain(bodyB.contactMobile);
    });
  });

  describe('certificates', () => {
    it('are recorded by the platform admin and read by whoever may see the enterprise', async () => {
      const kunshan = await registeredClient(p, { enterprise: { regionCode: '320583' } });
      const other = await registeredClient(p);
      const form = { enterpriseId: kunshan.enterpriseId, level: 3, certificateNumber: certificateNumber('CMMM-ZS'), scope: '精密机械零部件的设计、生产与服务', issuedOn: '2025-06-01', validUntil: '2028-05-31' };
      expect((await kunshan.client.post('/api/certificates', form)).status).toBe(403);
      const recorded = await admin.post<{ id: string; enterpriseName: string }>('/api/certificates', form);
      expect(recorded.status).toBe(201);
      expect(recorded.body).toMatchObject({ ...form, enterpriseName: kunshan.form.enterprise.name, assessmentId: null });
      const again = await admin.post('/api/certificates', form);
      expect([again.status, again.body.error]).toMatchObject([409, { code: 'CERTIFICATE_NUMBER_TAKEN' }]);
      const nowhere = await admin.post('/api/certificates', { ...form, certificateNumber: certificateNumber(), enterpriseId: '00000000-0000-4000-8000-000000000000' });
      expect([nowhere.status, nowhere.body.error]).toMatchObject([404, { code: 'NOT_FOUND' }]);
      const backwards = await admin.post('/api/certificates', { ...form, certificateNumber: certificateNumber(), validUntil: '2025-05-31' });
      expect(backwards.status).toBe(400);

      const path = `/api/enterprises/${kunshan.enterpriseId}/certificates`;
      const own = await kunshan.client.get<{ items: { id: string }[] }>(path);
      expect(own.body.items.map((c) => c.id)).toEqual([recorded.body.id]);
      expect((await admin.get<{ items: unknown[] }>(path)).body.items).toHaveLength(1);
      expect((await (await staffClient(p, 'region_admin', '320583')).client.get(path)).status).toBe(200);
      const refused = await other.client.get(path);
      expect([refused.status, refused.body.error]).toMatchObject([404, { code: 'NOT_FOUND' }]);
      expect((await agencyA.client.get(path)).status).toBe(404);
      expect((await new Client(p.base).get(path)).status).toBe(401);

      const events = await eventsOf(admin, 'certificate', recorded.body.id);
      expect(events.map((e) => [e.action, e.regionCode])).toEqual([['certificate.recorded', '320583']]);
    });
  });
});

