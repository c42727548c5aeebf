// Driver-independent recognition of PostgreSQL errors (pg and PGlite both expose the SQLSTATE as `code`).

/** SQLSTATE of a PostgreSQL error, from pg's or PGlite's error object. */
export function sqlState(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  const { code } = err;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** True for a unique constraint violation (SQLSTATE 23505), on either driver. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (sqlState(err) !== '23505') return false;
  if (constraint === undefined) return true;
  return typeof err === 'object' && err !== null && 'constraint' in err && err.constraint === constraint;
}

/** Socket errors of a server that is down, restarting or unreachable. */
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up or shutting down). */
const UNAVAILABLE_SQLSTATE = new Set(['57P01', '57P02', '57P03']);
/** pg's own messages for a connection that died or never came (it gives them no code). */
const UNAVAILABLE_MESSAGE = /connection terminated|terminating connection|connection timeout|timeout exceeded when trying to connect|not queryable|server closed the connection|connection refused|connection reset/i;

/**
 * True when the error says the database cannot be reached right now (refused, reset or terminated
 * connection, connect timeout, SQLSTATE class 08, 57P01–57P03), rather than that the query is wrong:
 * the request may be retried later. Looks into `cause` and AggregateError's `errors`.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  return unavailable(err, 0);
}

function unavailable(err: unknown, depth: number): boolean {
  if (typeof err !== 'object' || err === null || depth > 5) return false;
  const state = sqlState(err);
  if (state !== undefined) return state.startsWith('08') || UNAVAILABLE_SQLSTATE.has(state);
  const { code, message, cause, errors } = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_ERRNO.has(code)) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => unavailable(e, depth + 1))) return true;
  return unavailable(cause, depth + 1);
}
