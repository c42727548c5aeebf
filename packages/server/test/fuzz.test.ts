// Property-based fuzzing of every operation of the OpenAPI document, from its own request schemas:
// values that fit the schema, mutated at any depth into hostile ones (wrong types, huge and control
// text, NUL and lone surrogates, __proto__ keys, deep nesting, extra fields, raw non-JSON bodies, bad
// percent-encodings), in the body, the query and the path, as an anonymous visitor, an enterprise user
// and the platform admin. Whatever comes in: never a 5xx, an error is always { error: { code, message } }
// with a code of @cmmm/contract and its status, and no answer shows internals.
// Replay a failure with the seed it prints: FUZZ_SEED=<seed> npx vitest run packages/server/test/fuzz.test.ts
import { ERRORS, isErrorCode } from '@cmmm/contract';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiOperations, type JsonSchema, type Operation } from './authorization-matrix.ts';
import type { Client} from './harness.ts';
import { adminClient, anonymousClient, completeSelfDiagnosis, loggedInClient, registeredClient, SAMPLE_SURVEY, sendRaw, testDatabases, usePlatform, type RawReply } from './harness.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261121);
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const BODY_LIMIT = 1024 * 1024;
/** Hostile text in a URL: a URL stays below what Node's HTTP parser takes in a request line (16 KiB). */
const URL_TEXT_MAX = 1500;
const URL_PART_MAX = 4000;
const URL_MAX = 12_000;
/** No error answer needs more (the body limit is 1 MiB: a larger answer amplifies hostile requests). */
const MAX_ERROR_ANSWER = 64 * 1024;

// ---- JSON values, serialised by hand so that `__proto__` keys and raw number texts survive

class Obj {
  constructor(readonly entries: [string, Json][]) {}
}
class Raw {
  constructor(readonly text: string) {}
}
type Json = null | boolean | number | string | Json[] | Obj | Raw;

function serialise(value: Json): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof Obj) return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${serialise(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(serialise).join(',')}]`;
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  return JSON.stringify(value); // well-formed: lone surrogates travel as \udxxx escapes
}

/** A query or path value as text. */
const asText = (value: Json): string => (typeof value === 'string' ? value : value instanceof Raw ? value.text : serialise(value));

// ---- hostile values

const HOSTILE_TEXTS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uDC00y',
  '\uDBFF\uDBFF',
  '\u0001\u0002\u001F\u007F',
  '\r\n\t\v\f\b',
  '\u2028\u2029',
  '\u202E\u200B\uFEFF',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e309',
  '0x1F',
  '1_000',
  ' 1 ',
  '00000000-0000-0000-0000-000000000000',
  "' OR '1'='1",
  "'; DROP TABLE account; --",
  '$1',
  '%00',
  '%',
  '%25',
  '..',
  '../../x',
  '\\',
  '"',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '𠀀𪚥',
  '🙂‍👩‍👩‍👧',
  'ＡＢＣ１２３',
  'İı',
];
const controlText = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 8 });

function hostileText(maxHuge: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
    { weight: 1, arbitrary: controlText },
    { weight: 1, arbitrary: loneSurrogates },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: maxHuge }).map((n) => '长'.repeat(Math.floor(n / 3)) + 'x'.repeat(n % 3)) },
  );
}

function hostileValue(maxHuge: number): fc.Arbitrary<Json> {
  const text = hostileText(maxHuge);
  const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', '\u0000', '\uD800'), fc.string({ maxLength: 12 }));
  const { value } = fc.letrec<{ value: Json }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc.integer(),
      fc.double(),
      fc.constantFrom(new Raw('1e999'), new Raw('-0'), new Raw('123456789012345678901234567890'), new Raw('0.1e-400')),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((entries) => new Obj(entries)),
    ),
  }));
  const deep = fc.tuple(fc.integer({ min: 20, max: 3000 }), fc.boolean()).map(([n, arrays]) => new Raw(arrays ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`));
  return fc.oneof({ weight: 8, arbitrary: value }, { weight: 1, arbitrary: deep });
}

