import { sql, type Kysely, type Migration } from 'kysely';
import { blobType, serialType, type Dialect } from '../dialect';

/**
 * Documents and what hangs off them: events, comments, notifications, join codes, board
 * drafts, images, search entries and templates. IF NOT EXISTS everywhere, as in 0001.
 */
export function contentBaseline(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('documents')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('recommendation', 'note', 'board')`))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status IN ('draft', 'review', 'final')`))
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .addColumn('deleted_by', 'text')
        .addColumn('archived_at', 'text')
        .execute();
      await db.schema
        .createIndex('documents_by_workspace')
        .ifNotExists()
        .on('documents')
        .columns(['workspace_id', 'kind', 'updated_at'])
        .execute();
      await db.schema
        .createIndex('documents_in_trash')
        .ifNotExists()
        .on('documents')
        .column('deleted_at')
        .where(sql.ref('deleted_at'), 'is not', null)
        .execute();
      await db.schema
        .createTable('events')
        .ifNotExists()
        .addColumn('id', serialType(dialect), (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_by_workspace').ifNotExists().on('events').columns(['workspace_id', 'id']).execute();
      await db.schema
        .createTable('comment_threads')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('anchor_start', 'text', (c) => c.notNull())
        .addColumn('anchor_end', 'text', (c) => c.notNull())
        .addColumn('quote', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('mentions', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('edited_at', 'text')
        .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
        .addColumn('resolved_at', 'text')
        .execute();
      await db.schema
        .createIndex('comment_threads_by_document')
        .ifNotExists()
        .on('comment_threads')
        .columns(['document_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('comment_replies')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('thread_id', 'text', (c) => c.notNull().references('comment_threads.id').onDelete('cascade'))
        .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('mentions', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('edited_at', 'text')
        .execute();
      await db.schema
        .createIndex('comment_replies_by_thread')
        .ifNotExists()
        .on('comment_replies')
        .columns(['thread_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('notifications')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('thread_id', 'text', (c) => c.notNull().references('comment_threads.id').onDelete('cascade'))
        .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('excerpt', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('mention'))
        .addColumn('mailed_at', 'text')
        .execute();
      await db.schema
        .createIndex('notifications_by_user')
        .ifNotExists()
        .on('notifications')
        .columns(['user_id', 'created_at'])
        .execute();
      await db.schema
        .createIndex('notifications_unmailed')
        .ifNotExists()
        .on('notifications')
        .column('user_id')
        .where(sql.ref('mailed_at'), 'is', null)
        .execute();
      await boardsAndFiles(db, dialect);
    },
  };
}

async function boardsAndFiles(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('join_sessions')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('require_email', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('join_sessions_by_document')
    .ifNotExists()
    .on('join_sessions')
    .columns(['document_id', 'expires_at'])
    .execute();
  await db.schema
    .createTable('guest_accounts')
    .ifNotExists()
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('join_session_id', 'text', (c) => c.notNull().references('join_sessions.id').onDelete('cascade'))
    .addColumn('contact_email', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('board_drafts')
    .ifNotExists()
    .addColumn('board_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('draft_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('board_drafts_pkey', ['board_id', 'draft_id'])
    .execute();
  await db.schema
    .createIndex('board_drafts_by_board')
    .ifNotExists()
    .on('board_drafts')
    .columns(['board_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('images')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', blobType(dialect), (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('images_by_document').ifNotExists().on('images').column('document_id').execute();
  await db.schema
    .createTable('templates')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('state', blobType(dialect), (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('templates_by_workspace')
    .ifNotExists()
    .on('templates')
    .columns(['workspace_id', 'created_at'])
    .execute();
  await searchEntries(db, dialect);
}

async function searchEntries(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('search_entries')
    .ifNotExists()
    .addColumn('rowid', serialType(dialect), (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('organizations', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_entries_by_document').ifNotExists().on('search_entries').column('document_id').execute();
  await db.schema.createIndex('search_entries_by_workspace').ifNotExists().on('search_entries').column('workspace_id').execute();
  // The full-text index itself is engine-specific: FTS5 here; PostgreSQL's lives in its own
  // migration (a tsvector column with a GIN index), added by the PostgreSQL search index.
  if (dialect === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5 (title, body, tags, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  }
}
