// A light first page (issue 12 §4): the home and register pages load only what they show; the
// register page's region picker fetches a province's cities and counties when it is opened.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Every path the page requests from the server, in order. */
function requestedPaths(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

test('the home page loads the five levels, not the whole model, and no other page\'s chunk', async ({ page }) => {
  const paths = requestedPaths(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await expect(page.locator('.levels li')).toHaveCount(5);
  expect(paths).toContain('/api/editions/db12-t1073-2021/levels');
  expect(paths).not.toContain('/api/editions/db12-t1073-2021');
  expect(paths.filter((p) => /\/assets\/(RegisterPage|LoginPage|SelfDiagnosisPage|ResultPage|Chart)-/.test(p))).toEqual([]);
  // no antd: its providers (and with them antd's core) load with the first page that uses it
  expect(paths.filter((p) => /\/assets\/(AntdProviders|MobileMenu|AccountMenu)-/.test(p))).toEqual([]);
  await page.getByRole('main').getByRole('link', { name: '登录' }).click();
  await expect(page.getByLabel('用户名')).toBeVisible();
  expect(paths.filter((p) => /\/assets\/AntdProviders-/.test(p)).length).toBeGreaterThan(0);
});

test('the register page opens a province on demand and loads the whole tree only for a search', async ({ page }) => {
  const paths = requestedPaths(page);
  await page.goto('/register');
  const picker = page.getByLabel('所在地区');
  await expect(picker).toBeVisible();
  expect(paths).toContain('/api/reference/provinces');
  expect(paths).not.toContain('/api/reference/regions');
  expect(paths.filter((p) => /\/assets\/(SelfDiagnosisPage|ResultPage|Chart)-/.test(p))).toEqual([]);

  await picker.click();
  const menuItem = (text: string) => page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item', { hasText: text });
  await menuItem('北京市').hover();
  await menuItem('市辖区').hover();
  await menuItem('海淀区').click();
  await expect(page.locator('.ant-cascader-selection-item, .ant-select-content, .ant-cascader').filter({ hasText: '海淀区' }).first()).toBeVisible();
  expect(paths).toContain('/api/reference/provinces/110000');
  expect(paths.filter((p) => p.startsWith('/api/reference/provinces/'))).toEqual(['/api/reference/provinces/110000']);
  expect(paths).not.toContain('/api/reference/regions');

  // A search finds a county of a province never opened: the whole tree comes with the first letters typed.
  await picker.click();
  await page.keyboard.type('南山');
  await expect(menuItem('南山区').first()).toBeVisible();
  expect(paths).toContain('/api/reference/regions');
});
