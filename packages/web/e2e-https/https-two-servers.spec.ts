// 企业自诊断 through the deployment of docs/OPERATIONS.md (edge.ts): Chromium → https://127.0.0.1:<port>
// (nginx, HTTP/2, the test's self-signed certificate) → two app servers on one PostgreSQL database.
// Register → 一级 through the pages → result → report; cookies Secure, HSTS sent, links and the report's
// QR code on PUBLIC_URL, requests in both servers' logs, and one server killed in the middle of 一级
// without the user seeing more than the autosave retrying once.
import { test as base, expect, type Page, type Response } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { choose, newEnterprise, pageApiCall, pickCascader } from '../e2e/helpers.ts';
import { NGINX, startEdge, type AppServer, type Edge } from './edge.ts';

const databaseServer = process.env.TEST_DATABASE_URL;

/** The deployment, started once per worker; pages and page.request go to nginx's https address. */
const test = base.extend<object, { edge: Edge }>({
  edge: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const edge = await startEdge(databaseServer!);
      try {
        await use(edge);
      } finally {
        await edge.stop();
      }
    },
    { scope: 'worker', timeout: 300_000 },
  ],
  baseURL: async ({ edge }, use) => use(edge.url),
});

test.skip(!databaseServer, 'needs TEST_DATABASE_URL (a PostgreSQL server the two app servers share); .ci/run sets it');
test.skip(!NGINX && !process.env.CI, 'needs nginx (apt-get install nginx-light); .ci/run installs it');

/** Requests each server logged (fastify's "incoming request" lines), by URL. */
function requestsIn(server: AppServer): string[] {
  return server
    .log()
    .split('\n')
    .filter((line) => line.includes('"incoming request"'))
    .map((line) => (JSON.parse(line) as { req: { url: string } }).req.url);
}

const questions = (page: Page) => page.locator('fieldset[data-testid^="question-"]');

async function answerAllFullyMet(page: Page) {
  const list = questions(page);
  const n = await list.count();
  for (let i = 0; i < n; i++) await list.nth(i).getByRole('radio', { name: '全部满足', exact: true }).check();
}

async function openSubdomain(page: Page, id: string) {
  await page.getByTestId(`nav-${id}`).click();
  await expect(page.getByTestId(`nav-${id}`)).toHaveAttribute('aria-current', 'step');
  await expect(questions(page).first()).toHaveAttribute('data-testid', new RegExp(`^question-${id.replace('-', '\\-')}\\.`));
}

