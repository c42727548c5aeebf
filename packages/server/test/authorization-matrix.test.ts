// The authorization matrix generated from the OpenAPI document: every operation × every persona,
// checked against the reviewed table of authorization-matrix.ts, on every test database.
import { beforeAll, describe, expect, it } from 'vitest';
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
  const p = usePlatform(open);
  let operations: Operation[] = [];
  const who = {} as Record<Persona, { client: Client; credentials: () => { username: string; password: string } | null }>;
  const f = {} as Fixtures;

  beforeAll(async () => {
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
    } satisfies Fixtures);

    const own = (form: { account: { username: string; password: string } }) => () => form.account;
    const staff = async (role: Parameters<typeof staffClient>[1], region?: string) => {
      const { client } = await staffClient(p, role, region);
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
