import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Notifications that are about a document rather than a comment thread (a suggestion
 * accepted or rejected, issue 14): `thread_id` becomes optional and `document_id` names the
 * document when there is no thread. PostgreSQL drops the NOT NULL in place; SQLite cannot,
 * so it rebuilds the table (nothing references it) with the same rows and indexes.
 */
export function notificationDocuments(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        await sql`ALTER TABLE notifications ALTER COLUMN thread_id DROP NOT NULL`.execute(db);
        await db.schema
          .alterTable('notifications')
          .addColumn('document_id', 'text', (c) => c.references('documents.id').onDelete('cascade'))
          .execute();
        await sql`ALTER TABLE notifications ADD CONSTRAINT notifications_thread_or_document CHECK (thread_id IS NOT NULL OR document_id IS NOT NULL)`.execute(db);
        return;
      }
      await db.schema
        .createTable('notifications_new')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('thread_id', 'text', (c) => c.references('comment_threads.id').onDelete('cascade'))
        .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('excerpt', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('mention'))
        .addColumn('mailed_at', 'text')
        .addColumn('document_id', 'text', (c) => c.references('documents.id').onDelete('cascade'))
        .addCheckConstraint('notifications_thread_or_document', sql`thread_id IS NOT NULL OR document_id IS NOT NULL`)
        .execute();
      await sql`INSERT INTO notifications_new (id, user_id, thread_id, actor_id, excerpt, created_at, read_at, kind, mailed_at)
        SELECT id, user_id, thread_id, actor_id, excerpt, created_at, read_at, kind, mailed_at FROM notifications`.execute(db);
      await db.schema.dropTable('notifications').execute();
      await db.schema.alterTable('notifications_new').renameTo('notifications').execute();
      await db.schema.createIndex('notifications_by_user').on('notifications').columns(['user_id', 'created_at']).execute();
      await db.schema.createIndex('notifications_unmailed').on('notifications').column('user_id').where(sql.ref('mailed_at'), 'is', null).execute();
    },
  };
}
