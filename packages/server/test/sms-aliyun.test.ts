// SMS_MODE=aliyun: the official SDK talking HTTP to a local endpoint that speaks the provider's protocol
// (aliyun-sms-endpoint.ts; the real provider cannot be reached from the tests). The sender alone, then
// 忘记密码 through the HTTP stack on both databases, then the configuration in a real server process.
import type { Database } from '@cmmm/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aliyunSmsSender, type AliyunSmsSettings } from '../src/sms/aliyun-sms.ts';
import { SmsSendError } from '../src/sms.ts';
import type { ServiceContext } from '../src/context.ts';
import { MAX_CODES_PER_ADDRESS_HOUR, SMS_OUTAGE_MS } from '../src/services/accounts/reset-password.ts';
import { startAliyunSmsEndpoint, type AliyunSmsEndpoint } from './aliyun-sms-endpoint.ts';
import { Client, registration, startPlatform, testDatabases, type TestPlatform } from './harness.ts';
import { Browser, startServer } from './server-process.ts';

const credentials = { accessKeyId: 'LTAI5tCmmmTestKey', accessKeySecret: 'cmmm-test-secret-4f1b2c' };
const settingsFor = (endpoint: AliyunSmsEndpoint, secret = credentials.accessKeySecret): AliyunSmsSettings => ({
  accessKeyId: credentials.accessKeyId,
  accessKeySecret: secret,
  signName: '智能制造评估平台',
  templates: { passwordReset: 'SMS_480000001', certificateExpiry: 'SMS_480000002', certificateStatus: 'SMS_480000003' },
  endpoint: endpoint.url,
});
const quiet = { info: () => {}, warn: () => {} };
/** The sender never touches the context (only the outbox writes through it). */
const noContext = {} as ServiceContext;
type ErrorBody = { error: { code: string; message: string } };

let endpoint: AliyunSmsEndpoint;
beforeAll(async () => {
  endpoint = await startAliyunSmsEndpoint(credentials);
});
afterAll(() => endpoint.close());
beforeEach(() => {
  endpoint.behaviour = 'ok';
});

describe('the Aliyun SMS sender', () => {
  it('sends the approved template with the 签名 and the message\'s parameters, signed with the key', async () => {
    const sender = await aliyunSmsSender(settingsFor(endpoint), quiet);
    await sender.send(noContext, '13812345678', { template: 'certificateExpiry', params: { number: 'CMMM-3-20270105-ABCDEFGHIJ', date: '2030-01-04', days: '90' } });
    expect(endpoint.sent.at(-1)).toEqual({
      phoneNumbers: '13812345678',
      signName: '智能制造评估平台',
      templateCode: 'SMS_480000002',
      templateParam: { number: 'CMMM-3-20270105-ABCDEFGHIJ', date: '2030-01-04', days: '90' },
    });
  });

  it('tells the provider\'s flow control (throttled) from its refusals (rejected) and its outages (unavailable)', async () => {
    const sender = await aliyunSmsSender(settingsFor(endpoint), quiet);
    const failureOf = async () => {
      const error = await sender.send(noContext, '13812345678', { template: 'passwordReset', params: { code: '123456', minutes: '10' } }).then(() => null, (err: unknown) => err);
      return error instanceof SmsSendError ? [error.failure, error.providerCode] : error;
    };
    const cases: [AliyunSmsEndpoint['behaviour'], unknown][] = [
      ['throttled', ['throttled', 'isv.BUSINESS_LIMIT_CONTROL']],
      ['refused', ['rejected', 'isv.AMOUNT_NOT_ENOUGH']],
      ['down', ['unavailable', 'ServiceUnavailable']],
      ['ok', null],
    ];
    for (const [behaviour, expected] of cases) {
      endpoint.behaviour = behaviour;
      expect([behaviour, await failureOf()]).toEqual([behaviour, expected]);
    }
  });

  it('a wrong secret fails the endpoint\'s signature check: nothing is sent', async () => {
    const sender = await aliyunSmsSender(settingsFor(endpoint, 'not-the-secret'), quiet);
    const before = endpoint.sent.length;
    const error = await sender.send(noContext, '13812345678', { template: 'passwordReset', params: { code: '123456', minutes: '10' } }).catch((err: unknown) => err);
    expect(error instanceof SmsSendError && [error.failure, error.providerCode]).toEqual(['unavailable', 'SignatureDoesNotMatch']);
    expect(endpoint.sent.length).toBe(before);
  });
});

