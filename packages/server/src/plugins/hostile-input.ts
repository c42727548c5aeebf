// One check for every request, before any schema: a NUL character or a lone UTF-16 surrogate in any
// string (value or key) of the body, query or path is a 400 VALIDATION naming the field — PostgreSQL
// cannot store the first, and the second is not text. Nesting deeper than any schema allows is
// refused the same way. Walks iteratively, so hostile depth cannot exhaust the stack.
import type { FastifyInstance } from 'fastify';
import { sendError } from '../errors.ts';

const MAX_DEPTH = 32;
// eslint-disable-next-line no-control-regex -- the NUL character is exactly what is refused
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first bad string or too deep value, or null. */
export function findHostileValue(root: unknown, rootPath: string): { path: string; reason: 'text' | 'depth' } | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: rootPath, depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (BAD_TEXT.test(value)) return { path, reason: 'text' };
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_DEPTH) return { path, reason: 'depth' };
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (BAD_TEXT.test(key)) return { path: childPath, reason: 'text' };
        stack.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return null;
}

export function hostileInputPlugin(app: FastifyInstance) {
  app.addHook('preValidation', async (request, reply) => {
    for (const value of [request.body, request.query, request.params]) {
      const found = findHostileValue(value, '');
      if (found) {
        const message = found.reason === 'text' ? `「${found.path}」含有无效字符（如空字符或不成对的代理字符）` : `「${found.path}」嵌套层级过深`;
        return sendError(reply, 'VALIDATION', message, [{ code: 'VALIDATION', path: found.path, message }]);
      }
    }
  });
}
