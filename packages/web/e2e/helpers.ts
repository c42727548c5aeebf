// Shared by the specs: the server's address and admin password, test data, API calls with CSRF.
import { creditCodeCheckCharacter, CREDIT_CODE_CHARSET } from '@cmmm/reference/credit-code';
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const baseURL = (): string => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run through playwright.config.ts (global-setup.ts)');
  return url;
};
export const adminOneTimePassword = (): string => process.env.E2E_ADMIN_PASSWORD ?? '';
/** The admin's password after the forced change (01-admin.spec.ts sets it first). */
export const ADMIN_PASSWORD = 'Admin-e2e-2025';
export const SCREENS_DIR = resolve(import.meta.dirname, '../test-results/screens');

let serial = 0;
/** A unique valid credit code registered in 北京市海淀区 (110108). */
export function newCreditCode(): string {
  serial += 1;
  const body = `${Date.now().toString(36).toUpperCase()}${serial}`.replace(/[IOZSV]/g, 'A').padStart(9, '0').slice(-9);
  const first17 = `91110108${[...body].map((c) => (CREDIT_CODE_CHARSET.includes(c) ? c : '0')).join('')}`;
  return first17 + (creditCodeCheckCharacter(first17) ?? '0');
}
/** The same code with a wrong check character. */
export function withWrongCheck(code: string): string {
  const check = code.charAt(17);
  return code.slice(0, 17) + (check === '1' ? '2' : '1');
}
export const uniqueSuffix = (): string => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

export function newMobile(): string {
  return `139${String(Date.now()).slice(-8)}`;
}

/** An API client that keeps cookies and sends the CSRF header. */
export async function apiClient(): Promise<{ context: APIRequestContext; post: (path: string, body: unknown) => Promise<{ status: number; body: unknown }>; get: (path: string) => Promise<unknown> }> {
  const context = await playwrightRequest.newContext({ baseURL: baseURL() });
  const csrf = async () => (await context.storageState()).cookies.find((c) => c.name === 'cmmm_csrf')?.value ?? '';
  await context.get('/api/session');
  return {
    context,
    post: async (path, body) => {
      const response = await context.post(path, { data: body, headers: { 'x-csrf-token': await csrf() } });
      const text = await response.text();
      return { status: response.status(), body: text ? (JSON.parse(text) as unknown) : null };
    },
    get: async (path) => (await context.get(path)).json() as Promise<unknown>,
  };
}

/** Logs the platform admin in through the API, changing the one-time password first if needed. */
export async function adminApi() {
  const client = await apiClient();
  let login = await client.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
  if (login.status !== 200) {
    login = await client.post('/api/auth/login', { username: 'admin', password: adminOneTimePassword() });
    expect(login.status).toBe(200);
    const change = await client.post('/api/auth/password', { currentPassword: adminOneTimePassword(), newPassword: ADMIN_PASSWORD });
    expect(change.status).toBe(204);
  }
  return client;
}

export interface TestEnterprise {
  username: string;
  password: string;
  mobile: string;
  name: string;
  creditCode: string;
}

export function newEnterprise(): TestEnterprise {
  const suffix = uniqueSuffix();
  return { username: `ent${suffix}`, password: 'Passw0rd-e2e', mobile: newMobile(), name: `测试精密制造有限公司${suffix}`, creditCode: newCreditCode() };
}

/** Registers through the API (for specs that need an existing enterprise), by default in 北京市海淀区. */
export async function registerByApi(enterprise: TestEnterprise, regionCode = '110108'): Promise<void> {
  const client = await apiClient();
  const answer = await client.post('/api/auth/register', {
    account: { username: enterprise.username, password: enterprise.password, mobile: enterprise.mobile },
    enterprise: {
      name: enterprise.name,
      creditCode: enterprise.creditCode,
      organisationType: 'independent',
      industryCode: '361',
      regionCode,
      enterpriseType: 'discrete',
      contactName: '张三',
      contactMobile: enterprise.mobile,
    },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  await client.context.dispose();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: resolve(SCREENS_DIR, `${name}.png`), fullPage: true });
}

/** Picks a cascader path by typing into its search box and choosing the match. */
export async function pickCascader(page: Page, label: string | RegExp, search: string, optionText: string | RegExp): Promise<void> {
  await page.getByLabel(label).click();
  await page.getByLabel(label).fill(search);
  await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item', { hasText: optionText }).first().click();
}

/**
 * Visible text outside elements marked lang="zh…" (names, standard text) and the user's own name:
 * in English there must be none.
 */
export async function chineseUiText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || !/[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/.test(text)) continue;
      if (parent.closest('[lang^="zh"]') !== document.documentElement && parent.closest('[lang^="zh"]')) continue;
      if (parent.closest('[hidden], [aria-hidden="true"], script, style')) continue;
      if (parent.closest('[data-testid="account-menu"]')) continue; // the user's own name
      const style = getComputedStyle(parent);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      found.push(text.trim());
    }
    return found;
  });
}