test('register → 一级 → result → report over HTTPS through nginx, on two servers, one of them killed mid-flow', async ({ page, edge }) => {
  test.setTimeout(300_000);
  // What the user would notice: answers of 500 and above, and requests that got no answer at all.
  const failures: string[] = [];
  page.on('response', (r: Response) => {
    if (r.status() >= 500) failures.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => failures.push(`failed ${r.method()} ${r.url()}: ${r.failure()?.errorText}`));

  // The home page, over https: HSTS from the app (PUBLIC_URL is https), HTTP/2 from nginx.
  const home = await page.goto('/');
  expect(home?.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  expect((await home!.securityDetails())?.protocol).toMatch(/^TLS 1\.[23]$/);

  // 注册 through the form.
  const e = newEnterprise();
  await page.getByRole('main').getByRole('link', { name: '注册' }).click();
  await page.getByLabel('用户名').fill(e.username);
  await page.getByLabel('密码', { exact: true }).fill(e.password);
  await page.getByLabel('确认密码').fill(e.password);
  await page.getByLabel('手机号码').fill(e.mobile);
  await page.getByLabel('企业名称').fill(e.name);
  await page.getByLabel('统一社会信用代码').fill(e.creditCode);
  await pickCascader(page, '所属行业', '汽车整车', '汽车整车制造');
  await pickCascader(page, '所在地区', '海淀', '海淀区');
  await page.getByLabel('联系人').fill('张三');
  await page.getByLabel('联系电话').fill(e.mobile);
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page).toHaveURL(/\/enterprise$/);

  // The session and CSRF cookies are Secure (PUBLIC_URL is https), the session's also httpOnly.
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'cmmm_session');
  const csrf = cookies.find((c) => c.name === 'cmmm_csrf');
  expect([session?.secure, session?.httpOnly, session?.sameSite]).toEqual([true, true, 'Lax']);
  expect(csrf?.secure).toBe(true);

  // 新建自诊断 → 调查问卷 → 一级.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '企业自诊断' }).click();
  await page.getByRole('button', { name: '新建自诊断' }).click();
  await page.getByRole('button', { name: '开始答题' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '开始答题' }).click();
  await expect(page).toHaveURL(/\/self-diagnoses\/[0-9a-f-]{36}$/);
  const diagnosisId = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { level: 1, name: '调查问卷' })).toBeVisible();
  await page.getByRole('spinbutton', { name: '员工人数' }).fill('320');
  await choose(page, '年营业收入', '2000 万—4 亿元');
  await page.getByRole('textbox', { name: '主要产品' }).fill('汽车零部件');
  await choose(page, '生产模式', '多品种小批量');
  await page.getByRole('checkbox', { name: 'ERP 企业资源计划' }).check();
  await page.getByRole('spinbutton', { name: '设备联网率（%）' }).fill('60');
  await page.getByRole('spinbutton', { name: '关键工序数控化率（%）' }).fill('50');
  await page.getByRole('button', { name: '保存，开始答题' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认保存' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '自诊断答题：一级（规划级）' })).toBeVisible();

  const subdomains = (await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''))).map((id) => id.slice('nav-'.length));
  const half = Math.floor(subdomains.length / 2);
  for (const sub of subdomains.slice(0, half)) {
    await openSubdomain(page, sub);
    await answerAllFullyMet(page);
  }
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  // nginx has spread the requests so far over both servers.
  const [a, b] = edge.servers;
  expect(requestsIn(a).length, 'requests on server A').toBeGreaterThan(0);
  expect(requestsIn(b).length, 'requests on server B').toBeGreaterThan(0);

  // Server B dies while an answer is being saved; the user goes on answering.
  await openSubdomain(page, subdomains[half]!);
  const list = questions(page);
  await list.first().getByRole('radio', { name: '全部满足', exact: true }).check();
  await b.kill();
  const servedByA = requestsIn(a).length;
  await answerAllFullyMet(page);
  for (const sub of subdomains.slice(half + 1)) {
    await openSubdomain(page, sub);
    await answerAllFullyMet(page);
  }
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 45_000 });
  expect(requestsIn(a).length, 'server A took over').toBeGreaterThan(servedByA);

  // 提交一级: reached; 二级 opens.
  await page.getByTestId('submit-level').click();
  const anyway = page.getByRole('button', { name: '仍然提交' });
  const reached = page.getByTestId('level-reached');
  await expect(anyway.or(reached)).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  await expect(reached).toHaveText('恭喜，已达到一级');
  await expect(page.getByRole('heading', { level: 1, name: '自诊断答题：二级（规范级）' })).toBeVisible({ timeout: 15_000 });

  // 二级 not reached, through the API as the same browser (the pages of 二级 work as those of 一级).
  const questionnaire = (await (await page.request.get(`/api/self-diagnoses/${diagnosisId}/questionnaire?level=2`)).json()) as {
    elements: { domains: { subdomains: { items: { requirement: { id: string } }[] }[] }[] }[];
  };
  const second = questionnaire.elements.flatMap((el) => el.domains.flatMap((d) => d.subdomains.flatMap((s) => s.items.map((it) => it.requirement.id))));
  await pageApiCall(page, 'put', `/api/self-diagnoses/${diagnosisId}/answers`, { answers: Object.fromEntries(second.map((id) => [id, 'NI'])) });
  expect((await pageApiCall<{ completed: boolean }>(page, 'post', `/api/self-diagnoses/${diagnosisId}/submit`, {})).completed).toBe(true);

  // 结果 and 报告: the verification link and the report's QR code point at PUBLIC_URL.
  await page.goto(`/self-diagnoses/${diagnosisId}/result`);
  await expect(page.getByTestId('result-level')).toHaveText('一级（规划级）');
  const reportNumber = (await page.getByTestId('report-number').locator('.mono').textContent())!.trim();
  const verifyHref = await page.getByTestId('report-number').getByRole('link', { name: '在线核验报告' }).getAttribute('href');
  expect(new URL(verifyHref!, page.url()).href).toBe(`${edge.url}/verify/${reportNumber}`);
  const report = await page.request.get(`/api/self-diagnoses/${diagnosisId}/report.pdf?lang=zh-CN`, { timeout: 120_000 });
  expect(report.status()).toBe(200);
  const dir = mkdtempSync(join(tmpdir(), 'cmmm-https-report-'));
  try {
    writeFileSync(join(dir, 'report.pdf'), await report.body());
    const text = spawnSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    expect(text.status, text.stderr).toBe(0);
    // The QR code's caption is its link; pdftotext breaks it where the line wraps.
    expect(text.stdout.replace(/\s+/g, '')).toContain(`${edge.url}/verify/${reportNumber}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const verify = await page.request.get(`/verify/${reportNumber}`);
  expect([verify.status(), (await verify.text()).includes(e.name)]).toEqual([200, true]);
  const openapi = (await (await page.request.get('/api/openapi.json')).json()) as { servers: { url: string }[] };
  expect(openapi.servers[0]?.url).toBe(edge.url);

  // Hashed assets: cached for a year, compressed by nginx.
  const index = await page.request.get('/', { headers: { accept: 'text/html' } });
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
  const asset = await page.request.get(script!, { headers: { 'accept-encoding': 'gzip' } });
  expect([asset.status(), asset.headers()['cache-control'], asset.headers()['content-encoding']]).toEqual([200, 'public, max-age=31536000, immutable', 'gzip']);

  // What the user met: at most the one save under way when B died, retried by the page.
  test.info().annotations.push({ type: 'failed requests', description: failures.join('; ') || 'none' });
  expect(failures.length, failures.join('\n')).toBeLessThanOrEqual(1);
  // nginx spoke HTTP/2 to the browser and used both upstreams.
  const access = edge.accessLog();
  expect(access).toContain('HTTP/2.0');
  for (const server of edge.servers) expect(access).toContain(`127.0.0.1:${server.port}`);
});
