import path from 'node:path';
import { openDatabase } from '../../server/storage/db';
import { openSql, type Sql } from '../../server/storage/sql/open-sql';
import { databaseFor } from './postgres';

/**
 * The store a test server (startTestServer) keeps its data in, opened beside it as a second
 * instance would: its SQLite file, or in the `postgres` project its database. For tests
 * that change or check what is at rest, or drive a part of the server with a fake clock.
 */
export async function withServerStore<T>(dataDir: string, use: (store: Sql) => Promise<T>): Promise<T> {
  if (process.env.TEST_STORE === 'postgres') {
    const store = await openSql({ databaseUrl: await databaseFor(path.resolve(dataDir)) });
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  }
  const sqlite = openDatabase(dataDir);
  try {
    return await use(await openSql({ sqlite }));
  } finally {
    sqlite.close();
  }
}
