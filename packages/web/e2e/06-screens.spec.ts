// Screenshots of the main pages at desktop (1280×800) and phone (390×844) sizes, for a human look.
import { expect, test } from './fixtures.ts';
import { screenshot } from './helpers.ts';

const sizes = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

for (const size of sizes) {
  test(`main pages at ${size.name} size`, async ({ page }) => {
    await page.setViewportSize(size.viewport);
    for (const [path, name] of [['/', 'home'], ['/login', 'login'], ['/register', 'register'], ['/forgot-password', 'forgot-password'], ['/r/310000', 'sub-platform'], ['/no-such-page', 'not-found']] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `${name}-${size.name}`);
    }
    const noHorizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(noHorizontalScroll).toBe(true);
  });
}
