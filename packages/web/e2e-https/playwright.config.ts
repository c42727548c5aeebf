// The HTTPS deployment test (edge.ts: nginx + two servers + PostgreSQL): one spec, one worker, apart from
// e2e/ because it needs TEST_DATABASE_URL and Debian's nginx, and starts its own servers. The browser
// settings are e2e's.
import { defineConfig } from '@playwright/test';
import e2e from '../playwright.config.ts';

export default defineConfig({
  testDir: '.',
  outputDir: '../test-results/playwright-https',
  workers: 1,
  retries: 0,
  timeout: 300_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    ...e2e.use,
    actionTimeout: 15_000,
    // The certificate is the test's own, self-signed by openssl: Chromium is told to accept it.
    ignoreHTTPSErrors: true,
  },
});
