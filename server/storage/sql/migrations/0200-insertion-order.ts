import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Invites and board drafts listed "newest first" were ordered by SQLite's rowid, which
 * PostgreSQL lacks and creation times (milliseconds) do not replace: two rows made in the
 * same millisecond would come out in random order. `seq` is the insertion order within a
 * workspace (invites, unique: it is also the list's cursor) or a board (drafts); inserts
 * take max + 1 of their scope. Existing SQLite rows keep their rowid order.
 */
export function insertionOrder(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('invites').addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('board_drafts').addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
      if (dialect === 'sqlite') {
        await sql`UPDATE invites SET seq = rowid`.execute(db);
        await sql`UPDATE board_drafts SET seq = rowid`.execute(db);
      } else {
        await sql`UPDATE invites SET seq = r.n FROM (
            SELECT token_hash, row_number() OVER (ORDER BY created_at, token_hash) AS n FROM invites) r
          WHERE r.token_hash = invites.token_hash`.execute(db);
        await sql`UPDATE board_drafts SET seq = r.n FROM (
            SELECT board_id, draft_id, row_number() OVER (ORDER BY created_at, draft_id) AS n FROM board_drafts) r
          WHERE r.board_id = board_drafts.board_id AND r.draft_id = board_drafts.draft_id`.execute(db);
      }
      await db.schema.createIndex('invites_by_workspace_seq').unique().on('invites').columns(['workspace_id', 'seq']).execute();
      await db.schema.createIndex('board_drafts_by_board_seq').on('board_drafts').columns(['board_id', 'seq']).execute();
    },
  };
}
