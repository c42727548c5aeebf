// The browser app (packages/web/dist, built by `npm install`'s prepare step) at /, with client-side
// routes falling back to index.html; the server-rendered model page stays at /model for no-JS use.
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = new URL('../../../web/dist/', import.meta.url).pathname;

export async function webRoutes(app: FastifyInstance, distDir: string = WEB_DIST) {
  if (!existsSync(`${distDir}index.html`)) {
    app.log.warn({ distDir }, 'web app not built: run `npm run build -w @cmmm/web`');
    return false;
  }
  // preCompressed: the build wrote .br and .gz beside each text file; clients that accept one get it.
  await app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: false, index: false, cacheControl: false, preCompressed: true,
    setHeaders: (res, path) => res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache') });
  return true;
}
