// Lint rules, including the dependency rules of docs/ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', '**/dist/**', '**/test-results/**', '**/playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The browser app never imports the server, the database or the report renderer.
    files: ['packages/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@cmmm/server', '@cmmm/server/*', '@cmmm/db', '@cmmm/db/*', '@cmmm/report', '@cmmm/report/*'], message: 'packages/web talks to the server over HTTP only.' },
      ] }],
    },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
    },
  },
  {
    // The model is pure: no IO, no clock, no randomness, no other workspace package.
    files: ['packages/model/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net'], message: 'packages/model is pure: no IO.' },
        { group: ['@cmmm/*'], message: 'packages/model imports no workspace package.' },
      ] }],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'randomness comes in as an argument' },
        { object: 'Date', property: 'now', message: 'the clock comes in as an argument' },
      ],
      'no-restricted-globals': ['error', 'process', 'fetch', 'console'],
    },
  },
  {
    files: ['packages/cli/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@cmmm/server/*', '!@cmmm/server/tasks', '**/server/src/**'], message: 'the CLI uses only the server\'s public tasks entry.' },
      ] }],
    },
  },
);
