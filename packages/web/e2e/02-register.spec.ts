// (a) A new enterprise registers through the form in Chinese; (b) a duplicate credit code.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { logOutFromMenu, newEnterprise, pickCascader, screenshot, withWrongCheck, type TestEnterprise } from './helpers.ts';

async function fillAccount(page: Page, e: TestEnterprise) {
  await page.getByLabel('用户名').fill(e.username);
  await page.getByLabel('密码', { exact: true }).fill(e.password);
  await page.getByLabel('确认密码').fill(e.password);
  await page.getByLabel('手机号码').fill(e.mobile);
}

// One registration serves both tests: the server allows 5 registrations a minute per address.
test.describe.configure({ mode: 'serial' });
let registered: TestEnterprise | undefined;

test('a new enterprise registers, sees its data, logs out and in again', async ({ page }) => {
  const e = newEnterprise();
  await page.goto('/');
  await page.getByRole('main').getByRole('link', { name: '注册' }).click();
  await expect(page).toHaveURL(/\/register$/);
  // An empty form names each missing field in its own words.
  await page.getByRole('button', { name: '注册', exact: true }).click();
  const errorOf = (text: string) => page.locator('.ant-form-item-explain-error', { hasText: text });
  await expect(errorOf('请再次输入密码')).toBeVisible();
  await expect(errorOf('请填写联系电话')).toBeVisible();
  await expect(errorOf('请填写密码')).toHaveCount(1); // 密码 only, not 确认密码
  await expect(errorOf('请填写手机号码')).toHaveCount(1); // 手机号码 only, not 联系电话
  await fillAccount(page, e);
  await page.getByLabel('企业名称').fill(e.name);

  // The check character is tested in the browser before anything is sent.
  await page.getByLabel('统一社会信用代码').fill(withWrongCheck(e.creditCode));
  await page.getByLabel('统一社会信用代码').blur();
  await expect(page.getByText('统一社会信用代码校验位不正确，请核对后重新输入')).toBeVisible();
  await page.getByLabel('统一社会信用代码').fill(e.creditCode);
  await expect(page.getByText('统一社会信用代码校验位不正确，请核对后重新输入')).toHaveCount(0);

  // Non-independent: the kind of unit and the legal entity's name appear.
  await page.getByRole('radio', { name: '非独立法人' }).check();
  await expect(page.getByText('没有独立信用代码的非独立法人单位').first()).toBeVisible();
  await page.getByRole('radio', { name: '分公司' }).check();
  await page.getByLabel('所属法人单位名称').fill('测试精密制造集团有限公司');

  await pickCascader(page, '所属行业', '汽车整车', '汽车整车制造');
  await expect(page.getByRole('radio', { name: '离散型' })).toBeChecked();
  await pickCascader(page, '所在地区', '海淀', '海淀区');
  await page.getByLabel('联系人').fill('张三');
  await page.getByLabel('联系电话').fill(e.mobile);
  await screenshot(page, 'register-filled-desktop');
  await page.getByRole('button', { name: '注册', exact: true }).click();

  await expect(page).toHaveURL(/\/enterprise$/);
  const info = page.getByTestId('enterprise-info');
  await expect(info).toContainText(e.name);
  await expect(info).toContainText(e.creditCode);
  await expect(info).toContainText('非独立法人（分公司）');
  await expect(info).toContainText('汽车整车制造');
  await expect(info).toContainText('海淀区');
  await expect(info).toContainText('离散型');
  await expect(info).toContainText('张三');
  await expect(page.getByTestId('self-diagnosis-slot')).toBeVisible();
  await screenshot(page, 'enterprise-home-desktop');

  await logOutFromMenu(page);
  const navLogIn = page.getByRole('navigation').getByRole('link', { name: '登录' });
  await expect(navLogIn).toBeVisible();

  await navLogIn.click();
  await page.getByLabel('用户名').fill(e.username);
  await page.getByLabel('密码').fill(e.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/enterprise$/);
  await expect(page.getByTestId('enterprise-info')).toContainText(e.creditCode);
  registered = e;

  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'enterprise-home-phone');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.getByRole('button', { name: '菜单', exact: true }).click();
  await expect(page.getByRole('dialog', { name: '菜单' }).getByRole('link', { name: '企业信息' })).toBeVisible();
  await screenshot(page, 'nav-drawer-phone');
});

test('a duplicate credit code says the enterprise is registered and how to recover', async ({ page }) => {
  const existing = registered;
  if (!existing) throw new Error('needs the enterprise registered by the test before');
  const again = { ...newEnterprise(), name: existing.name, creditCode: existing.creditCode };

  await page.goto('/register');
  await fillAccount(page, again);
  await page.getByLabel('企业名称').fill(again.name);
  await page.getByLabel('统一社会信用代码').fill(again.creditCode);
  await pickCascader(page, '所属行业', '汽车整车', '汽车整车制造');
  await pickCascader(page, '所在地区', '海淀', '海淀区');
  await page.getByLabel('联系人').fill('李四');
  await page.getByLabel('联系电话').fill(again.mobile);
  await page.getByRole('button', { name: '注册', exact: true }).click();

  const alert = page.getByRole('alert').filter({ hasText: '该企业已在平台注册过账户' });
  await expect(alert).toBeVisible();
  await screenshot(page, 'register-duplicate');
  await alert.getByRole('link', { name: '忘记密码' }).click();
  await expect(page).toHaveURL(/\/forgot-password\?creditCode=/);
  await expect(page.getByRole('radio', { name: '统一社会信用代码' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: '统一社会信用代码' })).toHaveValue(existing.creditCode);
});
