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

export function sendError(reply: FastifyReply, code: ErrorCode, message?: string, issues?: Issue[]) {
  const body: ErrorBody = { error: { code, message: message ?? ERRORS[code].zh, ...(issues?.length ? { issues } : {}) } };
  return reply.status(statusOf(code)).send(body);
}

export function errorHandler(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) } };
    return reply.status(statusOf(error.code)).send(body);
  }
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
    return reply.header('retry-after', '5').status(503).send({ error: { code: 'DATABASE_UNAVAILABLE', message: ERRORS.DATABASE_UNAVAILABLE.zh } } satisfies ErrorBody);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, 'INTERNAL');
}
