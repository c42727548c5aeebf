// Stable error codes and the one place that turns them into HTTP responses.
import type { Issue } from '@cmmm/model';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** HTTP status of each code; the body is always { error: { code, message, issues? } }. */
const STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  BAD_INPUT: 400,
  UNKNOWN_REQUIREMENT: 400,
  BAD_GRADE: 400,
  NA_NOT_ALLOWED: 400,
  MISSING_ANSWERS: 400,
  TAILORING_NOT_ALLOWED: 400,
  UNKNOWN_NODE: 400,
  BAD_ENTERPRISE_TYPE: 400,
  BAD_ANSWERS: 400,
  UNKNOWN_EDITION: 404,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }

  static fromIssues(issues: Issue[]): AppError {
    const first = issues[0]!;
    return new AppError(first.code, issues.length > 1 ? `${first.message}（共 ${issues.length} 个问题）` : first.message, issues);
  }
}

export function errorHandler(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply.status(STATUS[error.code] ?? 400).send({ error: { code: error.code, message: error.message, issues: error.issues } });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply.status(413).send({ error: { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大' } });
  }
  if (error.statusCode && error.statusCode < 500) {
    return reply.status(error.statusCode).send({ error: { code: 'BAD_REQUEST', message: `请求无效：${error.message}` } });
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试' } });
}
