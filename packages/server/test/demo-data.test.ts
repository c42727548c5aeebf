// 演示数据: seeded with a realistic level distribution, cleared without touching anything else.
import { assess } from '@cmmm/model';
import { describe, expect, it } from 'vitest';
import { pathAllows, qualificationFacts } from '../src/services/assessors/qualification-rules.ts';
import type { Actor } from '../src/policy.ts';
import { clearDemoData, seedDemoData } from '../src/services/platform/demo-data.ts';
import { readSelfDiagnosisResult } from '../src/services/self-diagnosis/self-diagnosis-result.ts';
import { readDashboard } from '../src/services/statistics/read-dashboard.ts';
import { registerBody, registerPerson } from './assessor-fixtures.ts';
import { adminClient, Client, registeredClient, testDatabases, usePlatform } from './harness.ts';
import { weakCellsFromRawRows, weakCellsInTable } from './weak-subdomain-reference.ts';

describe.each(testDatabases)('demo data on the $name database', ({ open }) => {
  const p = usePlatform(open);

  it('creates labelled enterprises with completed, engine-scored self-diagnoses near seed 002 distribution', async () => {
    const real = await registeredClient(p);
    const outcome = await seedDemoData(p.ctx, { enterprises: 120, seed: 7 });
    expect(outcome.enterprises).toBe(120);
    const rows = await p.db.selectFrom('enterprise').selectAll().where('is_demo', '=', true).execute();
    expect(rows).toHaveLength(120);
    expect(rows.every((r) => r.name.startsWith('演示数据'))).toBe(true);
    expect(new Set(rows.map((r) => r.industry_code)).size).toBeGreaterThan(5);
    expect(new Set(rows.map((r) => r.region_code)).size).toBeGreaterThan(5);
    const assessments = await p.db.selectFrom('assessment').selectAll().where('is_demo', '=', true).execute();
    expect(assessments).toHaveLength(120);
    expect(assessments.every((a) => a.status === 'completed' && a.level !== null && a.total_score !== null)).toBe(true);
    const atMostOne = assessments.filter((a) => a.level! <= 1).length / assessments.length;
    expect(atMostOne).toBeGreaterThan(0.5); // seed 002: 69%
    expect(atMostOne).toBeLessThan(0.85);
    expect(assessments.some((a) => a.level! >= 4)).toBe(true);
    // stored answers re-score to the stored level
    const one = assessments[0]!;
    const answers = await p.db.selectFrom('assessment_answer').select(['requirement_id', 'grade']).where('assessment_id', '=', one.id).execute();
    expect(answers.length).toBe(99 * Math.min(5, one.level! + 1));
    const rescored = assess({ enterpriseType: one.enterprise_type, answers: Object.fromEntries(answers.map((a) => [a.requirement_id, a.grade])) });
    expect(rescored.ok && [rescored.value.level, rescored.value.totalScore]).toEqual([one.level, one.total_score]);

    const cleared = await clearDemoData(p.ctx);
    expect(cleared).toEqual({ enterprises: 120, accounts: 123, assessmentBodies: 3, assessors: 12, trainingCourses: 3 }); // 3 agency admins
    expect(await p.db.selectFrom('assessment').selectAll().execute()).toHaveLength(0);
    const left = await p.db.selectFrom('enterprise').select('id').execute();
    expect(left.map((r) => r.id)).toEqual([real.enterpriseId]); // nothing else touched
  });
});

