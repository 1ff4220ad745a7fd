import type { Kysely, Migration } from 'kysely';
import { blobType, serialType, type Dialect } from '../dialect';

/**
 * Version history (issue 14): each version is a document's whole encoded state, so it
 * never depends on what garbage collection has kept; `authorship` says which person each
 * run of Yjs changes came from, written from the authenticated socket on the sync path.
 * Both go with their document (ON DELETE CASCADE when the trash is purged).
 */
export function versionTables(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('document_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        // Millisecond ISO text, strictly increasing per document (the service sees to it).
        .addColumn('created_at', 'text', (c) => c.notNull())
        // Null: made by the server (after a quiet period); else who saved or caused it.
        .addColumn('created_by', 'text')
        // Null for automatic versions; retention keeps every named one.
        .addColumn('name', 'text')
        // Why it was made: manual, edit (quiet period), status, before_restore, restore.
        .addColumn('reason', 'text', (c) => c.notNull())
        // For a restore: the version whose content came back.
        .addColumn('restored_from', 'text')
        // JSON list of user ids who changed the content since the previous version.
        .addColumn('contributors', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('state', blobType(dialect), (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('document_versions_by_document').on('document_versions').columns(['document_id', 'created_at']).execute();
      await db.schema
        .createTable('authorship')
        .addColumn('id', serialType(dialect), (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        // 'insert': the structs client:[clock_start, clock_end) were made by user_id;
        // 'delete': user_id deleted the items with those ids.
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('client_id', 'bigint', (c) => c.notNull())
        .addColumn('clock_start', 'bigint', (c) => c.notNull())
        .addColumn('clock_end', 'bigint', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        // ms since the epoch of the last change the row covers: who was active since a version.
        .addColumn('last_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('authorship_by_document').on('authorship').columns(['document_id', 'last_at']).execute();
    },
  };
}
