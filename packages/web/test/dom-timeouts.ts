// Setup of every test file (vitest.config.ts): in the DOM tests, findBy… and waitFor wait up to 10 s
// instead of testing-library's 1 s. Rendering antd pages in jsdom takes well past a second on a busy
// 2-core machine running other test files at the same time; a test that never finds its element still fails.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 10_000 });
}
export {};
