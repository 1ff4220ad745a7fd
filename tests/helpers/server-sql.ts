import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Db } from '../../server/storage/sql/open-sql';
import type { Tables } from '../../server/storage/sql/tables';
import { databaseFor } from './postgres';

/**
 * Reads what a test server (startTestServer) stored, on whichever engine it runs: its
 * PostgreSQL database in the `postgres` project, else its SQLite file (read-only).
 * For tests that check what is at rest, e.g. that only hashes of tokens are kept.
 */
export async function withServerSql<T>(dataDir: string, read: (db: Db) => Promise<T>): Promise<T> {
  const db =
    process.env.TEST_STORE === 'postgres'
      ? new Kysely<Tables>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: await databaseFor(path.resolve(dataDir)), max: 1 }) }) })
      : new Kysely<Tables>({ dialect: new SqliteDialect({ database: new BetterSqlite3(path.join(dataDir, 'stadskamer.db'), { readonly: true }) }) });
  try {
    return await read(db);
  } finally {
    await db.destroy();
  }
}
