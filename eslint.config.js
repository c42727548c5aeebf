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
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@cmmm/server', '@cmmm/server/*', '@cmmm/db', '@cmmm/db/*', '@cmmm/report', '@cmmm/report/*'], message: 'packages/web talks to the server over HTTP only.' },
        ],
        paths: [
          // The model's pure functions (editionIndex) are fine; the shapes on the wire are the contract's.
          { name: '@cmmm/model', importNames: ['ScoreResult', 'Edition', 'PlausibilityWarning', 'Grade', 'EnterpriseType', 'LevelBreakdown'], message: 'wire types come from @cmmm/contract.' },
        ],
      }],
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
  {
    // Only env.ts reads the environment (one typed, frozen object); tests and tools may set it.
    files: ['packages/*/src/**/*.{ts,tsx}'],
    ignores: ['packages/server/src/env.ts', 'packages/model/**'], // model: no `process` at all (above)
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'read configuration through packages/server/src/env.ts' }],
    },
  },
  {
    // Routes validate, call one service and present: no SQL, no repositories.
    files: ['packages/server/src/routes/**/*.ts', 'packages/server/src/plugins/**/*.ts', 'packages/server/src/pages/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/repositories/**'], message: 'routes call services; repositories reach services through ctx.repos.' },
        { group: ['kysely', '@cmmm/db'], message: 'routes hold no SQL.' },
      ] }],
    },
  },
  {
    // Services hold no SQL: they read and write through ctx.repos (type imports are fine).
    files: ['packages/server/src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['kysely'], message: 'services hold no SQL: add a repository function.' },
        { group: ['**/repositories/**'], allowTypeImports: true, message: 'repositories reach services through ctx.repos, so a service can run on fakes.' },
      ] }],
    },
  },
  {
    // Repositories hold only SQL: no services, routes, views or HTTP.
    files: ['packages/server/src/repositories/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/services/**', '**/routes/**', '**/plugins/**', '**/views.ts', 'fastify', '@cmmm/report', '@cmmm/report/*', '@cmmm/advice'], message: 'repositories hold only SQL.' },
      ] }],
    },
  },
  {
    // The report only renders what it is given.
    files: ['packages/report/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@cmmm/db', '@cmmm/db/*', '@cmmm/server', '@cmmm/server/*', '@cmmm/advice', 'kysely', 'pg'], message: 'packages/report renders what it is given: no database, server or domain rules.' },
      ] }],
    },
  },
  {
    // The wire and the domain rules: no IO, no database, no server.
    files: ['packages/contract/src/**/*.ts', 'packages/advice/src/**/*.ts', 'packages/reference/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net'], message: 'no IO here.' },
        { group: ['@cmmm/db', '@cmmm/db/*', '@cmmm/server', '@cmmm/server/*', '@cmmm/report', '@cmmm/report/*', 'kysely', 'pg'], message: 'no database, server or rendering here.' },
      ] }],
    },
  },
  {
    // The database package knows nothing of the server, reports or the web.
    files: ['packages/db/src/**/*.ts', 'packages/db/migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@cmmm/server', '@cmmm/server/*', '@cmmm/report', '@cmmm/report/*', '@cmmm/web', '@cmmm/advice'], message: 'packages/db is below the server.' },
      ] }],
    },
  },
);
