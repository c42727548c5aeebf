// (d) The platform admin: one-time password → forced change → create an assessor → recolour a sub-platform.
import { expect, test } from './fixtures.ts';
import { ADMIN_PASSWORD, screenshot, uniqueSuffix } from './helpers.ts';

test('platform admin changes the one-time password, creates an assessor and recolours a sub-platform', async ({ page, platform }) => {
  const oneTimePassword = platform.admin.password;
  await page.goto('/login');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(oneTimePassword);
  await page.getByRole('button', { name: '登录' }).click();

  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByText('您正在使用一次性密码，请先设置新密码')).toBeVisible();
  await page.getByLabel('当前密码').fill(oneTimePassword);
  await page.getByLabel('新密码', { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByLabel('确认新密码').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: '修改密码' }).click();

  await expect(page).toHaveURL(/\/admin$/);
  platform.admin.password = ADMIN_PASSWORD;
  await expect(page.getByRole('tab', { name: '账户管理' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'admin', exact: true })).toBeVisible();
  await screenshot(page, 'admin-accounts-desktop');

  // A new assessor: the one-time password is shown once, with a copy button.
  const username = `assessor${uniqueSuffix()}`;
  await page.getByRole('button', { name: '新建账户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建账户' });
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('李评估');
  await expect(dialog.getByLabel('角色')).toBeVisible();
  await dialog.getByRole('button', { name: '保存' }).click();
  const otpDialog = page.getByRole('dialog', { name: '一次性密码' });
  await expect(otpDialog.getByTestId('one-time-password')).toHaveText(/\S{8,}/);
  await expect(otpDialog.getByRole('button', { name: '复制' })).toBeVisible();
  await screenshot(page, 'admin-one-time-password');
  await otpDialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await expect(page.getByRole('row', { name: new RegExp(username) })).toContainText('评估师');

  // Recolour 北京市 (110000): live preview, contrast warning for a light colour, then a dark one.
  await page.getByRole('tab', { name: '地方分平台' }).click();
  await page.getByRole('button', { name: '修改 110000' }).click();
  const editor = page.getByRole('dialog');
  const colour = editor.getByRole('textbox', { name: '主题色' });
  await colour.fill('#FFD54F');
  await expect(editor.getByTestId('contrast-warning')).toBeVisible();
  await colour.fill('#1B5E20');
  await expect(editor.getByTestId('contrast-warning')).toHaveCount(0);
  await expect(editor.getByTestId('contrast-ratio')).toContainText(':1');
  await screenshot(page, 'admin-sub-platform-editor');
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  await page.goto('/r/110000');
  await expect(page.getByTestId('sub-platform-home')).toHaveAttribute('data-theme-color', '#1B5E20');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('color', 'rgb(27, 94, 32)');
  await expect(page.getByRole('link', { name: '进入我的主页' })).toHaveCSS('background-color', 'rgb(27, 94, 32)');
  await screenshot(page, 'sub-platform-home-desktop');

  // 审计日志: what was just done is there, newest first, and the filter narrows it.
  await page.getByRole('link', { name: '审计日志' }).first().click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toContainText('修改地方分平台');
  await expect(page.getByRole('cell', { name: '新建账户' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '修改密码' })).toBeVisible();
  await page.getByLabel('对象类型').click();
  await page.getByTitle('地方分平台').click();
  await page.getByRole('button', { name: '查询' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('110000');
  await screenshot(page, 'admin-audit-trail');
});
