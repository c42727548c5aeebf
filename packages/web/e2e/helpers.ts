// Shared by the specs: test data, API calls with CSRF, the admin's login, waits for the page to settle.
import { creditCodeCheckCharacter, CREDIT_CODE_CHARSET } from '@cmmm/reference/credit-code';
import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Platform } from './fixtures.ts';

/** The admin's password once the one-time one is changed (01-admin.spec.ts through the page, adminApi otherwise). */
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
export async function apiClient(platform: Platform): Promise<{ context: APIRequestContext; post: (path: string, body: unknown) => Promise<{ status: number; body: unknown }>; get: (path: string) => Promise<unknown> }> {
  const context = await playwrightRequest.newContext({ baseURL: platform.baseURL });
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

/** Logs the platform admin in through the API; on the one-time password, changes it first. */
export async function adminApi(platform: Platform) {
  const client = await apiClient(platform);
  const { admin } = platform;
  const login = await client.post('/api/auth/login', { username: admin.username, password: admin.password });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  if ((login.body as { account?: { mustChangePassword?: boolean } }).account?.mustChangePassword) {
    const change = await client.post('/api/auth/password', { currentPassword: admin.password, newPassword: ADMIN_PASSWORD });
    expect(change.status, JSON.stringify(change.body)).toBe(204);
    admin.password = ADMIN_PASSWORD;
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
export async function registerByApi(platform: Platform, enterprise: TestEnterprise, regionCode = '110108'): Promise<void> {
  const client = await apiClient(platform);
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

/** Logs an enterprise user in through the login page. */
export async function login(page: Page, e: TestEnterprise): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(e.username);
  await page.getByLabel('密码').fill(e.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/enterprise$/);
}

/** Below antd's lg breakpoint the header swaps its navigation for a menu button. */
const LG = 992;

/**
 * Sets the viewport, then waits until the page has laid itself out for it (the header shows the
 * navigation that belongs to the width: antd's breakpoints re-render every responsive part at once)
 * and its charts are drawn again and still.
 */
export async function resize(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await expect(page.locator('header.app-header nav.app-nav')).toHaveCount(viewport.width < LG ? 0 : 1);
  await chartsSettled(page);
}

/**
 * Waits until every chart canvas (echarts, see components/Chart.tsx) is drawn and no longer changes
 * over a few animation frames: its entry animation (or a redraw after a resize) is over. `atLeast`:
 * the number of charts the page must have.
 */
export async function chartsSettled(page: Page, atLeast = 0): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async (atLeast) => {
          const canvases = [...document.querySelectorAll<HTMLCanvasElement>('[data-testid$="-chart"] canvas')];
          const blank = (c: HTMLCanvasElement) => Object.assign(document.createElement('canvas'), { width: c.width, height: c.height }).toDataURL();
          const before = canvases.map((c) => c.toDataURL());
          for (let frame = 0; frame < 5; frame++) await new Promise(requestAnimationFrame);
          return canvases.length >= atLeast && canvases.every((c, i) => before[i] !== blank(c) && before[i] === c.toDataURL());
        }, atLeast),
      { message: 'the charts are still drawing' },
    )
    .toBe(true);
}

/**
 * Picks an option of an antd Select by its label, and waits until the select shows it. On a loaded
 * machine a click can land while the previous dropdown is still closing; then the pick is tried again.
 */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  // The chosen label shows inside the form item (the dropdown itself is rendered elsewhere, in the body).
  const field = page.locator('.ant-form-item', { has: page.getByRole('combobox', { name: label }) });
  await expect(async () => {
    if (!(await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).isVisible())) await page.getByRole('combobox', { name: label }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click({ timeout: 2_000 });
    await expect(field).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** 退出 from the account menu, retrying a click that landed while the menu was still opening or closing (a flake seen under load). */
export async function logOutFromMenu(page: Page): Promise<void> {
  const item = page.getByRole('menuitem', { name: '退出' });
  await expect(async () => {
    if (!(await item.isVisible())) await page.getByTestId('account-menu').click();
    await item.click({ timeout: 2_000 });
    await expect(page).toHaveURL(/\/$/, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}

/** An API call with the page's cookies and CSRF token: `status` expected exactly, or any 2xx. */
export async function pageApiCall<T>(page: Page, method: 'post' | 'put', path: string, data: unknown, status?: number): Promise<T> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'cmmm_csrf')?.value ?? '';
  const response: APIResponse = await page.request[method](path, { data, headers: { 'x-csrf-token': csrf } });
  const text = await response.text();
  if (status !== undefined) expect(response.status(), `${method} ${path}: ${text}`).toBe(status);
  else expect(response.ok(), `${method} ${path}: ${response.status()} ${text}`).toBe(true);
  return (text ? JSON.parse(text) : null) as T;
}

/** 新建 (discrete, nothing tailored) through the API as the enterprise logged in on the page; returns the diagnosis id. */
export async function createSelfDiagnosisByApi(page: Page): Promise<string> {
  return (await pageApiCall<{ id: string }>(page, 'post', '/api/self-diagnoses', { enterpriseType: 'discrete', tailored: [] })).id;
}

/** 调查问卷 saved through the API: answering opens at 一级. */
export async function submitSurveyByApi(page: Page, id: string): Promise<void> {
  await pageApiCall(page, 'put', `/api/self-diagnoses/${id}/survey`, {
    employees: 120,
    revenueBand: 'lt300',
    mainProducts: '精密零件',
    productionMode: 'mass',
    informationSystems: ['ERP', 'MES'],
    networkedEquipmentShare: 40,
    ncEquipmentShare: 50,
  });
}

/** 一级 all 全部满足, 二级 answered by `secondLevel` (不满足 by default), each submitted through the API: 一级 reached, 二级 not. */
export async function answerLevelsByApi(page: Page, id: string, secondLevel: (index: number) => 'NI' | 'PI' = () => 'NI'): Promise<void> {
  for (const level of [1, 2]) {
    const questionnaire = (await (await page.request.get(`/api/self-diagnoses/${id}/questionnaire?level=${level}`)).json()) as {
      elements: { domains: { subdomains: { items: { requirement: { id: string } }[] }[] }[] }[];
    };
    const ids = questionnaire.elements.flatMap((e) => e.domains.flatMap((d) => d.subdomains.flatMap((s) => s.items.map((it) => it.requirement.id))));
    await pageApiCall(page, 'put', `/api/self-diagnoses/${id}/answers`, { answers: Object.fromEntries(ids.map((x, i) => [x, level === 1 ? 'FI' : secondLevel(i)])) });
    const submitted = await pageApiCall<{ reached: boolean; completed: boolean }>(page, 'post', `/api/self-diagnoses/${id}/submit`, {});
    expect(submitted.reached).toBe(level === 1);
    if (submitted.completed) break;
  }
}

/**
 * 新建 → 调查问卷 → 一级 all 全部满足 → 二级 answered by `secondLevel` (不满足 by default), through the API as the
 * enterprise logged in on the page: 一级 reached, 二级 not. Returns the diagnosis id.
 */
export async function completeSelfDiagnosisByApi(page: Page, secondLevel: (index: number) => 'NI' | 'PI' = () => 'NI'): Promise<string> {
  const id = await createSelfDiagnosisByApi(page);
  await submitSurveyByApi(page, id);
  await answerLevelsByApi(page, id, secondLevel);
  return id;
}
