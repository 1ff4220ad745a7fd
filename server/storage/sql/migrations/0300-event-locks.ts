import type { Kysely, Migration } from 'kysely';

/**
 * One row per workspace that records an event takes and holds until it commits. Event ids
 * come from a serial, which on PostgreSQL hands out numbers in the order transactions ask,
 * not the order they commit: without this lock an instance could commit event 11 while
 * another's event 10 is still open, a stream would send 11 and then never read 10 (it asks
 * for ids after 11). With it, a workspace's events commit in id order on both engines.
 * `recorded` counts them, which makes taking the lock an ordinary upsert.
 */
export function eventLocks(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('event_locks')
        .ifNotExists()
        .addColumn('workspace_id', 'text', (c) => c.primaryKey())
        .addColumn('recorded', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  };
}
