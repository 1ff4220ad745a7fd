import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Presence is live state, not history (CONTRACT §4): `presence.changed` events are pruned by
 * age (server/events/presence-retention.ts). A partial index lets that prune find them
 * without scanning every event a workspace ever had.
 */
export function presenceEventsByAge(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('events_presence_by_age')
        .ifNotExists()
        .on('events')
        .column('at')
        // A literal, not a parameter: an index definition cannot take one.
        .where(sql.ref('type'), '=', sql.lit('presence.changed'))
        .execute();
    },
  };
}
