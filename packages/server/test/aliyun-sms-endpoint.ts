// A local HTTP endpoint that speaks Aliyun SMS's protocol (Dysmsapi 2017-05-25 SendSms over the ACS3
// signed RPC style), written from the provider's documentation rather than from the SDK: it checks the
// ACS3-HMAC-SHA256 signature with the secret it was given, and answers as the provider does — HTTP 200
// with Code "OK", HTTP 200 with a business code (isv.BUSINESS_LIMIT_CONTROL for its per-number flow
// control, others for refusals), or an HTTP error for its own trouble.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type EndpointBehaviour = 'ok' | 'throttled' | 'refused' | 'down';

export interface ReceivedSms {
  phoneNumbers: string;
  signName: string;
  templateCode: string;
  templateParam: Record<string, string>;
}

export interface AliyunSmsEndpoint {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Messages it accepted (Code OK), oldest first. */
  sent: ReceivedSms[];
  /** Every SendSms call that reached it with a valid signature, whatever it answered. */
  calls: number;
  /** What the next calls are answered. */
  behaviour: EndpointBehaviour;
  close(): Promise<void>;
}

/** RFC 3986 percent-encoding, as the ACS3 canonical request wants it. */
const percent = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Recomputes the request's ACS3-HMAC-SHA256 signature; returns the problem, or null when it verifies. */
function signatureProblem(req: IncomingMessage, body: Buffer, credentials: { accessKeyId: string; accessKeySecret: string }): string | null {
  const auth = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(req.headers.authorization ?? '');
  if (!auth) return 'no ACS3-HMAC-SHA256 Authorization header';
  const [, keyId, signedHeaders, signature] = auth as unknown as [string, string, string, string];
  if (keyId !== credentials.accessKeyId) return `unknown AccessKeyId ${keyId}`;
  const payloadHash = sha256(body);
  if (req.headers['x-acs-content-sha256'] !== payloadHash) return 'x-acs-content-sha256 does not match the body';
  const url = new URL(req.url!, 'http://endpoint');
  const query = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${percent(k)}=${percent(v)}`).join('&');
  const names = signedHeaders.split(';');
  for (const required of ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256']) {
    if (!names.includes(required)) return `header ${required} is not signed`;
  }
  const headers = names.map((name) => `${name}:${String(req.headers[name] ?? '').trim()}\n`).join('');
  const canonical = [req.method, url.pathname, query, headers, signedHeaders, payloadHash].join('\n');
  const expected = createHmac('sha256', credentials.accessKeySecret).update(`ACS3-HMAC-SHA256\n${sha256(canonical)}`).digest('hex');
  return expected === signature ? null : 'the signature does not match';
}

export async function startAliyunSmsEndpoint(credentials: { accessKeyId: string; accessKeySecret: string }): Promise<AliyunSmsEndpoint> {
  const state = { sent: [] as ReceivedSms[], calls: 0, behaviour: 'ok' as EndpointBehaviour };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const requestId = randomUUID().toUpperCase();
      const answer = (status: number, body: Record<string, string>) => {
        res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'x-acs-request-id': requestId });
        res.end(JSON.stringify({ RequestId: requestId, ...body }));
      };
      const problem = signatureProblem(req, Buffer.concat(chunks), credentials);
      if (problem) return answer(400, { Code: 'SignatureDoesNotMatch', Message: `Specified signature is not matched with our calculation: ${problem}` });
      if (req.headers['x-acs-action'] !== 'SendSms' || req.headers['x-acs-version'] !== '2017-05-25') return answer(404, { Code: 'InvalidAction.NotFound', Message: 'Specified api is not found' });
      const q = new URL(req.url!, 'http://endpoint').searchParams;
      const message = { phoneNumbers: q.get('PhoneNumbers') ?? '', signName: q.get('SignName') ?? '', templateCode: q.get('TemplateCode') ?? '', templateParam: JSON.parse(q.get('TemplateParam') ?? '{}') as Record<string, string> };
      if (!message.phoneNumbers || !message.signName || !message.templateCode) return answer(400, { Code: 'MissingParameter', Message: 'PhoneNumbers, SignName and TemplateCode are mandatory' });
      state.calls += 1;
      switch (state.behaviour) {
        case 'ok':
          state.sent.push(message);
          return answer(200, { Code: 'OK', Message: 'OK', BizId: `${Date.now()}^0` });
        case 'throttled':
          return answer(200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1' });
        case 'refused':
          return answer(200, { Code: 'isv.AMOUNT_NOT_ENOUGH', Message: '账户余额不足' });
        case 'down':
          return answer(503, { Code: 'ServiceUnavailable', Message: 'The request has failed due to a temporary failure of the server.' });
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const endpoint: AliyunSmsEndpoint = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get sent() {
      return state.sent;
    },
    get calls() {
      return state.calls;
    },
    get behaviour() {
      return state.behaviour;
    },
    set behaviour(value) {
      state.behaviour = value;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
  return endpoint;
}
