import type { Database } from 'better-sqlite3';
import { boardMigrations } from './migrations/boards';
import { peopleMigrations } from './migrations/people';
import { documentMigrations } from './migrations/documents';

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

migrations.push({
  version: 2,
  name: 'accounts, sessions, workspaces, members, invites, documents',
  up(db) {
    // Secrets (session and invite tokens) are stored only as SHA-256 hashes: a leaked
    // database file does not let anyone sign in or join. Expiry times are ms since the
    // epoch so that comparisons stay numeric; creation times are ISO text, as the API shows them.
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        name TEXT NOT NULL,
        organization TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_by_user ON sessions (user_id);
      CREATE TABLE workspaces (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      );
      CREATE TABLE members (
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'commenter', 'viewer')),
        joined_at TEXT NOT NULL,
        PRIMARY KEY (workspace_id, user_id)
      );
      CREATE INDEX members_by_user ON members (user_id);
      CREATE TABLE invites (
        token_hash TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('editor', 'commenter', 'viewer')),
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('recommendation', 'note', 'board')),
        title TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'final')),
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX documents_by_workspace ON documents (workspace_id, kind, updated_at);
    `);
  },
});

migrations.push({
  version: 3,
  name: 'domain events',
  up(db) {
    // The id orders a workspace's events for every instance sharing the database.
    db.exec(`
      CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace_id TEXT NOT NULL,
        type TEXT NOT NULL,
        actor TEXT NOT NULL,
        subject TEXT NOT NULL,
        data TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX events_by_workspace ON events (workspace_id, id);
    `);
  },
});

migrations.push({
  version: 4,
  name: 'comment threads, replies and mention notifications',
  up(db) {
    // Comments live beside the document, not in it: a commenter cannot write the Y.Doc.
    // Anchors are base64 Yjs relative positions, so they follow the text they point at.
    db.exec(`
      CREATE TABLE comment_threads (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        anchor_start TEXT NOT NULL,
        anchor_end TEXT NOT NULL,
        quote TEXT NOT NULL,
        author_id TEXT NOT NULL REFERENCES users (id),
        body TEXT NOT NULL,
        mentions TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        edited_at TEXT,
        resolved_by TEXT REFERENCES users (id),
        resolved_at TEXT
      );
      CREATE INDEX comment_threads_by_document ON comment_threads (document_id, created_at);
      CREATE TABLE comment_replies (
        id TEXT PRIMARY KEY,
        thread_id TEXT NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
        author_id TEXT NOT NULL REFERENCES users (id),
        body TEXT NOT NULL,
        mentions TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        edited_at TEXT
      );
      CREATE INDEX comment_replies_by_thread ON comment_replies (thread_id, created_at);
      CREATE TABLE notifications (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        thread_id TEXT NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
        actor_id TEXT NOT NULL REFERENCES users (id),
        excerpt TEXT NOT NULL,
        created_at TEXT NOT NULL,
        read_at TEXT
      );
      CREATE INDEX notifications_by_user ON notifications (user_id, created_at);
    `);
  },
});

migrations.push({
  version: 5,
  name: 'participant role (workshop participants: boards yes, drafts no)',
  up(db) {
    // SQLite cannot alter a CHECK constraint: rebuild both tables. Nothing references them.
    db.exec(`
      CREATE TABLE members_v5 (
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'participant', 'commenter', 'viewer')),
        joined_at TEXT NOT NULL,
        PRIMARY KEY (workspace_id, user_id)
      );
      INSERT INTO members_v5 SELECT workspace_id, user_id, role, joined_at FROM members;
      DROP TABLE members;
      ALTER TABLE members_v5 RENAME TO members;
      CREATE INDEX members_by_user ON members (user_id);
      CREATE TABLE invites_v5 (
        token_hash TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('editor', 'participant', 'commenter', 'viewer')),
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      INSERT INTO invites_v5 SELECT token_hash, workspace_id, role, created_by, created_at, expires_at FROM invites;
      DROP TABLE invites;
      ALTER TABLE invites_v5 RENAME TO invites;
    `);
  },
});

migrations.push(...boardMigrations);
migrations.push(...peopleMigrations);
migrations.push(...documentMigrations);
import { searchMigrations } from './migrations/search';
migrations.push(...searchMigrations);
import { lifecycleMigrations } from './migrations/lifecycle';
migrations.push(...lifecycleMigrations);
import { templateMigrations } from './migrations/templates';
migrations.push(...templateMigrations);
