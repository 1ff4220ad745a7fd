import type { Migration } from '../migrations';

export const lifecycleMigrations: Migration[] = [
  {
    version: 91,
    name: 'document and workspace life cycle: trash and archive',
    up(db) {
      // Trash is a mark, not a move: a trashed document keeps its content, comments and
      // place until it is restored or purged 30 days later.
      db.exec(`
        ALTER TABLE documents ADD COLUMN deleted_at TEXT;
        ALTER TABLE documents ADD COLUMN deleted_by TEXT;
        ALTER TABLE documents ADD COLUMN archived_at TEXT;
        ALTER TABLE workspaces ADD COLUMN deleted_at TEXT;
        ALTER TABLE workspaces ADD COLUMN deleted_by TEXT;
        CREATE INDEX documents_in_trash ON documents (deleted_at) WHERE deleted_at IS NOT NULL;
        CREATE INDEX workspaces_in_trash ON workspaces (deleted_at) WHERE deleted_at IS NOT NULL;
      `);
    },
  },
];
