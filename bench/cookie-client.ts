// A browser-like API client for the bench's setup: keeps the cookies the server sets and sends the
// CSRF header, as the web app does. Not measured itself.
export interface CookieClient {
  call(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  /** The Cookie (and CSRF) headers of the session so far, for a load tool's requests. */
  headers(): Record<string, string>;
  /** The cookies as name/value pairs, for a browser context. */
  cookies(): [string, string][];
}

export function cookieClient(url: string): CookieClient {
  const jar = new Map<string, string>();
  const headers = (): Record<string, string> => ({ cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(jar.has('cmmm_csrf') ? { 'x-csrf-token': jar.get('cmmm_csrf')! } : {}) });
  return {
    headers,
    cookies: () => [...jar],
    async call(method, path, body) {
      const sent = { ...headers(), ...(body ? { 'content-type': 'application/json' } : {}) };
      const res = await fetch(`${url}${path}`, { method, headers: sent, body: body ? JSON.stringify(body) : undefined });
      for (const c of res.headers.getSetCookie()) {
        const [k, v] = c.split(';')[0]!.split('=');
        jar.set(k!, v!);
      }
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    },
  };
}
