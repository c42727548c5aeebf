// Bilingual, really (issue 12 §7): in English the pages of the self-diagnosis flow show the model's names,
// level characteristics and requirement texts in their unofficial English translation, with the notice that
// the Chinese text is authoritative; no Chinese character appears in the visible text except inside an element
// marked lang="zh-CN" (the original on demand, the language switch's 中文, names the enterprise typed itself).
import type { Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { expect, test } from './fixtures.ts';
import { answerLevelsByApi, chineseUiText, createSelfDiagnosisByApi, newEnterprise, registerByApi, submitSurveyByApi, type TestEnterprise } from './helpers.ts';

const CJK = /[\u3400-\u9fff]/;

/** The page settled (its data loaded), then no Chinese outside lang="zh-CN". */
async function noChinese(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-skeleton')).toHaveCount(0);
  expect(await chineseUiText(page)).toEqual([]);
}

let enterprise: TestEnterprise | undefined;

test('home, register and login in English: level characteristics, industries and regions translated', async ({ page, platform }) => {
  enterprise = newEnterprise();
  await registerByApi(platform, enterprise, '341502'); // 安徽省六安市金安区

  await page.goto('/');
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('language-switch')).toHaveAttribute('lang', 'zh-CN'); // its 中文
  await expect(page.getByTestId('translation-notice')).toContainText('Unofficial translation — the Chinese text is authoritative');
  await expect(page.locator('.level-text[lang="en"]')).toHaveCount(5);
  await noChinese(page);

  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Register');
  await noChinese(page);
  // The pickers' options: GB/T 4754 classes in English, provinces in pinyin.
  await page.getByLabel('Industry').click();
  await expect(page.locator('.ant-cascader-menu-item', { hasText: 'Manufacture of Automobiles' })).toBeVisible();
  await noChinese(page);
  await page.keyboard.press('Escape');
  await page.getByLabel('Region').click();
  await expect(page.locator('.ant-cascader-menu-item', { hasText: 'Chongqing' })).toBeVisible();
  await page.locator('.ant-cascader-menu-item', { hasText: 'Anhui Province' }).hover();
  await expect(page.locator('.ant-cascader-menu-item', { hasText: "Lu'an City" })).toBeVisible();
  await noChinese(page);
  await page.keyboard.press('Escape');

  await page.goto('/login');
  await page.getByLabel('User name').fill(enterprise.username);
  await page.getByLabel('Password').fill(enterprise.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/enterprise$/);
  await expect(page.getByTestId('enterprise-info')).toContainText("Jin'an District, Lu'an City, Anhui Province");
  await expect(page.getByTestId('enterprise-info')).toContainText('361 Manufacture of complete vehicles');
  await noChinese(page);
});

test('the self-diagnosis in English: list, new, survey, answering and result, with the Chinese original on demand', async ({ page }) => {
  if (!enterprise) throw new Error('needs the enterprise of the test before');
  await page.goto('/login');
  await page.getByTestId('language-switch').click();
  await page.getByLabel('User name').fill(enterprise.username);
  await page.getByLabel('Password').fill(enterprise.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/enterprise$/);

  await page.goto('/self-diagnoses');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Self-diagnosis');
  await noChinese(page);

  await page.goto('/self-diagnoses/new');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New self-diagnosis');
  await expect(page.getByTestId('model-table').locator('th[lang="en"]').first()).toBeVisible();
  await expect(page.getByTestId('translation-notice').first()).toBeVisible();
  await noChinese(page);

  const id = await createSelfDiagnosisByApi(page);
  await page.goto(`/self-diagnoses/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await noChinese(page);

  await submitSurveyByApi(page, id);
  await page.reload();
  const question = page.locator('fieldset.question').first();
  await expect(question).toBeVisible();
  await expect(page.getByTestId('translation-notice')).toContainText('Unofficial translation');
  await expect(question.locator('.question-text')).toHaveAttribute('lang', 'en');
  await expect(question.locator('.question-text')).not.toHaveText(CJK);
  await noChinese(page);
  // Show original (中文): the Chinese text appears, marked zh-CN; nothing else Chinese.
  const toggle = question.getByTestId('show-original');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const original = question.locator('.original-text');
  await expect(original).toBeVisible();
  await expect(original).toHaveAttribute('lang', 'zh-CN');
  await expect(original).toHaveText(CJK);
  expect(await chineseUiText(page)).toEqual([]);

  await answerLevelsByApi(page, id);
  await page.goto(`/self-diagnoses/${id}/result`);
  await expect(page.getByTestId('result-level')).toHaveText('Level 1 (Planning)');
  await expect(page.getByTestId('translation-notice')).toBeVisible();
  const weak = page.getByTestId('weak-points').locator('li').first();
  await expect(weak.locator('.note-text')).toHaveAttribute('lang', 'en');
  await noChinese(page);
  await weak.getByTestId('show-original').click();
  await expect(weak.locator('.original-text[lang="zh-CN"]')).toBeVisible();
  expect(await chineseUiText(page)).toEqual([]);
  // The peers by the enterprise's industry and province, in English.
  await expect(page.getByText('Manufacture of Automobiles').first()).toBeVisible();
  await expect(page.getByText('Anhui Province').first()).toBeVisible();

  // The English PDF: the translation's names and the notice; the standard's Chinese level names not at all.
  const link = page.getByTestId('report-section').getByRole('link', { name: /View report/ });
  await expect(link).toHaveAttribute('href', `/api/self-diagnoses/${id}/report.pdf?lang=en`);
  const pdf = await page.request.get(`/api/self-diagnoses/${id}/report.pdf?lang=en`);
  expect(pdf.status()).toBe(200);
  const read = spawnSync('pdftotext', ['-layout', '-', '-'], { input: await pdf.body(), encoding: 'utf8' });
  expect(read.status, read.stderr).toBe(0);
  const text = read.stdout.replace(/\s+/g, ' ');
  expect(text).toMatch(/Translation .*authoritative/);
  expect(text).toContain('Level 1 – ');
  expect(text).toContain('Manufacture of complete vehicles');
  expect(text).toContain("Lu'an City");
  expect(text).not.toMatch(/规划级|离散型/); // (the roadmap's reasons, advice texts in Chinese, may name subdomains)
});
