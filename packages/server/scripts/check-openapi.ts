// `npm run lint` (part of `npm test`): the OpenAPI document the server serves must pass Spectral's
// `spectral:oas` ruleset with no warnings. Builds the app without a database (the document needs none).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@cmmm/db';
import { buildApp } from '../src/app.ts';
import { serviceContext } from '../src/context.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const noDatabase = { db: null, kind: 'embedded', close: async () => {} } as unknown as Database;
const app = await buildApp({ ctx: serviceContext(noDatabase, { info: () => {}, warn: () => {} }, { publicUrl: 'https://cmmm.example.cn' }) });
await app.ready();
const dir = mkdtempSync(join(tmpdir(), 'cmmm-openapi-'));
const file = join(dir, 'openapi.json');
writeFileSync(file, JSON.stringify(app.swagger(), null, 2));
await app.close();
try {
  execFileSync(join(ROOT, 'node_modules/.bin/spectral'), ['lint', file, '--ruleset', join(ROOT, '.spectral.yaml'), '--fail-severity', 'warn', '--display-only-failures'], { stdio: 'inherit' });
  process.stdout.write('OpenAPI document: spectral:oas, no warnings\n');
} catch {
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
