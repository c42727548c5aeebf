// 数据看板 (issue 11 §2): six enterprises of 北京市海淀区 complete a self-diagnosis through the API; the
// platform admin opens the dashboard, sees the counts, drills down from the operator's map (MAP_DIR: the
// made-up squares of e2e/maps/) and from the table, into 北京市 and back, and downloads the region
// ranking as CSV (UTF-8 with BOM, exactly the table's cells) and as Excel, and the national 指数报告; then anyone, without login, reads the
// public statistics page and its JSON.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { adminApi, ADMIN_PASSWORD, chartsSettled, completeSelfDiagnosisByApi, newEnterprise, pageApiCall, screenshot } from './helpers.ts';

test.use({ actionTimeout: 15_000 });

test('the platform admin reads the dashboard, drills into a province and downloads a CSV', async ({ page, browser, platform }) => {
  test.setTimeout(240_000);
  // Six registrations exceed the per-address limit: each enterprise comes from its own (forwarded) address.
  // The operator's maps: made-up squares of the nation's provinces and of 北京市's districts.
  await platform.restart({ TRUST_PROXY: 'loopback', MAP_DIR: resolve(import.meta.dirname, 'maps') });
  let score = 0;
  for (let i = 0; i < 6; i++) {
    const enterprise = newEnterprise();
    const context = await browser.newContext({ baseURL: platform.baseURL, extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${i + 1}` } });
    const own = await context.newPage();
    await own.request.get('/api/session'); // the CSRF cookie
    await pageApiCall(
      own,
      'post',
      '/api/auth/register',
      {
        account: { username: enterprise.username, password: enterprise.password, mobile: enterprise.mobile },
        enterprise: { name: enterprise.name, creditCode: enterprise.creditCode, organisationType: 'independent', industryCode: '361', regionCode: '110108', enterpriseType: 'discrete', contactName: '张三', contactMobile: enterprise.mobile },
      },
      201,
    );
    await pageApiCall(own, 'post', '/api/auth/login', { username: enterprise.username, password: enterprise.password }, 200);
    const id = await completeSelfDiagnosisByApi(own);
    score = ((await (await own.request.get(`/api/self-diagnoses/${id}/result`)).json()) as { result: { totalScore: number } }).result.totalScore;
    await context.close();
  }
  // all six answered alike: one S, so the mean display index is 20 × S
  const index = (20 * score).toFixed(2);

  await (await adminApi(platform)).context.dispose();
  await page.goto('/login');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.getByRole('navigation').first().getByRole('link', { name: '数据看板' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: '数据看板', level: 1 })).toBeVisible();
  await expect(page.getByText('有有效结果的企业')).toBeVisible();
  const levels = page.getByTestId('dash-levels-table');
  const levelRow = (name: string) => levels.locator('tr', { has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(levelRow('一级')).toContainText('6');
  await expect(levelRow('一级')).toContainText('100.0');
  await expect(levelRow('二级')).toContainText('不足 5 家');
  const regions = page.getByTestId('dash-regions-table');
  await expect(regions.getByRole('row', { name: /北京市/ })).toContainText(index);
  // the operator's map above the bars and the table, coloured by the same index; a click opens the region
  const nationMap = page.getByRole('img', { name: '全国下级地区地图：按平均指数着色，不足 5 家企业的地区不着色；各地区的数字见下表' });
  await expect(nationMap).toBeVisible();
  await expect(nationMap.locator('canvas')).toHaveCount(1);
  await chartsSettled(page, 4);
  await screenshot(page, 'dashboard-nation-desktop');
  const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
  const mapCheck = await new AxeBuilder({ page }).include('[data-testid="dash-regions-map-chart"]').withTags(axeTags).analyze();
  expect(mapCheck.violations.map((v) => `${v.id}: ${v.impact}`)).toEqual([]);
  await nationMap.click(); // the middle of the map: 北京's square
  await expect(page).toHaveURL(/\/dashboard\?region=110000$/);
  // 北京市's map draws its districts; each opens the 市辖区 they belong to, as its table row does
  const beijingMap = page.getByRole('img', { name: /^北京市下级地区地图/ });
  await expect(beijingMap).toBeVisible();
  await chartsSettled(page, 3);
  await beijingMap.click();
  await expect(page).toHaveURL(/\/dashboard\?region=110100$/);
  // 市辖区's districts have no map of the operator's: the ranking alone, no error
  await expect(page.getByTestId('dash-regions-table').getByRole('button', { name: /海淀区/ })).toBeVisible();
  await expect(page.getByTestId('dash-regions-map-chart')).toHaveCount(0);
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/\/dashboard$/);

  // drill down: 北京市 → its cities, and back through the breadcrumb
  await regions.getByRole('button', { name: '查看北京市' }).click();
  await expect(page).toHaveURL(/\/dashboard\?region=110000$/);
  const breadcrumb = page.getByRole('navigation', { name: '地区层级' });
  await expect(breadcrumb).toContainText('全国');
  await expect(breadcrumb).toContainText('北京市');
  await expect(page.getByTestId('dash-regions-table').locator('caption')).toHaveText('北京市下级地区：平均指数与企业数');
  const cityRow = page.getByTestId('dash-regions-table').locator('tbody tr').first();
  await expect(cityRow).toContainText(index);
  const cityName = (await cityRow.locator('th').innerText()).trim();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dash-regions-csv').click()]);
  expect(download.suggestedFilename()).toBe('地区排名-110000.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.slice(1).split('\r\n')).toEqual(['地区,平均指数,企业数', `${cityName},${index},6`, '']);

  const [workbook] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dash-regions-xlsx').click()]);
  expect(workbook.suggestedFilename()).toBe('地区排名-110000.xlsx');
  expect(readFileSync((await workbook.path())!).subarray(0, 2).toString()).toBe('PK');

  await breadcrumb.getByRole('link', { name: '全国' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId('dash-regions-table').getByRole('button', { name: '查看北京市' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '问题短板', level: 2 })).toBeVisible();
  // 调查问卷指标: all six use ERP and MES, with 40 % of equipment networked and 50 % numerically controlled
  const survey = page.getByTestId('dash-survey-table');
  await expect(survey.locator('tr', { has: page.getByRole('rowheader', { name: 'ERP 企业资源计划' }) })).toContainText('100.0');
  await expect(page.getByTestId('dash-survey-networked')).toContainText('40.0');
  await expect(page.getByTestId('dash-survey-industries-table')).toBeVisible();
  // 获证企业: none on the platform yet, the 304 published in 2022 counted nationally; no enterprise to calibrate
  await expect(page.getByTestId('dash-certified-table').locator('tr', { has: page.getByRole('rowheader', { name: '2022 年公布' }) })).toContainText('304');
  await expect(page.getByTestId('dash-certified-regions-table')).toBeVisible();
  await expect(page.getByText('同时有有效自诊断结果和证书的企业不足 5 家')).toBeVisible();

  // 指数报告: the national report, generated with its progress shown, then downloaded
  await expect(page.getByRole('radio', { name: '全国' })).toBeChecked();
  await page.getByTestId('ir-generate').click();
  await expect(page.getByTestId('ir-progress')).toBeVisible();
  const pdfLink = page.getByTestId('ir-download');
  await expect(pdfLink).toBeVisible({ timeout: 60_000 });
  const [report] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
  expect(report.suggestedFilename()).toBe('ZS-national-CN.pdf');
  expect(readFileSync((await report.path())!).subarray(0, 5).toString()).toBe('%PDF-');

  // 公开统计: no login, from the footer of the home page; the JSON says the same
  const visitor = await browser.newContext({ baseURL: platform.baseURL });
  const anyone = await visitor.newPage();
  await anyone.goto('/');
  await anyone.getByRole('contentinfo').getByRole('link', { name: '公开统计' }).click();
  await expect(anyone).toHaveURL(/\/statistics$/);
  await expect(anyone.getByRole('heading', { name: '公开统计', level: 1 })).toBeVisible();
  const publicLevels = anyone.getByTestId('dash-levels-table');
  await expect(publicLevels.locator('tr', { has: anyone.getByRole('rowheader', { name: '一级', exact: true }) })).toContainText('6');
  await expect(publicLevels.locator('tr', { has: anyone.getByRole('rowheader', { name: '二级', exact: true }) })).toContainText('不足 5 家');
  await expect(anyone.getByRole('heading', { name: '政策库' })).toBeVisible();
  const figures = (await (await anyone.request.get('/api/public/statistics')).json()) as { enterprises: { value: number }; levels: { enterprises: { value: number | null } }[] };
  expect(figures.enterprises.value).toBe(6);
  expect(figures.levels.map((l) => l.enterprises.value)).toEqual([null, 6, null, null, null, null]);
  // no serious or critical WCAG violation, in Chinese and in English
  for (const lang of ['zh-CN', 'en']) {
    await anyone.evaluate((l) => localStorage.setItem('cmmm.lang', l), lang);
    await anyone.reload();
    await expect(anyone.locator('html')).toHaveAttribute('lang', lang);
    await expect(publicLevels).toBeVisible();
    const { violations } = await new AxeBuilder({ page: anyone }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await visitor.close();
});
