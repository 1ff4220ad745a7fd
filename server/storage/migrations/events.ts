import type { Migration } from '../migrations';

export const eventMigrations: Migration[] = [
  {
    version: 96,
    name: 'presence events by age',
    up(db) {
      // Presence is live state, not history (CONTRACT §4): its events are pruned by age
      // (server/events/presence-retention.ts). A partial index keeps that prune from
      // scanning every event a workspace ever had.
      db.exec(`CREATE INDEX events_presence_by_age ON events (at) WHERE type = 'presence.changed';`);
    },
  },
];
