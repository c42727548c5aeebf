// 推进活动 (issue 11 §5): two enterprises of 昆山 register and never complete a self-diagnosis; 昆山's sub-platform
// admin sets a campaign for its region (名称, 地区, 目标企业数, 起止日期), sees its progress (fewer than 5
// completions: not shown), finds both enterprises in 从未完成自诊断的已注册企业 and downloads that list as CSV;
// then 编辑: raises the target in the same form (its date rule refusing as on creation) and sees it on the page.
import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { adminApi, newEnterprise, registerByApi, screenshot, uniqueSuffix } from './helpers.ts';

test.use({ actionTimeout: 15_000 });

/** Types a date into a dialog's date field; a typed date is taken on leaving the field. */
async function typeDate(dialog: Locator, label: string, day: string) {
  await dialog.getByLabel(label).fill(day);
  await dialog.getByLabel(label).press('Tab');
}

const chinaDay = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

test('a sub-platform admin creates a campaign, sees its progress, downloads the follow-up CSV and edits its target', async ({ page, platform }) => {
  test.setTimeout(180_000);
  const enterprises = [newEnterprise(), newEnterprise()];
  for (const e of enterprises) await registerByApi(platform, e, '320583');

  const admin = await adminApi(platform);
  const username = `kunshan${uniqueSuffix()}`;
  const created = await admin.post('/api/admin/accounts', { username, displayName: '昆山管理员', role: 'region_admin', regionCode: '320583' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const oneTimePassword = (created.body as { oneTimePassword: string }).oneTimePassword;
  await admin.context.dispose();

  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(oneTimePassword);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  const password = 'Kunshan-e2e-2026';
  await page.getByLabel('当前密码').fill(oneTimePassword);
  await page.getByLabel('新密码', { exact: true }).fill(password);
  await page.getByLabel('确认新密码').fill(password);
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page).not.toHaveURL(/\/account\/password$/);

  await page.getByRole('navigation').first().getByRole('link', { name: '推进活动' }).click();
  await expect(page.getByRole('heading', { name: '推进活动', level: 1 })).toBeVisible();
  await page.getByTestId('campaign-new').click();
  const dialog = page.getByRole('dialog', { name: '新建推进活动' });
  await dialog.getByLabel('名称').fill('昆山市年度自诊断推进');
  await expect(dialog.getByText('昆山市')).toBeVisible(); // the admin's own region, preselected
  await dialog.getByLabel('目标企业数').fill('100');
  await typeDate(dialog, '开始日期', chinaDay(0));
  // an end before the start is refused on the form
  await typeDate(dialog, '结束日期', chinaDay(-1));
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog.getByText('结束日期不能早于开始日期')).toBeVisible();
  await typeDate(dialog, '结束日期', chinaDay(29));
  await dialog.getByRole('button', { name: '创建' }).click();

  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: '昆山市年度自诊断推进', level: 1 })).toBeVisible();
  await expect(page.getByText('进行中')).toBeVisible();
  await expect(page.getByTestId('cp-progress-bar')).toBeVisible();
  await expect(page.getByTestId('cp-completed')).toContainText('不足 5 家');
  await expect(page.getByTestId('cp-days-left')).toContainText('30');

  const never = page.getByTestId('cp-never');
  await expect(never.getByTestId('cp-never-total')).toHaveText('共 2 家');
  for (const e of enterprises) await expect(never.getByRole('cell', { name: e.name })).toBeVisible();
  await screenshot(page, 'campaign-desktop');

  const [download] = await Promise.all([page.waitForEvent('download'), never.getByTestId('cp-never-csv').click()]);
  expect(download.suggestedFilename()).toBe('昆山市年度自诊断推进-从未完成自诊断的已注册企业.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n');
  expect(lines[0]).toBe('企业名称,统一社会信用代码,所在地区,行业,联系人,联系电话,注册日期');
  expect(lines.length).toBe(4); // header, two enterprises, the final line break
  for (const e of enterprises) expect(csv).toContain(`${e.name},${e.creditCode},`);
  await expect(page.getByTestId('cp-stale-total')).toHaveText('共 0 家');

  await expect(page.getByTestId('cp-target')).toContainText('100');
  await page.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: '编辑推进活动' });
  await expect(edit.getByLabel('名称')).toHaveValue('昆山市年度自诊断推进');
  await expect(edit.getByLabel('目标企业数')).toHaveValue('100');
  await typeDate(edit, '结束日期', chinaDay(-1));
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit.getByText('结束日期不能早于开始日期')).toBeVisible();
  await typeDate(edit, '结束日期', chinaDay(29));
  await edit.getByLabel('目标企业数').fill('150');
  await edit.getByLabel('目标企业数').press('Enter'); // the keyboard submits the form
  await expect(edit).toBeHidden();
  await expect(page.getByTestId('cp-target')).toContainText('150');
  await expect(page.getByTestId('cp-days-left')).toContainText('30');
});
