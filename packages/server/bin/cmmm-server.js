#!/usr/bin/env node
// Starts the platform server (`npm start`): runs the TypeScript source through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
await main();
