import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * PostgreSQL's full-text index beside `search_entries` (SQLite has FTS5's `search_fts`, made
 * in 0002): one weighted tsvector per entry, built from the Dutch stems the indexer
 * computes, with a GIN index. Rows go when their entry goes. Nothing to do on SQLite.
 */
export function searchPostgres(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await db.schema
        .createTable('search_vectors')
        .ifNotExists()
        .addColumn('rowid', 'bigint', (c) => c.primaryKey().references('search_entries.rowid').onDelete('cascade'))
        .addColumn('vector', sql`tsvector`, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('search_vectors_gin').ifNotExists().on('search_vectors').using('gin').column('vector').execute();
    },
  };
}
