// Setup of every test file (vitest.config.ts). In the DOM tests, findBy… and waitFor wait up to 10 s
// instead of testing-library's 1 s. Rendering antd pages in jsdom takes well past a second on a busy
// 2-core machine running other test files at the same time; a test that never finds its element still fails.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 10_000 });
  // English is fetched on demand in the browser; tests render either language at once. In a hook, so
  // that the test file's own copy of the i18n module gets the table.
  const { beforeAll } = await import('vitest');
  beforeAll(async () => (await import('../src/i18n.tsx')).loadLanguage('en'));
}
export {};
