#!/usr/bin/env node
// Entry of the `cmmm` command: runs the TypeScript source through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
// A closed pipe (`cmmm model export | head`) ends output quietly, as for any Unix tool.
process.stdout.on('error', (err) => process.exit(err.code === 'EPIPE' ? 0 : 1));
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
