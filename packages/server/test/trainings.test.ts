// 标准培训 through the API: a qualified trainer, enrolment, results; a pass brings an approved
// qualification of the grade the course awards (the grade path applies), linked to the course.
import { beforeAll, describe, expect, it } from 'vitest';
import { agencyAdminOf, approvedPath, certificateNumber, eventsOf, registerBody, registerPerson, type Person } from './assessor-fixtures.ts';
import { adminClient, registeredClient, staffClient, testDatabases, usePlatform, type Client } from './harness.ts';

interface Course {
  id: string;
  courseType: string;
  title: string;
  startsOn: string;
  endsOn: string;
  trainerId: string | null;
  trainerName: string | null;
  participants: { assessorId: string; name: string; result: string; qualificationId: string | null; certificateNumber: string | null }[];
}

const courseForm = (overrides: Record<string, unknown> = {}) => ({
  courseType: 'intro',
  title: 'CMMM intro 培训（2026 年第 4 期）',
  place: '北京',
  startsOn: '2026-10-12',
  endsOn: '2026-10-14',
  ...overrides,
});

describe.each(testDatabases)('training on the $name database', ({ open }) => {
  const p = usePlatform(open);
  let admin: Client;
  let trainer: Person;
  let bodyId: string;

  beforeAll(async () => {
    admin = await adminClient(p);
    bodyId = (await registerBody(admin)).id;
    trainer = (await registerPerson(admin, { bodyId, name: '陈讲师' })).assessor;
    await approvedPath(admin, trainer.id, ['intro', 'assessor', 'trainer'], { obtainedOn: '2024-05-01', validUntil: '2027-04-30' });
  });

  it('needs a trainer qualified over the whole course, and is kept by the platform admin', async () => {
    const notTrainer = (await registerPerson(admin, { bodyId })).assessor;
    await approvedPath(admin, notTrainer.id, ['intro', 'assessor']);
    const refused = await admin.post('/api/trainings', courseForm({ trainerId: notTrainer.id }));
    expect([refused.status, refused.body.error]).toMatchObject([409, { code: 'TRAINER_NOT_QUALIFIED' }]);
    const expiring = (await registerPerson(admin, { bodyId })).assessor;
    await approvedPath(admin, expiring.id, ['intro', 'assessor']);
    await approvedPath(admin, expiring.id, ['trainer'], { obtainedOn: '2023-10-14', validUntil: '2026-10-13' });
    const lapses = await admin.post('/api/trainings', courseForm({ trainerId: expiring.id })); // expires on the course's second day
    expect(lapses.body.error).toMatchObject({ code: 'TRAINER_NOT_QUALIFIED' });
    const unknown = await admin.post('/api/trainings', courseForm({ trainerId: '00000000-0000-4000-8000-000000000000' }));
    expect([unknown.status, unknown.body.error]).toMatchObject([404, { code: 'ASSESSOR_NOT_FOUND' }]);
    expect((await admin.post('/api/trainings', courseForm({ endsOn: '2026-10-11' }))).status).toBe(400);
    expect((await admin.post('/api/trainings', courseForm({ courseType: 'advanced' }))).status).toBe(400);

    const created = await admin.post<Course>('/api/trainings', courseForm({ trainerId: trainer.id }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ courseType: 'intro', trainerId: trainer.id, trainerName: '陈讲师', participants: [] });
    expect((await eventsOf(admin, 'training', created.body.id)).map((e) => e.action)).toEqual(['training.created']);

    const agency = await agencyAdminOf(p, admin, bodyId);
    expect((await agency.client.get('/api/trainings')).status).toBe(200);
    expect((await agency.client.get(`/api/trainings/${created.body.id}`)).status).toBe(200);
    expect((await agency.client.post('/api/trainings', courseForm())).status).toBe(403);
    expect((await agency.client.post(`/api/trainings/${created.body.id}/participants`, { assessorId: trainer.id })).status).toBe(403);
    const enterprise = await registeredClient(p);
    expect((await enterprise.client.get('/api/trainings')).status).toBe(403);
    expect((await (await staffClient(p, 'assessor')).client.get(`/api/trainings/${created.body.id}`)).status).toBe(403);
    expect((await admin.get('/api/trainings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const listed = await admin.get<{ items: Course[]; total: number }>('/api/trainings?pageSize=200');
    expect(listed.body.items.map((c) => c.id)).toContain(created.body.id);
  });

  it('turns a pass into an approved qualification of the awarded grade, linked to the course', async () => {
    const course = (await admin.post<Course>('/api/trainings', courseForm({ trainerId: trainer.id }))).body;
    const student = (await registerPerson(admin, { bodyId, name: '学员甲' })).assessor;
    const notEnrolled = await admin.request('PUT', `/api/trainings/${course.id}/participants/${student.id}`, { result: 'passed', grade: 'intro', certificateNumber: certificateNumber() });
    expect([notEnrolled.status, notEnrolled.body.error]).toMatchObject([404, { code: 'NOT_ENROLLED' }]);
    const unknown = await admin.post(`/api/trainings/${course.id}/participants`, { assessorId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.body.error).toMatchObject({ code: 'ASSESSOR_NOT_FOUND' });

    const enrolled = await admin.post<Course>(`/api/trainings/${course.id}/participants`, { assessorId: student.id });
    expect(enrolled.body.participants).toEqual([{ assessorId: student.id, name: '学员甲', result: 'enrolled', qualificationId: null, certificateNumber: null }]);
    const twice = await admin.post<Course>(`/api/trainings/${course.id}/participants`, { assessorId: student.id });
    expect(twice.body.participants).toHaveLength(1);

    const wrongGrade = await admin.request('PUT', `/api/trainings/${course.id}/participants/${student.id}`, { result: 'passed', grade: 'assessor', certificateNumber: certificateNumber() });
    expect([wrongGrade.status, wrongGrade.body.error]).toMatchObject([400, { code: 'AWARD_NOT_FOR_COURSE' }]);
    const number = certificateNumber('CMMM-INTRO');
    const passed = await admin.request<Course>('PUT', `/api/trainings/${course.id}/participants/${student.id}`, { result: 'passed', grade: 'intro', certificateNumber: number });
    expect(passed.status).toBe(200);
    const participant = passed.body.participants[0]!;
    expect(participant).toMatchObject({ result: 'passed', certificateNumber: number, qualificationId: expect.any(String) });

    const record = await admin.get<Person>(`/api/assessors/${student.id}`);
    expect(record.body.qualifications).toEqual([
      expect.objectContaining({
        id: participant.qualificationId,
        grade: 'intro',
        status: 'approved',
        certificateNumber: number,
        issuingBody: '中国电子技术标准化研究院',
        obtainedOn: '2026-10-14', // the course's last day
        validUntil: '2029-10-14', // three years on
        trainingId: course.id,
        validToday: true,
      }),
    ]);
    const again = await admin.request('PUT', `/api/trainings/${course.id}/participants/${student.id}`, { result: 'failed' });
    expect(again.status).toBe(409); // a certificate once issued stays
    expect((await admin.get<Person>(`/api/assessors/${student.id}`)).body.qualifications).toHaveLength(1);

    const events = await eventsOf(admin, 'training', course.id);
    expect(events.map((e) => e.action)).toEqual(['training.created', 'training.enrolled', 'training.result_recorded']);
    expect(events[2]!.summary).toMatchObject({ assessorId: student.id, result: 'passed', grade: 'intro', certificateNumber: number });
    expect((await eventsOf(admin, 'qualification', participant.qualificationId!)).map((e) => [e.action, e.summary.trainingId])).toEqual([['qualification.approved', course.id]]);
  });

  it('keeps the grade path: a pass that skips a grade is refused, a failure is recorded', async () => {
    const course = (await admin.post<Course>('/api/trainings', courseForm({ courseType: 'assessor', title: '评估师培训', trainerId: trainer.id, startsOn: '2026-11-02', endsOn: '2026-11-06' }))).body;
    const ready = (await registerPerson(admin, { bodyId, name: '学员乙' })).assessor;
    await approvedPath(admin, ready.id, ['intro']);
    const early = (await registerPerson(admin, { bodyId, name: '学员丙' })).assessor; // no intro yet
    for (const person of [ready, early]) await admin.post(`/api/trainings/${course.id}/participants`, { assessorId: person.id });

    const skipped = await admin.request('PUT', `/api/trainings/${course.id}/participants/${early.id}`, { result: 'passed', grade: 'assessor', certificateNumber: certificateNumber() });
    expect([skipped.status, skipped.body.error]).toMatchObject([409, { code: 'GRADE_PATH' }]);
    const failed = await admin.request<Course>('PUT', `/api/trainings/${course.id}/participants/${early.id}`, { result: 'failed' });
    expect(failed.body.participants.find((x) => x.assessorId === early.id)).toMatchObject({ result: 'failed', qualificationId: null });
    expect((await admin.get<Person>(`/api/assessors/${early.id}`)).body.qualifications).toEqual([]);

    const passed = await admin.request<Course>('PUT', `/api/trainings/${course.id}/participants/${ready.id}`, {
      result: 'passed',
      grade: 'assessor',
      certificateNumber: certificateNumber(),
      validUntil: '2028-12-31',
    });
    expect(passed.status).toBe(200);
    const history = (await admin.get<Person>(`/api/assessors/${ready.id}`)).body.qualifications;
    expect(history.map((q) => [q.grade, q.obtainedOn, q.validUntil])).toEqual([
      ['intro', '2025-01-10', '2028-01-09'],
      ['assessor', '2026-11-06', '2028-12-31'],
    ]);
    const taken = await admin.request('PUT', `/api/trainings/${course.id}/participants/${early.id}`, { result: 'passed', grade: 'assessor', certificateNumber: history[1]!.certificateNumber });
    expect(taken.status).toBe(409);
    const backwards = await admin.request('PUT', `/api/trainings/${course.id}/participants/${early.id}`, { result: 'passed', grade: 'assessor', certificateNumber: certificateNumber(), validUntil: '2026-11-01' });
    expect([backwards.status, backwards.body.error]).toMatchObject([400, { code: 'VALIDATION' }]); // before the course ended
    const passedAgain = await admin.request('PUT', `/api/trainings/${course.id}/participants/${ready.id}`, { result: 'failed' });
    expect([passedAgain.status, passedAgain.body.error]).toMatchObject([409, { code: 'QUALIFICATION_DECIDED' }]);
  });

  it('awards an internal assessor the intro certificate, and its events carry the enterprise', async () => {
    const kunshan = await registeredClient(p, { enterprise: { regionCode: '320583' } });
    const internal = (await registerPerson(kunshan.client, { name: '内审学员' })).assessor;
    const lead = (await admin.post<Course>('/api/trainings', courseForm({ courseType: 'lead_trainer', title: '主任评估师 & 培训讲师培训', trainerId: trainer.id }))).body;
    await admin.post(`/api/trainings/${lead.id}/participants`, { assessorId: internal.id });
    const tooHigh = await admin.request('PUT', `/api/trainings/${lead.id}/participants/${internal.id}`, { result: 'passed', grade: 'lead_assessor', certificateNumber: certificateNumber() });
    expect([tooHigh.status, tooHigh.body.error]).toMatchObject([400, { code: 'INTERNAL_ASSESSOR_GRADE' }]);

    const intro = (await admin.post<Course>('/api/trainings', courseForm({ trainerId: trainer.id }))).body;
    await admin.post(`/api/trainings/${intro.id}/participants`, { assessorId: internal.id });
    const passed = await admin.request<Course>('PUT', `/api/trainings/${intro.id}/participants/${internal.id}`, { result: 'passed', grade: 'intro', certificateNumber: certificateNumber() });
    expect(passed.status).toBe(200);
    const events = await eventsOf(admin, 'training', intro.id);
    expect(events.filter((e) => e.action !== 'training.created').map((e) => [e.action, e.regionCode])).toEqual([
      ['training.enrolled', '320583'],
      ['training.result_recorded', '320583'],
    ]);
    const seen = await kunshan.client.get<Person>(`/api/assessors/${internal.id}`);
    expect(seen.body.currentGrades).toEqual(['intro']);
  });
});