describe.each(testDatabases)('the bulk demo seed on the $name database', ({ open }) => {
  const p = usePlatform(open);
  const PLATFORM_ADMIN: Actor = { id: 'platform-admin', role: 'platform_admin', enterpriseId: null, regionCode: null };

  it('writes enterprises, accounts and completed diagnoses set-based; the aggregates equal a recompute from the raw rows; result pages work; clear removes it all', async () => {
    await seedDemoData(p.ctx, { enterprises: 4, seed: 3 }); // one by one first: the bulk adds to existing cells
    const progress: number[] = [];
    const outcome = await seedDemoData(p.ctx, { enterprises: 400, seed: 5, bulk: true, onProgress: (done) => progress.push(done) });
    expect(outcome.enterprises).toBe(400);
    expect(progress.at(-1)).toBe(400);
    expect(Object.values(outcome.levels).reduce((a, b) => a + b, 0)).toBe(400);

    const results = await p.db.selectFrom('diagnosis_result').selectAll().execute();
    expect(results).toHaveLength(404);
    expect(results.every((r) => r.valid)).toBe(true);
    const atMostOne = results.filter((r) => r.level <= 1).length / results.length;
    expect(atMostOne).toBeGreaterThan(0.6); // seed 002: 69%
    expect(atMostOne).toBeLessThan(0.78);
    expect(new Set(results.map((r) => r.province)).size).toBeGreaterThan(10);
    expect(new Set(results.map((r) => r.industry_major)).size).toBeGreaterThan(15);
    expect(await p.db.selectFrom('enterprise').select('id').where('is_demo', '=', true).execute()).toHaveLength(404);
    expect(await p.db.selectFrom('account').select('id').where('is_demo', '=', true).where('role', '=', 'enterprise_user').execute()).toHaveLength(404);
    expect(await p.db.selectFrom('diagnosis_node_scores').select('assessment_id').execute()).toHaveLength(404);
    // every demo diagnosis answered the 调查问卷, kept on its result as stored on the diagnosis; some hold a certificate
    const surveys = await p.db.selectFrom('assessment').select(['id', 'survey']).execute();
    const surveyOf = new Map(surveys.map((a) => [a.id, (typeof a.survey === 'string' ? JSON.parse(a.survey) : a.survey) as { informationSystems: string[]; networkedEquipmentShare: number; ncEquipmentShare: number }]));
    for (const r of results) {
      const survey = surveyOf.get(r.assessment_id)!;
      expect([[...r.survey_systems!].sort(), r.networked_share, r.nc_share]).toEqual([[...survey.informationSystems].sort(), survey.networkedEquipmentShare, survey.ncEquipmentShare]);
    }
    const nation = await readDashboard(p.ctx, PLATFORM_ADMIN, {});
    expect(nation.survey.enterprises.value).toBe(404);
    expect(nation.certified.region.total.value).toBe((await p.db.selectFrom('certificate').select('id').where('is_demo', '=', true).execute()).length);
    expect(nation.calibration.enterprises.value).toBeGreaterThanOrEqual(5);

    // the aggregates as the chunks added them, against a recompute from diagnosis_result
    const added = await p.ctx.repos.diagnosisResults.listAggregates();
    await p.ctx.repos.diagnosisResults.rebuildAggregates();
    expect(await p.ctx.repos.diagnosisResults.listAggregates()).toEqual(added);
    // 问题短板's cells, per template and cell, against a recompute from the stored results
    const weakCells = await weakCellsInTable(p.db);
    expect(weakCells.length).toBeGreaterThan(100);
    expect(weakCells).toEqual(await weakCellsFromRawRows(p.db));

    // a bulk diagnosis: its answers come from its template and re-score to its stored result; its result page works
    const bulk = await p.db.selectFrom('assessment').selectAll().where('demo_template_id', 'is not', null).orderBy('level', 'desc').executeTakeFirstOrThrow();
    expect(await p.db.selectFrom('assessment_answer').select('grade').where('assessment_id', '=', bulk.id).execute()).toHaveLength(0);
    const answers = await p.ctx.repos.selfDiagnoses.listAnswers(bulk.id);
    const rescored = assess({ enterpriseType: bulk.enterprise_type, answers });
    expect(rescored.ok && [rescored.value.level, rescored.value.totalScore]).toEqual([bulk.level, bulk.total_score]);
    const page = await readSelfDiagnosisResult(p.ctx, PLATFORM_ADMIN, { id: bulk.id });
    expect(page.result.level).toBe(bulk.level);
    expect(page.strengths.length).toBeGreaterThan(0);
    expect(page.peers.map((peer) => peer.group)).toEqual(['industry', 'region']);

    const cleared = await clearDemoData(p.ctx);
    expect(cleared.enterprises).toBe(404);
    expect(await p.db.selectFrom('demo_diagnosis_template').select('id').execute()).toHaveLength(0);
    expect(await p.db.selectFrom('diagnosis_aggregate').select('region').execute()).toHaveLength(0);
    expect(await p.db.selectFrom('diagnosis_weak_aggregate').select('region').execute()).toHaveLength(0);
  });
});

