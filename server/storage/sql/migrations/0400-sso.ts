import type { Kysely, Migration } from 'kysely';

/** Single sign-on: sign-ins under way (state, nonce, PKCE verifier) and linked identities. */
export function ssoTables(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sso_logins')
        .ifNotExists()
        .addColumn('state_hash', 'text', (c) => c.primaryKey())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('verifier', 'text', (c) => c.notNull())
        .addColumn('next', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('user_identities')
        .ifNotExists()
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_identities_pkey', ['issuer', 'subject'])
        .execute();
      await db.schema.createIndex('user_identities_by_user').ifNotExists().on('user_identities').column('user_id').execute();
    },
  };
}
