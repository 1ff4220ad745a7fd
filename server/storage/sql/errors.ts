/**
 * A unique or primary-key constraint refused a row: PostgreSQL answers SQLSTATE 23505,
 * better-sqlite3 SQLITE_CONSTRAINT_UNIQUE or SQLITE_CONSTRAINT_PRIMARYKEY. Callers use it
 * where a collision is expected (a random code drawn twice, a row inserted concurrently).
 */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
