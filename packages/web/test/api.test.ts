// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, NetworkError, readCookie } from '../src/api.ts';
import { errorMessage, issueMessage } from '../src/errors.ts';
import { translator } from '../src/i18n.tsx';

type FetchArgs = [string, RequestInit];

function stubFetch(status: number, body: unknown) {
  const fetchMock = vi.fn(async (..._args: FetchArgs) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const headersOf = (init: RequestInit | undefined) => new Headers(init?.headers);

describe('api client', () => {
  beforeEach(() => {
    document.cookie = 'cmmm_csrf=token-from-cookie; path=/';
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.cookie = 'cmmm_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('reads a cookie by name', () => {
    expect(readCookie('cmmm_csrf', 'a=1; cmmm_csrf=abc%3D; b=2')).toBe('abc=');
    expect(readCookie('missing', 'a=1')).toBeUndefined();
  });

  it('sends the CSRF cookie as x-csrf-token on state-changing requests', async () => {
    const fetchMock = stubFetch(204, undefined);
    await api.changePassword('old-pass1', 'new-pass1');
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/auth/password');
    expect(init?.method).toBe('POST');
    expect(headersOf(init).get('x-csrf-token')).toBe('token-from-cookie');
    expect(JSON.parse(String(init?.body))).toEqual({ currentPassword: 'old-pass1', newPassword: 'new-pass1' });
  });

  it('sends no CSRF header on GET', async () => {
    const fetchMock = stubFetch(200, { subPlatforms: [] });
    await api.subPlatforms();
    expect(headersOf(fetchMock.mock.calls[0]?.[1]).has('x-csrf-token')).toBe(false);
  });

  it('turns an error body into ApiError with code, message and issues', async () => {
    const issues = [{ code: 'CREDIT_CODE_CHECK', path: 'enterprise.creditCode', message: '统一社会信用代码校验位不正确，请核对后重新输入' }];
    stubFetch(400, { error: { code: 'CREDIT_CODE_CHECK', message: '统一社会信用代码校验位不正确，请核对后重新输入', issues } });
    const error = await api.login('someone', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('CREDIT_CODE_CHECK');
    expect(apiError.issues).toEqual(issues);
    expect(errorMessage(apiError, 'zh-CN', translator('zh-CN'))).toBe('统一社会信用代码校验位不正确，请核对后重新输入');
    expect(errorMessage(apiError, 'en', translator('en'))).toBe('The check character of the credit code is wrong');
    expect(issueMessage({ code: 'VALIDATION', path: 'x', message: '请填写' }, 'en', translator('en'))).toBe('This field is not valid');
  });

  it('turns a non-JSON failure into ApiError and an unreachable server into NetworkError', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })));
    await expect(api.session()).rejects.toMatchObject({ code: 'INTERNAL', status: 502 });
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await api.session().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(errorMessage(error, 'zh-CN', translator('zh-CN'))).toBe('无法连接服务器，请检查网络后重试');
  });
});