/** Very many items or fields (most of a 1 MiB body), as raw text: generating them one by one is slow. */
const WIDE_ITEMS = ['1', '"x"', 'null', '"FI"', '"M3"', '{}'];
const wideArray = fc.tuple(fc.integer({ min: 1000, max: 100_000 }), fc.constantFrom(...WIDE_ITEMS)).map(([n, item]) => new Raw(`[${Array(n).fill(item).join(',')}]`));
const wideObject = (keys: string[]) =>
  fc.tuple(fc.integer({ min: 1000, max: 60_000 }), fc.constantFrom(...WIDE_ITEMS), fc.constantFrom('k', ...keys)).map(
    ([n, item, prefix]) => new Raw(`{${Array.from({ length: n }, (_, i) => `${JSON.stringify(`${prefix}${i || ''}`)}:${item}`).join(',')}}`),
  );

// ---- values from a JSON schema, each node possibly turned hostile

interface Pool {
  /** Real ids, codes and numbers of the platform, so that generated requests reach deep code too. */
  known: string[];
}

function fromSchema(schema: JsonSchema | undefined, pool: Pool, maxHuge: number, depth = 0): fc.Arbitrary<Json> {
  const hostile = hostileValue(maxHuge);
  return fc.oneof({ weight: 3, arbitrary: fitting(schema ?? {}, pool, maxHuge, depth) }, { weight: 1, arbitrary: hostile });
}

function fitting(schema: JsonSchema, pool: Pool, maxHuge: number, depth: number): fc.Arbitrary<Json> {
  const known = fc.constantFrom(...pool.known);
  const nullable = (arb: fc.Arbitrary<Json>) => (schema.nullable ? fc.oneof(arb, fc.constant(null)) : arb);
  if (Array.isArray(schema.enum)) return nullable(fc.constantFrom(...(schema.enum as Json[])));
  switch (schema.type) {
    case 'string': {
      const min = Number(schema.minLength ?? 0);
      const max = Math.min(Number(schema.maxLength ?? 200), 2000);
      const arbs: fc.Arbitrary<string>[] = [fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, max) }), known];
      if (typeof schema.pattern === 'string') arbs.push(fc.stringMatching(new RegExp(schema.pattern)), fc.stringMatching(new RegExp(schema.pattern)));
      if (schema.format === 'uuid') arbs.push(fc.uuid());
      return nullable(fc.oneof(...arbs));
    }
    case 'integer':
    case 'number': {
      const min = Number(schema.minimum ?? -1e9);
      const max = Number(schema.maximum ?? 1e9);
      return nullable(fc.oneof(fc.integer({ min: Math.max(min, -2e9), max: Math.min(max, 2e9) }), fc.constantFrom(min - 1, max + 1, 0.5)));
    }
    case 'boolean':
      return nullable(fc.boolean());
    case 'array': {
      const items = depth > 4 ? hostileValue(1000) : fromSchema(schema.items as JsonSchema, pool, maxHuge, depth + 1);
      return nullable(fc.oneof({ weight: 8, arbitrary: fc.array(items, { maxLength: Math.min(Number(schema.maxItems ?? 6) + 1, 8) }) }, { weight: 1, arbitrary: wideArray }));
    }
    default: {
      // objects, and schemas without a type (any JSON): its properties, some left out, plus extra fields
      const properties = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>);
      const required = new Set((schema.required ?? []) as string[]);
      const fields = properties.map(([name, sub]) =>
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), depth > 4 ? hostileValue(1000) : fromSchema(sub, pool, maxHuge, depth + 1)).map(([dice, value]) =>
          required.has(name) ? (dice < 0.95 ? [[name, value] as [string, Json]] : []) : dice < 0.6 ? [[name, value] as [string, Json]] : [],
        ),
      );
      const extraKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', ...properties.map(([name]) => name)), fc.string({ maxLength: 10 }));
      const extra = fc.array(fc.tuple(extraKey, depth > 4 ? fc.constant(null) : hostileValue(1000)), { maxLength: 3 });
      // a record (additionalProperties): entries of its value schema, which may be any JSON ({})
      const additional =
        schema.additionalProperties && typeof schema.additionalProperties === 'object'
          ? fc.array(fc.tuple(fc.oneof(known, fc.string({ maxLength: 30 })), fromSchema(schema.additionalProperties as JsonSchema, pool, maxHuge, depth + 1)), { maxLength: 6 })
          : fc.constant([] as [string, Json][]);
      const object = fc.tuple(fc.tuple(...fields), fc.oneof({ weight: 3, arbitrary: fc.constant([] as [string, Json][]) }, { weight: 1, arbitrary: extra }), additional).map(
        ([chosen, more, rest]) => new Obj([...chosen.flat(), ...rest, ...more]),
      );
      return nullable(fc.oneof({ weight: 12, arbitrary: object }, { weight: 1, arbitrary: wideObject(pool.known) }));
    }
  }
}

