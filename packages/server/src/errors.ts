// The one error boundary: stable codes → HTTP status and { error: { code, message, issues? } }.
import { ERRORS, isErrorCode, type ErrorBody, type ErrorCode } from '@cmmm/contract';
import { isDatabaseUnavailable } from '@cmmm/db';
import type { Issue } from '@cmmm/model';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode | string,
    message?: string,
    readonly issues: Issue[] = [],
  ) {
    super(message ?? (isErrorCode(code) ? ERRORS[code].zh : code));
  }

  /** From the engine's issues (model codes are contract codes too). */
  static fromIssues(issues: Issue[]): AppError {
    const first = issues[0]!;
    return new AppError(first.code, issues.length > 1 ? `${first.message}（共 ${issues.length} 个问题）` : first.message, issues);
  }
}

const statusOf = (code: string): number => (isErrorCode(code) ? ERRORS[code].status : 400);

/** An answer lists at most this many issues: a request with 100 000 bad items must not get a 10 MB answer. */
export const MAX_ISSUES = 50;

function errorBody(code: string, message: string, issues: readonly Issue[] = []): ErrorBody {
  if (issues.length <= MAX_ISSUES) return { error: { code, message, ...(issues.length ? { issues: [...issues] } : {}) } };
  return { error: { code, message: `${message}（共 ${issues.length} 个问题，仅列出前 ${MAX_ISSUES} 个）`, issues: issues.slice(0, MAX_ISSUES) } };
}

export function sendError(reply: FastifyReply, code: ErrorCode, message?: string, issues?: Issue[]) {
  return reply.status(statusOf(code)).send(errorBody(code, message ?? ERRORS[code].zh, issues));
}

/** Errors the router meets before any route runs (a malformed %-escape, an over-long path parameter). */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const message = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? '地址中的参数过长' : error.code === 'FST_ERR_BAD_URL' ? '地址中含有无效的转义字符' : `${ERRORS.BAD_REQUEST.zh}：${error.message}`;
  return sendError(reply, 'BAD_REQUEST', message);
}

export function errorHandler(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return reply.status(statusOf(error.code)).send(errorBody(error.code, error.message, error.issues));
  // Request validation (zod through fastify-type-provider-zod): every field problem, by path.
  if (error.validation) {
    const issues = error.validation.map((i) => ({
      code: 'VALIDATION',
      path: (i.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.') || (error.validationContext ?? ''),
      message: i.message ?? ERRORS.VALIDATION.zh,
    }));
    return sendError(reply, 'VALIDATION', issues[0]?.message ?? ERRORS.VALIDATION.zh, issues);
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 'PAYLOAD_TOO_LARGE');
  if (error.statusCode === 429) return sendError(reply, 'RATE_LIMITED');
  if (error.statusCode && error.statusCode < 500) {
    return sendError(reply, 'BAD_REQUEST', `${ERRORS.BAD_REQUEST.zh}：${error.message}`);
  }
  if (isDatabaseUnavailable(error)) {
    // An outage, not a defect: say so, and the client retries (nothing acknowledged was lost).
    request.log.warn({ err: { message: error.message } }, 'database unavailable');
    return sendError(reply.header('retry-after', '5'), 'DATABASE_UNAVAILABLE');
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, 'INTERNAL');
}
