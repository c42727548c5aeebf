// The authorization matrix generated from the OpenAPI document: every operation × every persona,
// checked against the reviewed table of authorization-matrix.ts, on every test database.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fsRegionMapFiles } from '../src/storage/region-map-files.ts';
import type { ConformityFixtures } from './authorization-matrix-conformity.ts';
import { MATRIX, OK, openApiOperations, PERSONAS, type Fixtures, type Operation, type Outcome, type Persona, type Row } from './authorization-matrix.ts';
import type {
  Client} from './harness.ts';
import {
  adminClient,
  anonymousClient,
  completeSelfDiagnosis,
  loggedInClient,
  newCreditCode,
  registeredClient,
  sendRaw,
  STAFF_PASSWORD,
  staffClient,
  testDatabases,
  usePlatform,
  type RawReply,
  type TestPlatform,
} from './harness.ts';
import { mapDir, squareMap } from './region-map-fixtures.ts';

/** A denial's label, or 'allowed' for any answer given after authorization let the request through. */
function outcomeOf(reply: RawReply): string {
  const code = reply.contentType.includes('json') ? (JSON.parse(reply.text) as { error?: { code?: string } }).error?.code : undefined;
  if (reply.status >= 200 && reply.status < 300) return OK;
  // Business refusals come after authorization; a validation error, a missing fixture or a rate
  // limit would mean the sample request is broken, so they are shown as they are.
  if (reply.status === 409 || (reply.status === 400 && code !== 'VALIDATION' && code !== 'BAD_REQUEST')) return OK;
  return `${reply.status} ${code ?? reply.text.slice(0, 80)}`;
}
const labelOf = (o: Outcome) => (o === OK ? OK : `${o.status} ${o.code}`);