// ---- requests

/** encodeURIComponent, with lone surrogates sent as their (invalid) UTF-8 bytes instead of throwing. */
function encode(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
      return encodeURIComponent(ch);
    })
    .join('');
}
/** Percent-sequences a browser would never send. */
const badEncodings = fc.constantFrom('%', '%Z', '%zz', '%00', '%C0%80', '%ED%A0%80', '%FF', '%E4%B8', '%2F', '%2e%2e', '..', '%252F', '+');
/** At most URL_PART_MAX characters, not cutting an escape in two. */
const bounded = (encoded: string) => (encoded.length <= URL_PART_MAX ? encoded : encoded.slice(0, URL_PART_MAX).replace(/%[0-9A-Fa-f]?$/, ''));
const urlPart = (value: fc.Arbitrary<Json>) => fc.oneof({ weight: 9, arbitrary: value.map((v) => bounded(encode(asText(v)))) }, { weight: 1, arbitrary: badEncodings });

interface FuzzRequest {
  path: string;
  body?: { text: string; contentType?: string };
}

function requestArbitrary(op: Operation, pool: Pool): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((x) => x.in === 'path');
  const queryParams = op.parameters.filter((x) => x.in === 'query');
  const path = fc.tuple(...pathParams.map((x) => urlPart(fromSchema(x.schema, pool, URL_TEXT_MAX)))).map((values) => {
    let i = 0;
    return op.path.replace(/\{\w+\}/g, () => values[i++]!);
  });
  const queryKey = fc.oneof(
    { weight: 6, arbitrary: queryParams.length ? fc.constantFrom(...queryParams.map((x) => x.name)) : fc.constant('q') },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'a[b]', 'x[]', '') },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  const queryValue = queryParams.length ? fc.oneof(...queryParams.map((x) => fromSchema(x.schema, pool, URL_TEXT_MAX))) : hostileValue(URL_TEXT_MAX);
  const query = fc.array(fc.tuple(urlPart(queryKey), urlPart(queryValue)), { maxLength: 4 });
  const hasBody = op.method !== 'GET';
  const value = op.body ? fromSchema(op.body, pool, BODY_LIMIT - 64) : hostileValue(BODY_LIMIT - 64);
  const text = fc.oneof(
    { weight: 12, arbitrary: value.map(serialise) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) }, // not JSON
    { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":1,}', "{'a':1}", 'null', '[]', '1', '"x"', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}') },
    { weight: 1, arbitrary: fc.integer({ min: BODY_LIMIT - 1024, max: BODY_LIMIT + 4096 }).map((n) => `{"x":"${'x'.repeat(Math.max(0, n - 8))}"}`) },
  );
  const contentType = fc.oneof(
    { weight: 12, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/xml', 'application/json;;;', '') },
  );
  const body = hasBody ? fc.option(fc.record({ text, contentType }), { freq: 12 }).map((b) => b ?? undefined) : fc.constant(undefined);
  // as many query parameters as the URL has room for
  const url = fc.tuple(path, query).map(([p, pairs]) => pairs.map(([k, v]) => `${k}=${v}`).reduce((u, pair) => (u.length + pair.length < URL_MAX ? `${u}${u.includes('?') ? '&' : '?'}${pair}` : u), p));
  return fc.record({ path: url, body });
}

// ---- what every answer must be

