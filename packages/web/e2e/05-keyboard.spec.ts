// (f) Keyboard only: the register form is filled and submitted with Tab, typing, arrows and Enter.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { newEnterprise } from './helpers.ts';

/** Tabs until the focused element has the given accessible label (at most 40 steps). */
async function tabTo(page: Page, label: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return '';
      const id = el.getAttribute('id');
      const byFor = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent : '';
      return (byFor || el.getAttribute('aria-label') || (el as HTMLElement).innerText || '').trim();
    });
    if (focused === label) return;
  }
  throw new Error(`could not reach ${label} with Tab`);
}

test('the register form works with the keyboard alone', async ({ page }) => {
  const e = newEnterprise();
  await page.goto('/register');

  // The skip link comes first and jumps to the main content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到主要内容' })).toBeFocused();

  await tabTo(page, '用户名');
  await page.keyboard.type(e.username);
  await tabTo(page, '密码');
  await page.keyboard.type(e.password);
  await tabTo(page, '确认密码');
  await page.keyboard.type(e.password);
  await tabTo(page, '手机号码');
  await page.keyboard.type(e.mobile);
  await tabTo(page, '企业名称');
  await page.keyboard.type(e.name);
  await tabTo(page, '统一社会信用代码');
  await page.keyboard.type(e.creditCode);

  // Cascaders: type to search, arrow to the match, Enter to choose.
  await tabTo(page, '所属行业');
  await page.keyboard.type('汽车整车');
  await expect(page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item').first()).toContainText('汽车整车制造');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: '离散型' })).toBeChecked();

  await tabTo(page, '所在地区');
  await page.keyboard.type('海淀区');
  await expect(page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item').first()).toContainText('海淀区');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');

  await tabTo(page, '联系人');
  await page.keyboard.type('王五');
  await tabTo(page, '联系电话');
  await page.keyboard.type(e.mobile);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/enterprise$/);
  await expect(page.getByTestId('enterprise-info')).toContainText(e.creditCode);
});

test('submitting an empty form moves focus to the first error', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: '登录' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('用户名')).toBeFocused();
  await expect(page.getByText('请填写用户名')).toBeVisible();
});
