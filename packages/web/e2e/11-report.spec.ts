// 查看报告 and the exports (seed 001 §1.7), the improvement roadmap and the policies of the region on the
// result page. An enterprise in 江苏省江阴市 (policy-11 rewards 二级 there) completes a self-diagnosis through
// the API (一级 reached, 二级 not); the page then downloads the PDF (read back with pdftotext), Excel and JSON.
import type { Download, Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { chartsSettled, completeSelfDiagnosisByApi, login, newEnterprise, registerByApi, resize, screenshot, SCREENS_DIR, type TestEnterprise } from './helpers.ts';

const JIANGYIN = '320281';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

test.describe.configure({ mode: 'serial' });
test.use({ actionTimeout: 15_000 });
let enterprise: TestEnterprise | undefined;
let diagnosisId = '';

/** 一级 reached; 二级 answered 不满足 with every third 部分满足, not reached. */
const completeByApi = (page: Page) => completeSelfDiagnosisByApi(page, (i) => (i % 3 ? 'NI' : 'PI'));

async function saved(download: Download): Promise<string> {
  const path = await download.path();
  expect(path, `download ${download.suggestedFilename()} failed: ${await download.failure()}`).toBeTruthy();
  return path;
}

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

test('the result page shows the roadmap and the policies, and downloads the report and the exports', async ({ page, platform }) => {
  test.setTimeout(180_000);
  enterprise = newEnterprise();
  await registerByApi(platform, enterprise, JIANGYIN);
  await login(page, enterprise);
  diagnosisId = await completeByApi(page);

  // The list: 查看报告 next to 查看结果 on the completed row.
  await page.goto('/self-diagnoses');
  const row = page.getByRole('row', { name: /已完成/ });
  await expect(row.getByRole('link', { name: '查看结果' })).toBeVisible();
  await expect(row.getByRole('link', { name: /查看报告/ })).toHaveAttribute('href', `/api/self-diagnoses/${diagnosisId}/report.pdf?lang=zh-CN`);
  await row.getByRole('link', { name: '查看结果' }).click();
  await expect(page).toHaveURL(new RegExp(`/self-diagnoses/${diagnosisId}/result$`));
  await expect(page.getByTestId('result-level')).toHaveText('一级（规划级）');

  // 能力度等级: every part reached 一级 (全部满足) and none 二级 (below 0.8 there), with the chart's table;
  // the application views say how far each is, 智能车间 (二级–三级) with no required subdomain at 二级.
  const profile = page.getByTestId('capability-profile');
  await expect(profile.getByRole('heading', { level: 2, name: '能力度等级' })).toBeVisible();
  await expect(profile.getByTestId('profile-chart')).toBeVisible();
  await expect(profile.getByTestId('profile-M2')).toContainText('一级');
  await expect(profile.getByTestId('profile-M2-4')).toContainText('一级');
  await expect(profile.getByTestId('profile-table')).toContainText('设备管理');
  await expect(profile.getByTestId('profile-summary')).toHaveText('所有能力域的能力度等级均为一级。');
  const views = page.getByTestId('application-views');
  await expect(views.getByTestId('view-smart-workshop')).toContainText('尚未达到');
  await expect(views.getByTestId('view-coverage-smart-workshop')).toContainText(/二级：0 \/ \d+ 个必选子域已达到/);
  await expect(views.getByTestId('view-smart-supply-chain')).toContainText('智慧供应链');
  await chartsSettled(page);
  await profile.screenshot({ path: `${SCREENS_DIR}/sd-profile-desktop.png` });
  await views.screenshot({ path: `${SCREENS_DIR}/sd-views-desktop.png` });

  // The report number, with its public check.
  const number = page.getByTestId('report-number');
  await expect(number).toContainText('报告编号');
  const verify = number.getByRole('link', { name: '在线核验报告' });
  const verifyHref = (await verify.getAttribute('href')) ?? '';
  expect(verifyHref).toMatch(/^\/verify\/\S+$/);
  const verifyPage = await page.request.get(verifyHref);
  expect(verifyPage.status()).toBe(200);
  expect(await verifyPage.text()).toContain(enterprise.name);

  // 改进路线图: patterns with a plain reason, subdomains, path, target requirements (Chinese), a case; the
  // formula only in the 计算方法 note.
  const roadmap = page.getByTestId('roadmap');
  await expect(roadmap.getByRole('heading', { level: 2, name: '改进路线图' })).toBeVisible();
  await expect(roadmap).toContainText('二级（规范级）');
  const entries = roadmap.locator('.roadmap-item');
  expect(await entries.count()).toBeGreaterThan(0);
  const first = entries.first();
  await expect(first.getByRole('heading', { level: 3 })).toContainText(/\S/);
  await expect(first).toContainText('选择理由');
  const reason = first.locator('.roadmap-text').first();
  await expect(reason).toContainText('低于达标线 0.80');
  await expect(reason).not.toContainText(/[A-Z]\d-\d|Σ|max\(|优先级 =/);
  await expect(first).not.toContainText(/\d\.\d{3,}/);
  const method = roadmap.getByTestId('roadmap-method');
  await expect(method).toContainText('计算方法');
  await method.locator('summary').click();
  await expect(method).toContainText('优先级 = Σ 权重 × max(0, 0.80 − 得分)');
  await expect(first).toContainText('依托的能力子域');
  await expect(first.locator('ol.roadmap-path > li').first()).toBeVisible();
  await expect(first).toContainText('目标要求（二级）');
  await expect(first.locator('.roadmap-targets li > [lang="zh-CN"]').first()).toContainText(/\S/);
  await expect(roadmap.locator('table caption', { hasText: '案例的关键指标' }).first()).toBeVisible();

  // 可申报的政策: 江阴 rewards 二级, the next level.
  const policies = page.getByTestId('policies');
  await expect(policies.getByRole('heading', { level: 2, name: '可申报的政策' })).toBeVisible();
  const jiangyin = policies.getByRole('row', { name: /江苏省江阴市/ });
  await expect(jiangyin).toContainText('江阴市工业和信息化专项资金');
  await expect(jiangyin).toContainText('10 万元');
  await expect(jiangyin).toContainText('下一等级（二级）');
  await expect(policies.getByTestId('policies-none')).toHaveCount(0);
  // 相关政策 below them: the region's policies without a reward for 一级 or 二级 (江苏's 智改数转 notice, the
  // national plan), not repeated from the table above.
  const related = policies.getByTestId('related-policies');
  await expect(related.getByRole('heading', { level: 3, name: '相关政策' })).toBeVisible();
  await expect(related).toContainText('《关于做好“智改数转”诊断工作的通知》');
  await expect(related).toContainText('《“十四五”智能制造发展规划》');
  await expect(related).not.toContainText('江阴市工业和信息化专项资金');
  expect((await related.boundingBox())!.y).toBeGreaterThan((await jiangyin.boundingBox())!.y);
  // Scores and gains with two decimals, as everywhere else on the page.
  await expect(page.getByTestId('gap')).not.toContainText(/\d\.\d{3,}/);

  await page.waitForLoadState('networkidle');
  await chartsSettled(page, 2); // the radar and the bars, their entry animation over
  await shot(page, 'sd-report-result-desktop');
  await page.getByTestId('report-section').screenshot({ path: `${SCREENS_DIR}/sd-report-actions-desktop.png` });
  await roadmap.screenshot({ path: `${SCREENS_DIR}/sd-report-roadmap-desktop.png` });
  await policies.screenshot({ path: `${SCREENS_DIR}/sd-report-policies-desktop.png` });
  await resize(page, PHONE);
  // On a phone the policies are a list of cards (the table would hide 适用于 off screen).
  await expect(policies.getByTestId('policies-list').getByRole('listitem').filter({ hasText: '江苏省江阴市' })).toContainText('下一等级（二级）');
  await expect(policies.getByTestId('related-policies-list')).toContainText('智改数转');
  await shot(page, 'sd-report-result-phone');
  await page.getByTestId('report-section').screenshot({ path: `${SCREENS_DIR}/sd-report-actions-phone.png` });
  await roadmap.screenshot({ path: `${SCREENS_DIR}/sd-report-roadmap-phone.png` });
  await policies.screenshot({ path: `${SCREENS_DIR}/sd-report-policies-phone.png` });
  const noHorizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(noHorizontalScroll, 'the result page scrolls sideways on a phone').toBe(true);
  await resize(page, DESKTOP);

  // 查看报告: the PDF, with the enterprise and its level in it.
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-section').getByRole('link', { name: /查看报告/ }).click()]);
  expect(pdfDownload.suggestedFilename()).toMatch(/\.pdf$/);
  const pdfPath = await saved(pdfDownload);
  expect(readFileSync(pdfPath).subarray(0, 4).toString('latin1')).toBe('%PDF');
  const pdftotext = spawnSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(pdftotext.status, pdftotext.stderr).toBe(0);
  const text = pdftotext.stdout.replace(/[ \t]+/g, ' ');
  expect(text).toContain(enterprise.name);
  expect(text).toMatch(/一级\s*（\s*规划级\s*）/);
  // The edition by its name, not its internal id; 相关政策 in the PDF too; the roadmap's method apart.
  expect(text).toContain('DB12/T 1073—2021《工业企业智能制造能力成熟度评估规范》');
  expect(text).not.toContain('db12-t1073-2021');
  expect(text).toContain('相关政策');
  expect(text).toContain('智改数转');
  expect(text).toContain('计算方法');

  // 导出 Excel: an xlsx (a zip).
  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(readFileSync(await saved(xlsxDownload)).subarray(0, 2).toString('latin1')).toBe('PK');

  // 导出 JSON: the `cmmm score` input.
  await expect(page.getByTestId('report-section')).toContainText('cmmm score');
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 JSON' }).click()]);
  expect(jsonDownload.suggestedFilename()).toMatch(/\.json$/);
  const input = JSON.parse(readFileSync(await saved(jsonDownload), 'utf8')) as { enterpriseType?: string; answers?: Record<string, string> };
  expect(input.enterpriseType).toBe('discrete');
  expect(Object.keys(input.answers ?? {}).length).toBeGreaterThan(10);
  expect(Object.values(input.answers ?? {})).toContain('FI');
});

test('in English the report link asks for the English PDF; the new sections have English labels', async ({ page }) => {
  if (!enterprise) throw new Error('needs the enterprise of the test before');
  await login(page, enterprise);
  await page.getByTestId('language-switch').click();
  await page.goto(`/self-diagnoses/${diagnosisId}/result`);
  await expect(page.getByRole('heading', { level: 2, name: 'Improvement roadmap' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Policies you may apply for' })).toBeVisible();
  await expect(page.getByTestId('policies')).toContainText('Next level (Level 2)');
  const link = page.getByTestId('report-section').getByRole('link', { name: /View report/ });
  await expect(link).toHaveAttribute('href', `/api/self-diagnoses/${diagnosisId}/report.pdf?lang=en`);
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(readFileSync(await saved(pdfDownload)).subarray(0, 4).toString('latin1')).toBe('%PDF');
  await page.waitForLoadState('networkidle');
  await shot(page, 'sd-report-result-english-desktop');
  await page.getByTestId('language-switch').click();
});
