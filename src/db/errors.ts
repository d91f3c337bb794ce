/** The SQLSTATE code of a database error (pg puts it on `code`), or null. */
export function sqlState(error: unknown): string | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
  return typeof code === 'string' ? code : null;
}

/** Postgres unique_violation: a concurrent request claimed the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}