describe.each(testDatabases)('the authorization matrix on the $name database', ({ open }) => {
  // an operator's map of 昆山 (a made-up square), so that readRegionMap answers once authorization lets it
  const maps = mapDir();
  const p = usePlatform(open, {}, { maps: fsRegionMapFiles(maps.dir) });
  afterAll(() => maps.remove());
  let operations: Operation[] = [];
  const who = {} as Record<Persona, { client: Client; credentials: () => { username: string; password: string } | null }>;
  const f = {} as Fixtures;

  beforeAll(async () => {
    await maps.write({ '320583.json': squareMap([{ code: 320583, name: '昆山市' }]) });
    operations = await openApiOperations(p.base);
    const a = await registeredClient(p, { enterprise: { regionCode: '320583', creditCode: newCreditCode('320583') } });
    const b = await registeredClient(p, { enterprise: { regionCode: '110108', creditCode: newCreditCode('110108') } });
    const completed = await completeSelfDiagnosis(a.client);
    const detail = await a.client.get<{ answers: Record<string, string>; editionId: string }>(`/api/self-diagnoses/${completed.id}`);
    const target = await registeredClient(p, { enterprise: { regionCode: '440305', creditCode: newCreditCode('440305') } });
    Object.assign(f, {
      enterpriseA: a.enterpriseId,
      diagnosisA: completed.id,
      reportNumber: completed.reportNumber,
      requirementId: Object.keys(detail.body.answers)[0]!,
      editionId: detail.body.editionId,
      scoreInput: (await a.client.get(`/api/self-diagnoses/${completed.id}/export.json`)).body,
      bystanderId: (await registeredClient(p, { enterprise: { regionCode: '440305', creditCode: newCreditCode('440305') } })).accountId,
      loginTarget: target.form.account,
    } satisfies Omit<Fixtures, keyof ConformityFixtures | 'campaignA' | 'indexReportId'> & Pick<Fixtures, 'enterpriseA' | 'diagnosisA' | 'requirementId'>);

    const own = (form: { account: { username: string; password: string } }) => () => form.account;
    const staffIds: Record<string, { accountId: string; bodyId: string | null }> = {};
    const staff = async (role: Parameters<typeof staffClient>[1], region?: string) => {
      const { client, accountId, bodyId } = await staffClient(p, role, region);
      staffIds[role] = { accountId, bodyId };
      const { body } = await client.get<{ account: { username: string } }>('/api/session');
      return { client, credentials: () => ({ username: body.account.username, password: STAFF_PASSWORD }) };
    };
    who.anonymous = { client: await anonymousClient(p), credentials: () => null };
    who['enterprise A'] = { client: a.client, credentials: own(a.form) };
    who['enterprise B'] = { client: b.client, credentials: own(b.form) };
    who.assessor = await staff('assessor');
    who['lead assessor'] = await staff('lead_assessor');
    who['agency admin'] = await staff('agency_admin');
    who['region admin 昆山'] = await staff('region_admin', '320583');
    who['region admin 北京'] = await staff('region_admin', '110000');
    who['platform admin'] = { client: await adminClient(p), credentials: () => ({ ...p.admin }) };
    f.indexReportId = (await who['platform admin'].client.post<{ id: string }>('/api/index-reports', { kind: 'region', region: '320583' })).body.id;
    Object.assign(f, await conformityFixtures(p, { enterpriseA: a.enterpriseId, diagnosisA: completed.id, requirementId: f.requirementId, editionId: detail.body.editionId, staffIds }));
    const campaign = { title: '昆山自诊断推进', regionCode: '320583', target: 50, startsOn: '2026-11-01', endsOn: '2026-12-31' };
    f.campaignA = (await who['platform admin'].client.post<{ id: string }>('/api/campaigns', campaign)).body.id;
  });

  it('has one row per operation of the OpenAPI document, and no row for an operation that is gone', () => {
    const inDocument = operations.map((o) => o.id);
    expect(new Set(inDocument).size, 'operationIds are unique').toBe(inDocument.length);
    expect(inDocument.filter((id) => !Object.hasOwn(MATRIX, id)), 'new route without a row in authorization-matrix.ts').toEqual([]);
    expect(Object.keys(MATRIX).filter((id) => !inDocument.includes(id)), 'row for an operation the OpenAPI document no longer has').toEqual([]);
  });

  it.each(Object.entries(MATRIX))('%s', async (operationId, row) => {
    const operation = operations.find((o) => o.id === operationId);
    expect(operation, `${operationId} is not in the OpenAPI document`).toBeDefined();
    const got: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const [i, persona] of PERSONAS.entries()) {
      got[persona] = outcomeOf(await sendAs(p, operation!, row, who[persona]));
      want[persona] = labelOf(row.expect[i]!);
      if (row.session === 'throwaway, then log in again') {
        const credentials = who[persona].credentials();
        if (credentials) who[persona].client = await loggedInClient(p, credentials.username, credentials.password);
      }
    }
    expect(got).toEqual(want);
  });

  /** The row's sample request for this operation, as the persona (on a new session where the row says so). */
  async function sendAs(platform: TestPlatform, operation: Operation, row: Row, persona: (typeof who)[Persona]): Promise<RawReply> {
    const credentials = persona.credentials();
    const sample = row.sample(f, credentials);
    const from = !row.session ? persona.client : credentials ? await loggedInClient(platform, credentials.username, credentials.password) : await anonymousClient(platform);
    const request = requestFor(operation, sample);
    return sendRaw(platform.base, from, operation.method, request.path, request.body);
  }
});

/** The URL (path parameters substituted and encoded, query appended) and JSON body of a sample. */
function requestFor(operation: Operation, sample: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown }) {
  const declared = operation.parameters.filter((x) => x.in === 'path').map((x) => x.name);
  const given = Object.keys(sample.params ?? {});
  if (declared.sort().join() !== given.sort().join()) throw new Error(`${operation.id}: the sample gives path parameters [${given}], the document declares [${declared}]`);
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(sample.params![name]!));
  const query = new URLSearchParams(sample.query ?? {}).toString();
  const body = sample.body === undefined ? (operation.body ? {} : undefined) : sample.body;
  return { path: query ? `${path}?${query}` : path, body: body === undefined ? undefined : { text: JSON.stringify(body), contentType: 'application/json' } };
}

/**
 * The body of the agency admin persona; the assessor and lead assessor personas as its people (the
 * lead with a valid lead qualification); a pending qualification; a course; and A's formal assessment
 * with that lead, already 终止评估 (closed), written directly: the flow itself is formal-assessment.test.ts's.
 */
