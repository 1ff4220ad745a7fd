import type { Migration } from '../migrations';

/** Issue #13 (documents): uploaded images, versions 80–89. */
export const documentMigrations: Migration[] = [
  {
    version: 80,
    name: 'uploaded images',
    up(db) {
      // The bytes are the re-encoded image (never what the client sent); the workspace
      // decides who may read it, the document only where it was first used.
      db.exec(`
        CREATE TABLE images (
          id TEXT PRIMARY KEY,
          workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
          document_id TEXT NOT NULL,
          content_type TEXT NOT NULL,
          width INTEGER NOT NULL,
          height INTEGER NOT NULL,
          bytes BLOB NOT NULL,
          created_by TEXT NOT NULL,
          created_at TEXT NOT NULL
        );
        CREATE INDEX images_by_document ON images (document_id);
      `);
    },
  },
];