describe.each(testDatabases)('忘记密码 through Aliyun SMS on the $name database', { timeout: 60_000 }, ({ open }) => {
  let database: Database;
  let p: TestPlatform;
  beforeAll(async () => {
    database = await open();
    p = await startPlatform(database, {}, { sms: await aliyunSmsSender(settingsFor(endpoint), quiet) });
  });
  afterAll(async () => {
    await p?.close();
    await database?.close();
  });
  // Every test starts after the windows of the one before (per number, per address, the outage).
  beforeEach(() => p.clock.advance(24 * 3_600_000));

  const request = (mobile: string) => new Client(p.base).post<{ sentTo: string } & ErrorBody>('/api/auth/password-reset/request', { mobile });
  const registered = async () => {
    const form = registration();
    expect((await new Client(p.base).post('/api/auth/register', form)).status).toBe(201);
    return form;
  };

  it('sends the code through the provider; the user types it in and logs in with the new password', async () => {
    const form = await registered();
    const sent = await request(form.account.mobile);
    expect([sent.status, sent.body.sentTo]).toEqual([200, `${form.account.mobile.slice(0, 3)}****${form.account.mobile.slice(-4)}`]);
    const message = endpoint.sent.at(-1)!;
    expect([message.phoneNumbers, message.templateCode, message.templateParam.minutes]).toEqual([form.account.mobile, 'SMS_480000001', '10']);
    const client = new Client(p.base);
    expect((await client.post('/api/auth/password-reset/confirm', { mobile: form.account.mobile, code: message.templateParam.code, newPassword: 'Xinmima2026' })).status).toBe(204);
    expect((await client.post('/api/auth/login', { username: form.account.username, password: 'Xinmima2026' })).status).toBe(200);
  });

  it('limits a number to one code a minute before asking the provider, and passes on the provider\'s own flow control in Chinese', async () => {
    const form = await registered();
    expect((await request(form.account.mobile)).status).toBe(200);
    const calls = endpoint.calls;
    const again = await request(form.account.mobile);
    expect([again.status, again.body.error.code, again.body.error.message]).toEqual([429, 'RATE_LIMITED', '验证码发送过于频繁，请 60 秒后再试']);
    expect(endpoint.calls).toBe(calls); // refused here: the provider was not asked
    p.clock.advance(61_000);
    endpoint.behaviour = 'throttled';
    const throttled = await request(form.account.mobile);
    expect([throttled.status, throttled.body.error.code, throttled.body.error.message]).toEqual([429, 'RATE_LIMITED', '验证码发送过于频繁，请 60 秒后再试']);
    expect(endpoint.calls).toBe(calls + 1);
  });

  it('a provider error answers 503 SMS_UNAVAILABLE in Chinese, and so does every number while it lasts (no probing for registered ones)', async () => {
    const form = await registered();
    endpoint.behaviour = 'refused';
    const failed = await request(form.account.mobile);
    expect([failed.status, failed.body.error.code, failed.body.error.message]).toEqual([503, 'SMS_UNAVAILABLE', '短信暂时无法发送，请稍后再试']);
    expect(JSON.stringify(failed.body)).not.toMatch(/isv\.|AMOUNT|余额/); // the provider's reason stays in the log
    const unknown = await request('13000000001');
    expect([unknown.status, unknown.body.error.code]).toEqual([503, 'SMS_UNAVAILABLE']);
    p.clock.advance(SMS_OUTAGE_MS + 1);
    endpoint.behaviour = 'down';
    const stillDown = await request(form.account.mobile);
    expect([stillDown.status, stillDown.body.error.code]).toEqual([503, 'SMS_UNAVAILABLE']);
    p.clock.advance(SMS_OUTAGE_MS + 1);
    endpoint.behaviour = 'ok';
    expect((await request('13000000002')).status).toBe(200);
    expect((await request(form.account.mobile)).status).toBe(200);
  });

  it(`limits one address to ${MAX_CODES_PER_ADDRESS_HOUR} code requests an hour, over any numbers`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= MAX_CODES_PER_ADDRESS_HOUR; i++) statuses.push((await request(`1370000${String(i).padStart(4, '0')}`)).status);
    expect(statuses).toEqual([...Array<number>(MAX_CODES_PER_ADDRESS_HOUR).fill(200), 429]);
  });
});

describe('SMS_MODE=aliyun in a real server process', { timeout: 180_000 }, () => {
  it('reads the provider settings from the environment and sends the reset code through it', async () => {
    const server = await startServer({
      env: {
        SMS_MODE: 'aliyun',
        SMS_ACCESS_KEY_ID: credentials.accessKeyId,
        SMS_ACCESS_KEY_SECRET: credentials.accessKeySecret,
        SMS_SIGN_NAME: '智能制造评估平台',
        SMS_TEMPLATE_PASSWORD_RESET: 'SMS_480000101',
        SMS_TEMPLATE_CERTIFICATE_EXPIRY: 'SMS_480000102',
        SMS_TEMPLATE_CERTIFICATE_STATUS: 'SMS_480000103',
        SMS_ENDPOINT: endpoint.url,
      },
    });
    try {
      const browser = new Browser();
      const form = registration();
      expect((await browser.post(server.url, '/api/auth/register', form)).status).toBe(201);
      expect((await new Browser().post(server.url, '/api/auth/password-reset/request', { mobile: form.account.mobile })).status).toBe(200);
      expect(endpoint.sent.at(-1)).toMatchObject({ phoneNumbers: form.account.mobile, signName: '智能制造评估平台', templateCode: 'SMS_480000101' });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('refuses to start half-configured, naming every missing setting', async () => {
    const error = await startServer({ env: { SMS_MODE: 'aliyun', SMS_SIGN_NAME: '智能制造评估平台' }, timeoutMs: 60_000 }).then(() => null, (err: Error) => err.message);
    expect(error).toMatch(/exited \(1\)/);
    for (const name of ['SMS_ACCESS_KEY_ID', 'SMS_ACCESS_KEY_SECRET', 'SMS_TEMPLATE_PASSWORD_RESET', 'SMS_TEMPLATE_CERTIFICATE_EXPIRY']) expect(error).toContain(name);
    expect(error).not.toContain('SMS_SIGN_NAME');
  });
});
