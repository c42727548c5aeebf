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
