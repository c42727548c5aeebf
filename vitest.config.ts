import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Hooks open an embedded database and migrate it, or start render workers: a second or two on an
    // idle machine, but well past the 10 s default on a busy 2-core one running other test files at
    // the same time. A hook that is merely slow must not fail the suite; a hung one still does.
    hookTimeout: 120_000,
    teardownTimeout: 120_000,
    env: { TZ: 'UTC' },
    setupFiles: ['packages/web/test/dom-timeouts.ts'],
  },
});
