import type { Database } from 'better-sqlite3';

/**
 * Ordered schema migrations. The database's `user_version` is the number of the last
 * one applied; append new ones at the end and never edit a shipped one.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'document update log',
    up(db) {
      db.exec(`
        CREATE TABLE doc_updates (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          doc_id TEXT NOT NULL,
          data BLOB NOT NULL
        );
        CREATE INDEX doc_updates_by_doc ON doc_updates (doc_id, seq);
      `);
    },
  },
];
