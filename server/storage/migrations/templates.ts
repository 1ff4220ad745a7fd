import type { Migration } from '../migrations';

export const templateMigrations: Migration[] = [
  {
    version: 95,
    name: 'workspace templates',
    up(db) {
      // A template is a frozen copy of a document's Yjs state: later edits to the source
      // never change documents made from it.
      db.exec(`
        CREATE TABLE templates (
          id TEXT PRIMARY KEY,
          workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
          kind TEXT NOT NULL,
          name TEXT NOT NULL,
          state BLOB NOT NULL,
          created_by TEXT NOT NULL,
          created_at TEXT NOT NULL
        );
        CREATE INDEX templates_by_workspace ON templates (workspace_id, created_at);
      `);
    },
  },
];
