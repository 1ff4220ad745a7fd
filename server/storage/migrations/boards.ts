import type { Migration } from '../migrations';

/** Workshop sessions with a join code, and the guest accounts people make with one. */
export const boardMigrations: Migration[] = [
  {
    version: 70,
    name: 'join codes for workshop sessions, guest accounts',
    up(db) {
      // The code is kept readable: the facilitator's projector shows it for the whole
      // session. It is short-lived (ended_at / expires_at) and guessing it is throttled.
      db.exec(`
        CREATE TABLE join_sessions (
          id TEXT PRIMARY KEY,
          code TEXT NOT NULL UNIQUE,
          workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
          document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
          require_email INTEGER NOT NULL DEFAULT 0,
          created_by TEXT NOT NULL REFERENCES users (id),
          created_at TEXT NOT NULL,
          expires_at INTEGER NOT NULL,
          ended_at INTEGER
        );
        CREATE INDEX join_sessions_by_document ON join_sessions (document_id, expires_at);
        CREATE TABLE guest_accounts (
          user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
          join_session_id TEXT NOT NULL REFERENCES join_sessions (id) ON DELETE CASCADE,
          contact_email TEXT,
          created_at TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 71,
    name: 'the draft made from each board',
    up(db) {
      // "Aanbevelingen maken" makes one draft per board unless the owner asks for another;
      // the newest is the one a later "update" rewrites.
      db.exec(`
        CREATE TABLE board_drafts (
          board_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
          draft_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
          created_at TEXT NOT NULL,
          PRIMARY KEY (board_id, draft_id)
        );
        CREATE INDEX board_drafts_by_board ON board_drafts (board_id, created_at);
      `);
    },
  },
];
