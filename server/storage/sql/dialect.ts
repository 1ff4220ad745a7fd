import type { ColumnDataType } from 'kysely';

/** Which SQL engine a Kysely instance talks to; migrations need it for a few column types. */
export type Dialect = 'sqlite' | 'postgres';

/** Bytes: BLOB in SQLite, BYTEA in PostgreSQL (both read back as a Buffer). */
export function blobType(dialect: Dialect): ColumnDataType {
  return dialect === 'postgres' ? 'bytea' : 'blob';
}

/**
 * An ever-growing integer id. In SQLite `INTEGER PRIMARY KEY AUTOINCREMENT` never reuses
 * an id (the event stream's Last-Event-ID relies on that); BIGSERIAL does the same.
 */
export function serialType(dialect: Dialect): ColumnDataType {
  return dialect === 'postgres' ? 'bigserial' : 'integer';
}
