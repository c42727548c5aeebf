// Running the real `cmmm` binary in tests, as a user would after npm install.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export const root = new URL('../../../', import.meta.url).pathname;
export const bin = join(root, 'node_modules', '.bin', 'cmmm');
export const dir = mkdtempSync(join(tmpdir(), 'cmmm-cli-'));

/** Runs `cmmm args` (stdin: input); env adds to the environment (e.g. DATA_DIR). */
export function cmmm(args: string[], input?: string, env?: Record<string, string>) {
  const r = spawnSync(bin, args, { input, encoding: 'utf8', cwd: root, env: env && { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A file in the tests' temporary directory. */
export function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A failure: non-zero exit, a message naming the problem, no stack trace, nothing on stdout. */
export function expectRefused(r: ReturnType<typeof cmmm>, code: string, naming: string | RegExp) {
  expect(r.code).not.toBe(0);
  expect(r.out).toBe('');
  expect(r.err).toContain(`[${code}]`);
  expect(r.err).toMatch(naming);
  expect(r.err).not.toMatch(/\n\s+at |node:internal|Error:/);
}
