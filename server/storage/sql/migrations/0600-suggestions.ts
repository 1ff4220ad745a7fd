import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Suggestion mode (issue 14): proposed wording beside the text, anchored like a comment
 * thread (relative positions into the `default` fragment), never inside the Yjs document.
 * A suggestion goes with its document (ON DELETE CASCADE when the trash is purged).
 *
 * `suggestion.updated` events (a draft growing while its author types) are live state like
 * presence: pruned by age (server/events/presence-retention.ts), found through a partial index.
 */
export function suggestionTables(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('suggestions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('anchor_start', 'text', (c) => c.notNull())
        .addColumn('anchor_end', 'text', (c) => c.notNull())
        .addColumn('deleted_text', 'text', (c) => c.notNull())
        .addColumn('insert_text', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status IN ('pending', 'accepted', 'rejected', 'withdrawn')`))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .execute();
      await db.schema.createIndex('suggestions_by_document_status').on('suggestions').columns(['document_id', 'status']).execute();
      await db.schema
        .createIndex('events_suggestion_updates_by_age')
        .on('events')
        .column('at')
        .where(sql.ref('type'), '=', sql.lit('suggestion.updated'))
        .execute();
    },
  };
}
