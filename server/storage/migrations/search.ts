import type { Migration } from '../migrations';

export const searchMigrations: Migration[] = [
  {
    version: 90,
    name: 'full-text search (FTS5 over Dutch stems)',
    up(db) {
      // Entries hold the readable text (for snippets and filters); the FTS table holds only
      // stems, so "verkeersveilige" and "verkeersveiligheid" meet on one token.
      db.exec(`
        CREATE TABLE search_entries (
          rowid INTEGER PRIMARY KEY,
          key TEXT NOT NULL UNIQUE,
          type TEXT NOT NULL,
          workspace_id TEXT NOT NULL,
          document_id TEXT NOT NULL,
          thread_id TEXT,
          title TEXT NOT NULL,
          body TEXT NOT NULL,
          tags TEXT NOT NULL,
          kind TEXT NOT NULL,
          status TEXT NOT NULL,
          organizations TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX search_entries_by_document ON search_entries (document_id);
        CREATE INDEX search_entries_by_workspace ON search_entries (workspace_id);
        CREATE VIRTUAL TABLE search_fts USING fts5 (title, body, tags, tokenize = 'unicode61 remove_diacritics 2');
      `);
    },
  },
];
