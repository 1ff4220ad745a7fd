import { Kysely, PostgresDialect } from 'kysely';
import type { Database as SqliteDatabase } from '../db';
import type { Dialect } from './dialect';
import { migrateToLatest } from './migrate';
import { ImmediateSqliteDialect } from './sqlite-dialect';
import { cachingStatements } from './statement-cache';
import type { Tables } from './tables';

export type Db = Kysely<Tables>;

/**
 * The relational store every repository uses: accounts, workspaces, comments, events and
 * the rest, through one set of kysely queries for both engines. Repositories take a `Db`
 * and must not know which engine runs; the few that need an engine feature (full-text
 * search) look at `dialect`.
 *
 * On SQLite the kysely instance shares the document store's connection. Transactions must
 * therefore only await the database itself: awaiting anything else inside one would let the
 * sync path's synchronous writes land in it.
 */
export interface Sql {
  db: Db;
  dialect: Dialect;
  /** The raw SQLite connection (for the SQLite document store and FTS5), or null on PostgreSQL. */
  sqlite: SqliteDatabase | null;
  close(): Promise<void>;
}

/** 64-bit integers (BIGINT, BIGSERIAL, COUNT) come back from pg as strings; ours fit a double. */
const INT8_OID = 20;

export async function openSql(options: {
  databaseUrl?: string;
  sqlite?: SqliteDatabase;
  onPoolError?: (err: Error) => void;
}): Promise<Sql> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.onPoolError);
  if (!options.sqlite) throw new Error('openSql needs a SQLite database or a DATABASE_URL');
  const sqlite = options.sqlite;
  const db = new Kysely<Tables>({ dialect: new ImmediateSqliteDialect({ database: cachingStatements(sqlite) }) });
  await migrateToLatest(db as Kysely<unknown>, 'sqlite');
  // Not db.destroy(): that would close the shared connection, which its opener closes.
  return { db, dialect: 'sqlite', sqlite, close: async () => undefined };
}

async function openPostgres(connectionString: string, onPoolError?: (err: Error) => void): Promise<Sql> {
  // Loaded only here: a server on SQLite never holds the driver in memory.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: 5_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (v: string) => Number(v) : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client whose server went away must not crash the process; the next query reconnects.
  pool.on('error', (err) => onPoolError?.(err));
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db as Kysely<unknown>, 'postgres');
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, dialect: 'postgres', sqlite: null, close: () => db.destroy() };
}
