/**
 * Whether a failed statement broke a UNIQUE or PRIMARY KEY constraint, on either engine:
 * PostgreSQL answers SQLSTATE 23505, better-sqlite3 an extended SQLite code.
 */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
