import type { Logger } from '../log';
import type { Database } from './db';
import type { DocumentStore } from './document-store';
import { SqliteDocumentStore } from './sqlite-store';

/**
 * The document store the configuration asks for: PostgreSQL when DATABASE_URL is set (then
 * `sqlite` is null: nothing is kept in DATA_DIR), else the embedded SQLite database.
 */
export async function openDocumentStore(databaseUrl: string | undefined, sqlite: Database | null, log: Logger): Promise<DocumentStore> {
  if (!databaseUrl) {
    if (!sqlite) throw new Error('openDocumentStore needs the SQLite database when DATABASE_URL is not set');
    return new SqliteDocumentStore(sqlite);
  }
  // Loaded only here: a server on SQLite never holds the PostgreSQL driver in memory.
  const { PostgresDocumentStore } = await import('./postgres-store');
  const store = await PostgresDocumentStore.open(databaseUrl, (err) =>
    log.warn({ event: 'storage.connection_lost', err }, 'a PostgreSQL connection was lost'),
  );
  log.info({ event: 'storage.postgres' }, 'all data is stored in PostgreSQL');
  return store;
}
