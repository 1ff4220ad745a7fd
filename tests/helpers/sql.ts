import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../server/storage/db';
import type { Dialect } from '../../server/storage/sql/dialect';
import { openSql, type Sql } from '../../server/storage/sql/open-sql';
import { createTestDatabase } from './postgres';

/** Both engines, for `describe.each(SQL_DIALECTS)`: repository tests run on each. */
export const SQL_DIALECTS: Dialect[] = ['sqlite', 'postgres'];

export interface TestSql extends Sql {
  /** The PostgreSQL database's address, or null on SQLite. */
  databaseUrl: string | null;
  /** Closes the store and removes its file or database. */
  dispose(): Promise<void>;
  /**
   * Another connection to the same store, as a second instance has; `close` ends it. On SQLite
   * not for transactions that overlap the first connection's: in one process they would block.
   */
  openAnother(): Promise<Sql>;
}

/** A fresh, migrated relational store of the given engine (a temp file, or a temp database). */
export async function openTestSql(dialect: Dialect): Promise<TestSql> {
  if (dialect === 'postgres') {
    const database = await createTestDatabase();
    const sql = await openSql({ databaseUrl: database.url });
    return {
      ...sql,
      databaseUrl: database.url,
      async dispose() {
        await sql.close();
        await database.drop();
      },
      openAnother: () => openSql({ databaseUrl: database.url }),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadskamer-sql-'));
  const sqlite = openDatabase(dir);
  const sql = await openSql({ sqlite });
  return {
    ...sql,
    databaseUrl: null,
    async dispose() {
      await sql.close();
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    async openAnother() {
      const other = openDatabase(dir);
      const opened = await openSql({ sqlite: other });
      return {
        ...opened,
        close: async () => {
          other.close();
        },
      };
    },
  };
}