describe.each(testDatabases)('demo assessment bodies, assessors and training on the $name database', ({ open }) => {
  const p = usePlatform(open);

  it('seeds three bodies with their agency admins, twelve people with grade paths and three courses, once; clears exactly them', async () => {
    const admin = await adminClient(p);
    const realBody = await registerBody(admin);
    const realPerson = (await registerPerson(admin, { bodyId: realBody.id })).assessor;
    const today = new Date(p.clock.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10); // China Standard Time

    const outcome = await seedDemoData(p.ctx, { enterprises: 3, seed: 11 });
    expect(outcome).toMatchObject({ enterprises: 3, assessmentBodies: 3, assessors: 12, trainingCourses: 3 });
    const bodies = await p.db.selectFrom('assessment_body').selectAll().where('is_demo', '=', true).orderBy('region_code').execute();
    expect(bodies.map((b) => b.region_code)).toEqual(['110108', '320214', '440305']); // 北京, 无锡, 深圳
    expect(bodies.every((b) => b.name.startsWith('演示数据·'))).toBe(true);
    const agencyAdmins = await p.db.selectFrom('account').selectAll().where('role', '=', 'agency_admin').where('is_demo', '=', true).execute();
    expect(agencyAdmins.map((a) => a.body_id).sort()).toEqual(bodies.map((b) => b.id).sort());

    const people = await p.db.selectFrom('assessor').selectAll().where('is_demo', '=', true).execute();
    expect(people).toHaveLength(12);
    expect(new Set(people.map((x) => x.body_id))).toEqual(new Set(bodies.map((b) => b.id)));
    const qualifications = await p.db.selectFrom('qualification').selectAll().where('assessor_id', 'in', people.map((x) => x.id)).execute();
    const validToday = (q: (typeof qualifications)[number]) => q.status === 'approved' && q.obtained_on <= today && today <= q.valid_until;
    const holders = (grade: string) => new Set(qualifications.filter((q) => q.grade === grade && validToday(q)).map((q) => q.assessor_id));
    expect(holders('high_maturity_lead').size).toBe(2);
    expect(holders('trainer').size).toBe(2);
    expect(holders('lead_assessor').size).toBeGreaterThanOrEqual(3);
    // one person whose certificates have all expired, kept as history
    const expired = people.filter((x) => {
      const own = qualifications.filter((q) => q.assessor_id === x.id);
      return own.length > 0 && own.every((q) => q.valid_until < today);
    });
    expect(expired).toHaveLength(1);
    expect(qualifications.some((q) => q.status === 'pending')).toBe(true);
    // every grade follows the grade path: its prerequisite was approved earlier
    for (const q of qualifications) {
      const earlier = qualifications.filter((r) => r.assessor_id === q.assessor_id && r.id !== q.id && r.obtained_on < q.obtained_on).map(qualificationFacts);
      expect(pathAllows(earlier, q.grade), `${q.grade} of ${q.assessor_id}`).toBe(true);
    }

    const courses = await p.db.selectFrom('training_course').selectAll().where('is_demo', '=', true).execute();
    expect(courses.map((c) => c.course_type).sort()).toEqual(['assessor', 'intro', 'lead_trainer']);
    for (const c of courses) {
      const trainer = qualifications.filter((q) => q.assessor_id === c.trainer_id && q.grade === 'trainer');
      expect(trainer.some((q) => q.status === 'approved' && q.obtained_on <= c.starts_on && c.ends_on <= q.valid_until)).toBe(true);
    }
    const participants = await p.db.selectFrom('training_participant').selectAll().where('course_id', 'in', courses.map((c) => c.id)).execute();
    expect(new Set(participants.map((x) => x.result))).toEqual(new Set(['passed', 'failed', 'enrolled']));
    for (const passed of participants.filter((x) => x.result === 'passed')) {
      const q = qualifications.find((r) => r.id === passed.qualification_id)!;
      expect([q.training_id, q.obtained_on]).toEqual([passed.course_id, courses.find((c) => c.id === passed.course_id)!.ends_on]);
    }

    // the public directory shows them (without mobiles), the bodies with their lead assessors
    const directory = await new Client(p.base).get<{ items: { bodyName: string | null }[]; total: number }>(`/api/directory/assessors?q=${encodeURIComponent('演示数据')}&pageSize=100`);
    expect(directory.body.total).toBeGreaterThan(10);
    const publicBodies = await new Client(p.base).get<{ items: { leadAssessorCount: number }[] }>(`/api/directory/bodies?q=${encodeURIComponent('演示数据')}`);
    expect(publicBodies.body.items.map((b) => b.leadAssessorCount).every((n) => n >= 1)).toBe(true);

    // a second seed adds enterprises only
    expect(await seedDemoData(p.ctx, { enterprises: 1, seed: 12 })).toMatchObject({ enterprises: 1, assessmentBodies: 0, assessors: 0, trainingCourses: 0 });

    const cleared = await clearDemoData(p.ctx);
    expect(cleared).toEqual({ enterprises: 4, accounts: 7, assessmentBodies: 3, assessors: 12, trainingCourses: 3 });
    expect(await p.db.selectFrom('assessment_body').select('id').execute()).toEqual([{ id: realBody.id }]);
    expect(await p.db.selectFrom('assessor').select('id').execute()).toEqual([{ id: realPerson.id }]);
    expect(await p.db.selectFrom('training_course').select('id').execute()).toEqual([]);
    expect(await p.db.selectFrom('qualification').select('id').where('assessor_id', '!=', realPerson.id).execute()).toEqual([]);
  });

  it('keeps a demo body that real data names', async () => {
    await seedDemoData(p.ctx, { enterprises: 1, seed: 13 });
    const admin = await adminClient(p);
    const demoBody = await p.db.selectFrom('assessment_body').select('id').where('is_demo', '=', true).where('region_code', '=', '440305').executeTakeFirstOrThrow();
    const real = await admin.post<{ account: { id: string } }>('/api/admin/accounts', { username: `shenzhen${Date.now()}`, displayName: '真实的机构管理员', role: 'agency_admin', bodyId: demoBody.id });
    expect(real.status).toBe(201);
    const cleared = await clearDemoData(p.ctx);
    expect(cleared).toMatchObject({ assessmentBodies: 2, assessors: 12, trainingCourses: 3 });
    expect((await p.db.selectFrom('assessment_body').select('id').where('is_demo', '=', true).execute()).map((b) => b.id)).toEqual([demoBody.id]);
    expect((await p.db.selectFrom('account').select('body_id').where('id', '=', real.body.account.id).executeTakeFirstOrThrow()).body_id).toBe(demoBody.id);
  });
});
