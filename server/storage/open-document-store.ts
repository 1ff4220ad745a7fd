import type { Logger } from '../log';
import type { Database } from './db';
import type { DocumentStore } from './document-store';
import { PostgresDocumentStore } from './postgres-store';
import { SqliteDocumentStore } from './sqlite-store';

/**
 * The document store the configuration asks for: PostgreSQL when DATABASE_URL is set,
 * else the embedded SQLite database. Accounts, workspaces, comments and events stay in
 * SQLite for now (issue 18 moves them too).
 */
export async function openDocumentStore(databaseUrl: string | undefined, db: Database, log: Logger): Promise<DocumentStore> {
  if (!databaseUrl) return new SqliteDocumentStore(db);
  const store = await PostgresDocumentStore.open(databaseUrl, (err) =>
    log.warn({ event: 'storage.connection_lost', err }, 'a PostgreSQL connection was lost'),
  );
  log.warn(
    { event: 'storage.postgres_documents' },
    'document content is stored in PostgreSQL; accounts, workspaces, comments and events still in DATA_DIR',
  );
  return store;
}
