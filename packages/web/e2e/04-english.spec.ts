// (e) The language switch: English everywhere on home and login, remembered across pages.
import { expect, test } from './fixtures.ts';
import { chineseUiText, screenshot } from './helpers.ts';

test('English shows no Chinese UI strings on the home and login pages', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('规划级').first()).toBeVisible();
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Intelligent manufacturing capability maturity assessment');
  await expect(page.getByText('Level 1 · Planning')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Log in' })).toBeVisible();
  expect(await chineseUiText(page)).toEqual([]);
  await screenshot(page, 'home-english-desktop');

  await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Enter a user name')).toBeVisible();
  expect(await chineseUiText(page)).toEqual([]);

  // A failed login shows the contract's English message, not the server's Chinese one.
  await page.getByLabel('User name').fill('nobody');
  await page.getByLabel('Password').fill('wrong-password-1');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Wrong user name or password')).toBeVisible();
  expect(await chineseUiText(page)).toEqual([]);
  await screenshot(page, 'login-english-desktop');

  // Remembered after a reload; the switch goes back to Chinese.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('登录');
});
