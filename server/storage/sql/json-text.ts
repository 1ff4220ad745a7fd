import { sql, type RawBuilder } from 'kysely';
import type { Dialect } from './dialect';

/**
 * One top-level field of a JSON text column, as text (null when absent), for the few
 * queries that must look inside the JSON the event log stores. SQLite and PostgreSQL spell
 * this differently, so the caller passes the dialect. `key` must be a fixed name from the
 * code (it becomes a literal), never user input.
 */
export function jsonTextField(dialect: Dialect, column: string, key: string): RawBuilder<string | null> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new Error(`not a JSON field name: ${key}`);
  return dialect === 'postgres'
    ? sql<string | null>`(${sql.ref(column)}::json ->> ${sql.lit(key)})`
    : sql<string | null>`json_extract(${sql.ref(column)}, ${sql.lit(`$.${key}`)})`;
}
