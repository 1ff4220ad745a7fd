import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../server/storage/db';
import type { Dialect } from '../../server/storage/sql/dialect';
import { openSql, type Sql } from '../../server/storage/sql/open-sql';
import type { Tables } from '../../server/storage/sql/tables';
import type { DocumentStore } from '../../server/storage/document-store';
import { PostgresDocumentStore } from '../../server/storage/postgres-store';
import { SqliteDocumentStore } from '../../server/storage/sqlite-store';
import { createTestDatabase } from './postgres';

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
  const closers: Array<() => unknown> = [];
  const dispose = async () => {
    for (const close of closers.splice(0).reverse()) await close();
  };
  if (dialect === 'postgres') {
    const database = await createTestDatabase();
    closers.push(() => database.drop());
    const a = await openSql({ databaseUrl: database.url });
    closers.push(() => a.close());
    const b = await openSql({ databaseUrl: database.url });
    closers.push(() => b.close());
    const documents = async () => {
      const store = await PostgresDocumentStore.open(database.url);
      closers.push(() => store.close());
      return store;
    };
    return { a, b, documents, dispose };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadskamer-sql-pair-'));
  closers.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const first = openDatabase(dir);
  closers.push(() => first.close());
  const a = await openSql({ sqlite: first });
  // One connection for both: a second connection in the same process would wait (blocking
  // the thread) for a write lock that only this thread can release. Instances on one file
  // are processes, serialised by SQLite's write lock; the server tests cover those.
  return { a, b: a, documents: async () => new SqliteDocumentStore(first), dispose };
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
