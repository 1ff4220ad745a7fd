import path from 'node:path';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../server/storage/db';
import type { Dialect } from '../../server/storage/sql/dialect';
import { openSql, type Sql } from '../../server/storage/sql/open-sql';
import type { Tables } from '../../server/storage/sql/tables';
import type { DocumentStore } from '../../server/storage/document-store';
import { PostgresDocumentStore } from '../../server/storage/postgres-store';
import { SqliteDocumentStore } from '../../server/storage/sqlite-store';
import { databaseFor } from './postgres';
import { openTestSql } from './sql';

/**
 * The store a test server (startTestServer) keeps its data in, opened beside it as a second
 * instance would: its SQLite file, or in the `postgres` project its database. For tests
 * that change or check what is at rest (e.g. that only hashes of tokens are kept), or drive
 * a part of the server with a fake clock.
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

/**
 * Two instances on one store of the given engine: two pools on one PostgreSQL database
 * (races between them are races between servers), or on SQLite one shared connection.
 */
export interface SqlInstances {
  a: Sql;
  b: Sql;
  /** The document store of instance a (it owns `doc_updates` in the same database). */
  documents(): Promise<DocumentStore>;
  dispose(): Promise<void>;
}

export async function openSqlInstances(dialect: Dialect): Promise<SqlInstances> {
  const a = await openTestSql(dialect);
  const closers: Array<() => unknown> = [() => a.dispose()];
  const dispose = async () => {
    for (const close of closers.splice(0).reverse()) await close();
  };
  const url = a.databaseUrl;
  if (url === null) {
    // One connection for both: a second connection in the same process would wait (blocking
    // the thread) for a write lock that only this thread can release. Instances on one file
    // are processes, serialised by SQLite's write lock; the server tests cover those.
    return { a, b: a, documents: async () => new SqliteDocumentStore(a.sqlite!), dispose };
  }
  const b = await a.openAnother();
  closers.push(() => b.close());
  const documents = async () => {
    const store = await PostgresDocumentStore.open(url);
    closers.push(() => store.close());
    return store;
  };
  return { a, b, documents, dispose };
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

/** An account row (FK target of most tables); returns its id. */
export async function seedUser(db: Kysely<Tables>, name = 'Ann Peeters'): Promise<string> {
  const id = unique('u');
  await db
    .insertInto('users')
    .values({ id, email: `${id}@gent.test`, password_hash: 'x', name, organization: 'Stad Gent', created_at: new Date().toISOString() })
    .execute();
  return id;
}

/** A workspace with `ownerId` as its owner; returns its id. */
export async function seedWorkspace(db: Kysely<Tables>, ownerId: string): Promise<string> {
  const id = unique('w');
  const now = new Date().toISOString();
  await db.insertInto('workspaces').values({ id, name: `Atelier ${id}`, description: '', created_by: ownerId, created_at: now }).execute();
  await db.insertInto('members').values({ workspace_id: id, user_id: ownerId, role: 'owner', joined_at: now }).execute();
  return id;
}

/** Two instances on a fresh store with an owner and their workspace in it. */
export async function openSeeded(dialect: Dialect): Promise<{ store: SqlInstances; owner: string; wid: string }> {
  const store = await openSqlInstances(dialect);
  const owner = await seedUser(store.a.db, 'Olivia');
  return { store, owner, wid: await seedWorkspace(store.a.db, owner) };
}
