// Accessibility as a test (issue 12 §8): axe-core scans every page of the flow — the public pages, the
// enterprise's self-diagnosis from 新建 to the result and its verification page, the platform admin's
// pages — in Chinese and in English, against WCAG 2.0/2.1 A and AA. No violation of impact serious or
// critical may remain; a failure lists each one with its rule, impact and the nodes it was found on.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { createBody, type Client } from './formal-helpers.ts';
import { adminApi, apiClient, chartsSettled, completeSelfDiagnosisByApi, newEnterprise, pageApiCall, registerByApi } from './helpers.ts';

type Lang = 'zh-CN' | 'en';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

test.use({ actionTimeout: 15_000 });

interface Found {
  page: string;
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** The page's browser context takes over the session of an API client (logging in is rate-limited: once per person). */
async function useSession(page: Page, client: Client): Promise<void> {
  await page.context().clearCookies();
  await page.context().addCookies((await client.context.storageState()).cookies);
}

/**
 * Waits for the page's own content (`ready`), for the loading placeholders to be gone and the
 * network to be quiet, then scans it; the serious and critical violations go to `found`.
 */
async function scan(page: Page, lang: Lang | undefined, name: string, ready: (page: Page) => Locator, found: Found[]): Promise<void> {
  await expect(ready(page).first(), `${name}: its content did not show`).toBeVisible();
  if (lang) await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('.ant-skeleton, .ant-spin-spinning')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  for (const v of results.violations) {
    if (!BLOCKING.has(v.impact ?? '')) continue;
    found.push({ page: name, id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`) });
  }
}

/** Each violation: the page, the rule, its impact and (the first few of) the nodes it was found on. */
function report(found: Found[]): string {
  const SHOWN = 8;
  return found
    .map((f) => {
      const more = f.nodes.length > SHOWN ? [`    … and ${f.nodes.length - SHOWN} more`] : [];
      return [`[${f.page}] ${f.id} (${f.impact}): ${f.help}`, ...f.nodes.slice(0, SHOWN).map((n) => `    ${n}`), ...more].join('\n');
    })
    .join('\n');
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

for (const lang of ['zh-CN', 'en'] as const) {
  test(`every page of the flow has no serious or critical WCAG violation (${lang})`, async ({ page, platform }) => {
    // About 30 pages, each scanned for a few seconds (the result page for ten): minutes on a loaded machine.
    test.setTimeout(420_000);
    await page.addInitScript((l) => localStorage.setItem('cmmm.lang', l), lang);
    const found: Found[] = [];
    const visit = async (path: string, name: string, ready: (page: Page) => Locator = h1) => {
      await page.goto(path);
      await scan(page, lang, name, ready, found);
    };

    // Public pages.
    await visit('/', 'home', (p) => p.locator('.levels'));
    await visit('/register', 'register', (p) => p.locator('form'));
    await visit('/login', 'login', (p) => p.locator('form'));
    await visit('/forgot-password', 'forgot-password', (p) => p.locator('form'));
    await visit('/directory', 'directory (certified enterprises)', (p) => p.locator('.ant-table-row'));
    await visit('/directory?tab=assessors', 'directory (assessors)', (p) => p.getByTestId('directory-assessors'));
    await visit('/directory?tab=bodies', 'directory (assessment bodies)', (p) => p.getByTestId('directory-bodies'));
    await visit('/public-notices', 'public-notices');
    await visit('/statistics', 'public statistics', (p) => p.getByTestId('dash-levels-table'));

    // An assessment body, so that an enterprise can apply for a formal assessment (the form shows).
    const admin = await adminApi(platform);
    await createBody(admin);

    // The enterprise: its home, 新建, the survey, answering, the list, the result and its verification
    // page; the formal assessments and internal assessors of its navigation.
    const enterprise = newEnterprise();
    await registerByApi(platform, enterprise);
    const client = await apiClient(platform);
    expect((await client.post('/api/auth/login', { username: enterprise.username, password: enterprise.password })).status).toBe(200);
    await useSession(page, client);
    await client.context.dispose();
    await visit('/enterprise', 'enterprise home', (p) => p.getByTestId('self-diagnosis-slot'));
    await visit('/self-diagnoses/new', 'self-diagnosis: new', (p) => p.getByTestId('model-table'));
    const completed = await completeSelfDiagnosisByApi(page);
    const { id } = await pageApiCall<{ id: string }>(page, 'post', '/api/self-diagnoses', { enterpriseType: 'discrete', tailored: [] });
    await visit(`/self-diagnoses/${id}`, 'self-diagnosis: survey', (p) => p.locator('.survey-form'));
    await pageApiCall(page, 'put', `/api/self-diagnoses/${id}/survey`, { employees: 80, revenueBand: 'lt300', mainProducts: '精密零件', productionMode: 'mass', informationSystems: ['ERP'], networkedEquipmentShare: 30, ncEquipmentShare: 40 });
    await visit(`/self-diagnoses/${id}`, 'self-diagnosis: answering', (p) => p.locator('fieldset.question'));
    // The list: one completed (valid result), one in progress.
    await visit('/self-diagnoses', 'self-diagnosis: list', (p) => p.locator('.ant-table-row').nth(1));
    await visit(`/self-diagnoses/${completed}/result`, 'self-diagnosis: result', (p) => p.getByTestId('roadmap'));
    await chartsSettled(page, 2);
    const verifyHref = await page.getByTestId('report-number').getByRole('link').getAttribute('href');
    expect(verifyHref).toMatch(/^\/verify\/ZD-/);
    await visit('/formal-assessments', 'formal assessments (enterprise)', (p) => p.locator('.ant-table'));
    await visit('/formal-assessments/apply', 'formal assessment: application', (p) => p.locator('form'));
    await visit('/assessors', 'internal assessors', (p) => p.locator('.ant-table'));
    await visit('/account/password', 'change password', (p) => p.locator('form'));
    // The verification page (server-rendered, in both languages at once).
    await page.goto(verifyHref!);
    await scan(page, undefined, 'verify', h1, found);

    // The platform admin's pages, as its navigation lists them (and the tabs of 平台管理).
    await useSession(page, admin);
    await admin.context.dispose();
    await visit('/admin', 'admin: accounts', (p) => p.locator('.ant-table-row'));
    await visit('/admin?tab=sub-platforms', 'admin: sub-platforms', (p) => p.locator('.ant-table-row'));
    await visit('/admin?tab=sms', 'admin: SMS outbox', (p) => p.locator('.ant-table'));
    await visit('/admin/enterprises', 'admin: enterprises', (p) => p.locator('.ant-table-row'));
    await visit('/formal-assessments', 'admin: formal assessments', (p) => p.locator('.ant-table'));
    await visit('/assessors', 'admin: assessors', (p) => p.locator('.ant-table'));
    await visit('/assessment-bodies', 'admin: assessment bodies', (p) => p.locator('.ant-table-row'));
    await visit('/trainings', 'admin: trainings', (p) => p.locator('.ant-table'));
    await visit('/certificates', 'admin: certificate records', (p) => p.getByRole('combobox'));
    await visit('/admin/audit', 'admin: audit trail', (p) => p.locator('.ant-table-row'));
    await visit('/certificate-management', 'admin: certificate management', (p) => p.locator('.ant-table'));
    await visit('/public-notices', 'admin: public notices');

    expect(found.length, `serious or critical WCAG violations (${lang}):\n${report(found)}`).toBe(0);
  });
}
