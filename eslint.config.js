// Lint rules, including the dependency rules of docs/ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', '**/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
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
        { group: ['@cmmm/server/*', '**/server/src/**'], message: 'the CLI does not reach into server internals.' },
      ] }],
    },
  },
);