const INTERNALS: [RegExp, string][] = [
  [/\bat [\w.<>$]+ \(/, 'a stack frame'],
  [/\bat (?:file:\/\/|node:|\/)[^\s]*:\d+:\d+/, 'a stack frame'],
  [/node_modules/, 'node_modules'],
  [/\.(?:ts|js|mjs|cjs):\d+/, 'a source position'],
  [/(?:\/work\/|\/home\/|\/usr\/|\/tmp\/|\/root\/|[A-Z]:\\)/, 'a file path'],
  [/syntax error at or near|invalid input syntax for|violates (?:unique|foreign key|not-null|check) constraint|duplicate key value|relation "[^"]*" does not exist|column "[^"]*" does not exist|unterminated quoted/i, 'SQL'],
  [/\b(?:PGlite|kysely|pg-protocol|PostgresError|DatabaseError)\b/i, 'the database driver'],
  [/\b(?:TypeError|ReferenceError|RangeError|SyntaxError|Cannot read propert)/, 'a JavaScript error'],
];

/** What is wrong with an answer, or null. */
function problemOf(reply: RawReply): string | null {
  if (reply.status >= 500) return `answered ${reply.status}: ${reply.text.slice(0, 300)}`;
  const textual = /json|text|html/.test(reply.contentType);
  if (textual) for (const [pattern, what] of INTERNALS) if (pattern.test(reply.text)) return `the answer shows ${what}: ${reply.text.slice(0, 300)}`;
  // an error answer says what is wrong, briefly: not one issue per item of a hostile request
  if (reply.status >= 400 && reply.text.length > MAX_ERROR_ANSWER) return `an error answer of ${reply.text.length} characters: ${reply.text.slice(0, 300)}`;
  if (reply.status < 400) return reply.status >= 200 && reply.status < 300 ? null : `answered ${reply.status}`;
  if (!reply.contentType.includes('application/json')) return `a ${reply.status} in ${reply.contentType || 'no content type'}: ${reply.text.slice(0, 200)}`;
  let body: { error?: { code?: unknown; message?: unknown } };
  try {
    body = JSON.parse(reply.text);
  } catch {
    return `a ${reply.status} that is not JSON: ${reply.text.slice(0, 200)}`;
  }
  const code = body.error?.code;
  if (typeof code !== 'string' || typeof body.error?.message !== 'string' || !body.error.message) return `a ${reply.status} not shaped { error: { code, message } }: ${reply.text.slice(0, 200)}`;
  if (!isErrorCode(code)) return `unknown error code ${code}: ${reply.text.slice(0, 200)}`;
  if (ERRORS[code].status !== reply.status) return `${code} answered with ${reply.status}, the contract says ${ERRORS[code].status}`;
  return null;
}

const describeRequest = (op: Operation, r: FuzzRequest) =>
  `${op.method} ${r.path.length > 300 ? `${r.path.slice(0, 300)}…(${r.path.length} chars)` : r.path}${r.body ? ` [${r.body.contentType || 'no content type'}] ${r.body.text.length > 300 ? `${r.body.text.slice(0, 300)}…(${r.body.text.length} chars)` : r.body.text}` : ''}`;

/** The seed of one operation and persona: the run's seed and their names, so each replays alone. */
const seedOf = (operationId: string, persona: string) => [...`${operationId}/${persona}`].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) | 0, SEED);

/** What the fuzzing found, and a few classic attacks: tried on every run, whatever the seed. */
const KNOWN_HOSTILE: { what: string; method: string; path: (ids: { diagnosis: string }) => string; body?: string }[] = [
  { what: 'a bad percent-encoding in a path parameter', method: 'GET', path: () => '/api/enterprises/%ZZ' },
  { what: 'an overlong UTF-8 sequence in a path parameter', method: 'GET', path: () => '/api/reports/%C0%80' },
  { what: 'an encoded lone surrogate in a path parameter', method: 'GET', path: () => '/api/self-diagnoses/%ED%A0%80/result' },
  { what: 'a path parameter of 101 characters', method: 'GET', path: () => `/api/editions/${'e'.repeat(101)}` },
  { what: 'NUL in a path parameter', method: 'GET', path: () => '/api/sub-platforms/%00' },
  { what: 'an encoded lone surrogate in the query', method: 'GET', path: () => '/api/enterprises?after=%ED%A0%80' },
  { what: '__proto__ in the body', method: 'POST', path: () => '/api/auth/login', body: '{"__proto__":{"polluted":1},"username":"a","password":"b"}' },
  { what: 'constructor.prototype in the body', method: 'POST', path: () => '/api/auth/login', body: '{"constructor":{"prototype":{"polluted":1}},"username":"a","password":"b"}' },
  { what: 'nesting 20 000 deep', method: 'POST', path: () => '/api/score', body: `${'['.repeat(20_000)}${']'.repeat(20_000)}` },
  { what: '100 000 wrong items in a list the model checks (anonymous, no cookie needed)', method: 'POST', path: () => '/api/score', body: `{"enterpriseType":"discrete","tailored":[${Array(100_000).fill('1').join(',')}],"answers":{}}` },
  {
    what: '70 000 wrong answers in one 保存',
    method: 'PUT',
    path: ({ diagnosis }) => `/api/self-diagnoses/${diagnosis}/answers`,
    body: `{"answers":{${Array.from({ length: 70_000 }, (_, i) => `"k${i}":"X"`).join(',')}}}`,
  },
  { what: 'a body just over the limit', method: 'POST', path: () => '/api/auth/logout', body: `"${'x'.repeat(BODY_LIMIT)}"` },
];

