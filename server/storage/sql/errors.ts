/**
 * A unique or primary-key constraint refused a row: PostgreSQL answers SQLSTATE 23505,
 * better-sqlite3 SQLITE_CONSTRAINT_UNIQUE or SQLITE_CONSTRAINT_PRIMARYKEY. Callers use it
 * where a collision is expected (a random code drawn twice, a row inserted concurrently).
 */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * A foreign key refused a row because what it points at is gone: PostgreSQL answers SQLSTATE
 * 23503, better-sqlite3 SQLITE_CONSTRAINT_FOREIGNKEY. Callers use it where the parent may be
 * deleted between their check and their insert (a reply to a thread being deleted).
 */
export function isForeignKeyViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
