// End-to-end tests against the real server: every spec file starts its own (e2e/fixtures.ts: a fresh
// embedded database in a temp dir, a port of its own), so the files run alone, in any order, or side
// by side. `E2E_WORKERS` (or --workers) sets how many run at once.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/playwright',
  // Each worker runs a browser and a server with its database: two fit a 2-core machine.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  // A spec file's tests run in order in one worker (some are serial: they share what the one before made).
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
    // No antd animations (the app honours the setting): a click never lands while a dialog zooms in.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