async function conformityFixtures(
  p: TestPlatform,
  given: { enterpriseA: string; diagnosisA: string; requirementId: string; editionId: string; staffIds: Record<string, { accountId: string; bodyId: string | null }> },
): Promise<ConformityFixtures> {
  const bodyId = given.staffIds.agency_admin!.bodyId!;
  const person = async (accountId: string | null, grades: string[], enterpriseId: string | null = null) => {
    const id = randomUUID();
    await p.db.insertInto('assessor').values({ id, name: `矩阵${grades.at(-1)}`, mobile: '13900004444', body_id: enterpriseId ? null : bodyId, enterprise_id: enterpriseId, account_id: accountId }).execute();
    if (accountId) await p.db.updateTable('account').set({ body_id: bodyId }).where('id', '=', accountId).execute();
    for (const grade of grades) {
      await p.db
        .insertInto('qualification')
        .values({ id: randomUUID(), assessor_id: id, grade: grade as 'intro', certificate_number: `MXQ-${randomUUID()}`, issuing_body: '中国电子技术标准化研究院', obtained_on: '2025-01-01', valid_until: '2030-01-01', status: 'approved' })
        .execute();
    }
    return id;
  };
  const assessorId = await person(given.staffIds.assessor!.accountId, ['intro', 'assessor']);
  const leadId = await person(given.staffIds.lead_assessor!.accountId, ['intro', 'assessor', 'lead_assessor']);
  const internalId = await person(null, ['intro'], given.enterpriseA);
  const pendingQualificationId = randomUUID();
  await p.db
    .insertInto('qualification')
    .values({ id: pendingQualificationId, assessor_id: assessorId, grade: 'trainer', certificate_number: `MXP-${randomUUID()}`, issuing_body: '中国电子技术标准化研究院', obtained_on: '2026-01-01', valid_until: '2029-01-01', status: 'pending' })
    .execute();
  const courseId = randomUUID();
  await p.db.insertInto('training_course').values({ id: courseId, course_type: 'lead_trainer', title: '矩阵培训', place: '北京', starts_on: '2026-06-01', ends_on: '2026-06-03' }).execute();
  await p.db.insertInto('training_participant').values({ course_id: courseId, assessor_id: assessorId }).execute();

  const formalId = randomUUID();
  const now = new Date('2026-11-01T02:00:00Z');
  await p.db.insertInto('assessment').values({ id: formalId, enterprise_id: given.enterpriseA, kind: 'formal', edition_id: given.editionId, enterprise_type: 'discrete', tailored: '[]', status: 'draft' }).execute();
  await p.db
    .insertInto('formal_assessment')
    .values({
      id: formalId,
      enterprise_id: given.enterpriseA,
      self_diagnosis_id: given.diagnosisA,
      assessment_type: 'predefined',
      target_level: 3,
      custom_domains: '[]',
      scope: '精密零部件的生产',
      not_applicable: '[]',
      sponsor_name: '张总',
      sponsor_title: '副总经理',
      liaison_name: '李联络',
      liaison_mobile: '13900002222',
      internal_assessor_id: internalId,
      body_id: bodyId,
      lead_assessor_id: leadId,
      stage: 'closed',
      submitted_at: now,
      updated_at: now,
    })
    .execute();
  await p.db.insertInto('team_member').values({ assessment_id: formalId, assessor_id: leadId, team_role: 'lead', coi: 'none', declared_at: now, added_at: now }).execute();
  // A piece of evidence with a stored file, collected before the assessment closed.
  const evidenceId = randomUUID();
  const fileId = randomUUID();
  const stored = await p.ctx.evidence.store.put(Readable.from([Buffer.from('%PDF-1.4\n%%EOF\n')]), { maxBytes: 1024 });
  await p.db.insertInto('evidence').values({ id: evidenceId, assessment_id: formalId, requirement_id: given.requirementId, method: 'interview', source: '王工', collected_on: '2026-11-20', note: '访谈', created_at: now }).execute();
  await p.db.insertInto('blob').values({ sha256: stored.sha256, size: stored.size, media_type: stored.mediaType, created_at: now }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
  await p.db.insertInto('evidence_file').values({ id: fileId, evidence_id: evidenceId, sha256: stored.sha256, file_name: '访谈记录.pdf', uploaded_at: now }).execute();
  const certificateNumber = `CMMM-MATRIX-${randomUUID().slice(0, 8)}`;
  await p.ctx.repos.certificates.insertCertificate({ id: randomUUID(), enterpriseId: given.enterpriseA, level: 2, certificateNumber, scope: '精密零部件的生产', issuedOn: '2025-06-01', validUntil: '2028-05-31' });
  return { bodyId, assessorId, leadId, pendingQualificationId, courseId, formalId, enterpriseA: given.enterpriseA, diagnosisA: given.diagnosisA, requirementId: given.requirementId, evidenceId, fileId, certificateNumber };
}
