import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A board has at most one open workshop session: the database says so, so that two owners
 * (or two instances) starting one at the same moment cannot both create one. "Open" is
 * `ended_at IS NULL`; an expired session is ended when the next one starts. Rows from
 * before this rule are put right first: of several open sessions of a board, all but the
 * one that runs longest are ended at their expiry (they had expired already).
 */
export function oneOpenJoinSession(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await sql`UPDATE join_sessions SET ended_at = expires_at
        WHERE ended_at IS NULL AND EXISTS (
          SELECT 1 FROM join_sessions later
           WHERE later.document_id = join_sessions.document_id AND later.ended_at IS NULL
             AND (later.expires_at > join_sessions.expires_at
               OR (later.expires_at = join_sessions.expires_at AND later.id > join_sessions.id)))`.execute(db);
      await db.schema
        .createIndex('join_sessions_one_open')
        .unique()
        .on('join_sessions')
        .column('document_id')
        .where(sql.ref('ended_at'), 'is', null)
        .execute();
    },
  };
}