type FuzzPersona = 'anonymous' | 'enterprise user' | 'platform admin';

describe.each(testDatabases)('fuzzing every operation on the $name database', ({ open }) => {
  // rate limits are not under test here: the personas' own logins must not run out with FUZZ_RUNS raised
  const p = usePlatform(open, { rateLimits: { register: 1e6, login: 1e6, reset: 1e6, score: 1e6 } });
  let operations: Operation[] = [];
  const pool: Pool = { known: [] };
  /** The enterprise user's diagnosis being answered. */
  let openDiagnosis = '';
  const personas = {} as Record<FuzzPersona, { client: Client; login: (() => Promise<Client>) | null }>;

  beforeAll(async () => {
    operations = await openApiOperations(p.base);
    const owner = await registeredClient(p);
    const completed = await completeSelfDiagnosis(owner.client);
    // and one being answered (一级 open), so answers reach the level rules
    const open = await owner.client.post<{ id: string; editionId: string }>('/api/self-diagnoses', { enterpriseType: 'discrete', tailored: [] });
    await owner.client.request('PUT', `/api/self-diagnoses/${open.body.id}/survey`, SAMPLE_SURVEY);
    openDiagnosis = open.body.id;
    const detail = await owner.client.get<{ answers: Record<string, string> }>(`/api/self-diagnoses/${completed.id}`);
    const bystander = await registeredClient(p);
    pool.known = [owner.enterpriseId, completed.id, open.body.id, completed.reportNumber, open.body.editionId, ...Object.keys(detail.body.answers).slice(0, 3), bystander.accountId, '320583', '110000', 'discrete', 'FI', 'NA'];
    const { username, password } = owner.form.account;
    personas.anonymous = { client: await anonymousClient(p), login: null };
    personas['enterprise user'] = { client: owner.client, login: () => loggedInClient(p, username, password) };
    personas['platform admin'] = { client: await adminClient(p), login: () => adminClient(p) };
  });

  it.each(KNOWN_HOSTILE)('answers $what briefly, in the contract’s shape', async ({ method, path, body }) => {
    for (const persona of Object.values(personas)) {
      const url = path({ diagnosis: openDiagnosis });
      const reply = await sendRaw(p.base, persona.client, method, url, body === undefined ? undefined : { text: body, contentType: 'application/json' });
      expect(problemOf(reply), `${method} ${url.slice(0, 120)}`).toBeNull();
    }
  });

  it.each(['anonymous', 'enterprise user', 'platform admin'] as const)(
    'no operation answers 5xx, an error without its contract shape, or internals, as %s',
    async (name) => {
      const persona = personas[name];
      const failures: string[] = [];
      for (const op of operations) {
        const seed = seedOf(op.id, name);
        const property = fc.asyncProperty(requestArbitrary(op, pool), async (request) => {
          const reply = await sendRaw(p.base, persona.client, op.method, request.path, request.body);
          // 退出 ends the persona's session: a new one for the next run
          if (reply.endsSession && persona.login) persona.client = await persona.login();
          const problem = problemOf(reply);
          if (problem) throw new Error(`${problem}\n    request: ${describeRequest(op, request)}`);
        });
        const details = await fc.check(property, { seed, numRuns: RUNS, endOnFailure: true });
        if (details.failed) {
          const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
          failures.push(`${op.id} as ${name}: ${error}\n    replay: FUZZ_SEED=${SEED} (seed ${details.seed}, path ${details.counterexamplePath})`);
        }
        // whatever the operation did, the persona keeps a live session for the next one
        if (persona.login) {
          const session = await persona.client.get<{ account: unknown }>('/api/session');
          if (!session.body.account) persona.client = await persona.login();
        }
      }
      expect(failures, `fuzz seed ${SEED}`).toEqual([]);
    },
    600_000,
  );
});
