import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Accounts, sessions, workspaces, members, invites and join codes. Every statement says
 * IF NOT EXISTS: a SQLite file made by the frozen numbered migrations (before kysely) already
 * holds these tables, and this baseline must then change nothing.
 */
export function identityBaseline(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('organization', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull().defaultTo('nl'))
        .addColumn('notify_mail', 'text', (c) => c.notNull().defaultTo('instant'))
        .addColumn('unsubscribe_token', 'text')
        .addColumn('deleted_at', 'text')
        .addColumn('last_digest_at', 'bigint')
        .execute();
      await db.schema
        .createTable('sessions')
        .ifNotExists()
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('sessions_by_user').ifNotExists().on('sessions').column('user_id').execute();
      await db.schema
        .createTable('password_resets')
        .ifNotExists()
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema.createIndex('password_resets_by_user').ifNotExists().on('password_resets').column('user_id').execute();
      await db.schema
        .createTable('workspaces')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .addColumn('deleted_by', 'text')
        .execute();
      await db.schema
        .createIndex('workspaces_in_trash')
        .ifNotExists()
        .on('workspaces')
        .column('deleted_at')
        .where(sql.ref('deleted_at'), 'is not', null)
        .execute();
      await db.schema
        .createTable('members')
        .ifNotExists()
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) =>
          c.notNull().check(sql`role IN ('owner', 'editor', 'participant', 'commenter', 'viewer')`),
        )
        .addColumn('joined_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('members_pkey', ['workspace_id', 'user_id'])
        .execute();
      await db.schema.createIndex('members_by_user').ifNotExists().on('members').column('user_id').execute();
      await db.schema
        .createTable('invites')
        .ifNotExists()
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('editor', 'participant', 'commenter', 'viewer')`))
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('id', 'text')
        .addColumn('email', 'text')
        .addColumn('max_uses', 'integer')
        .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('invites_by_id').ifNotExists().unique().on('invites').column('id').execute();
      await db.schema.createIndex('invites_by_workspace').ifNotExists().on('invites').column('workspace_id').execute();
      await db.schema
        .createTable('invite_uses')
        .ifNotExists()
        .addColumn('invite_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('used_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('invite_uses_pkey', ['invite_id', 'user_id'])
        .execute();
    },
  };
}
