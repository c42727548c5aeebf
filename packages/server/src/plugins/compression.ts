// Compresses the server's own public text answers (reference data, the model: those marked
// `cache-control: public`) for clients that accept brotli or gzip. Only those: an answer carrying a
// secret (a CSRF token, personal data) beside user input would invite BREACH, as deploy/nginx says.
// The browser app's files are compressed once at build time instead (web-routes.ts, preCompressed);
// streams (PDFs, evidence files, exports) and small answers pass as they are.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Below this a compressed answer saves less than its headers and the CPU cost. */
const MIN_BYTES = 1024;
const TEXT = /^(application\/(json|javascript|xml)|text\/|image\/svg\+xml)/;
const toBrotli = promisify(brotliCompress);
const toGzip = promisify(gzip);
// Quality 4: near gzip's speed with brotli's size; answers are compressed per request on 2 cores.
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

/** 'br', 'gzip' or none, from an Accept-Encoding header (q=0 refuses; equal weights prefer br). */
export function encodingFor(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
    if (name) weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => weights.get(name) ?? (weights.get('*') ?? 0);
  const br = weight('br');
  const gz = weight('gzip');
  if (br > 0 && br >= gz) return 'br';
  return gz > 0 ? 'gzip' : undefined;
}

function varyOnEncoding(reply: FastifyReply) {
  const vary = reply.getHeader('vary');
  if (vary === undefined) reply.header('vary', 'accept-encoding');
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(String(vary))) reply.header('vary', `${String(vary)}, accept-encoding`);
}

export function compressionPlugin(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.hasHeader('content-encoding') || !TEXT.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    if (!String(reply.getHeader('cache-control') ?? '').startsWith('public')) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (body.length < MIN_BYTES) return payload;
    varyOnEncoding(reply);
    const encoding = encodingFor(request.headers['accept-encoding']);
    if (!encoding) return payload;
    reply.header('content-encoding', encoding).removeHeader('content-length');
    return encoding === 'br' ? toBrotli(body, BROTLI) : toGzip(body);
  });
}
