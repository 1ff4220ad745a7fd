import { afterAll } from 'vitest';
import { PostgresDocumentStore } from '../../server/storage/postgres-store';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres';
import { documentStoreContract } from './document-store.contract';

const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const d of databases) await d.drop();
});

documentStoreContract('PostgreSQL', {
  async open() {
    databases.push(await createTestDatabase());
    return PostgresDocumentStore.open(databases.at(-1)!.url);
  },
  // Another instance on another host: its own pool on the same database.
  async openSecond() {
    return PostgresDocumentStore.open(databases.at(-1)!.url);
  },
});
