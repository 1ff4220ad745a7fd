import type { Migration } from '../migrations';

/**
 * People (issue #15): invites that can be listed, revoked and limited in uses; who used
 * which invite (a removed member cannot rejoin with a link they used); account settings;
 * password resets; which notifications went out by mail.
 */
export const peopleMigrations: Migration[] = [
  {
    version: 60,
    name: 'invites with an id, uses, revocation and an e-mail address; who used which invite',
    up(db) {
      db.exec(`
        ALTER TABLE invites ADD COLUMN id TEXT;
        UPDATE invites SET id = lower(hex(randomblob(16)));
        CREATE UNIQUE INDEX invites_by_id ON invites (id);
        CREATE INDEX invites_by_workspace ON invites (workspace_id);
        ALTER TABLE invites ADD COLUMN email TEXT;
        ALTER TABLE invites ADD COLUMN max_uses INTEGER;
        ALTER TABLE invites ADD COLUMN uses INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE invites ADD COLUMN revoked_at TEXT;
        CREATE TABLE invite_uses (
          invite_id TEXT NOT NULL,
          user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
          used_at TEXT NOT NULL,
          PRIMARY KEY (invite_id, user_id)
        );
      `);
    },
  },
  {
    version: 61,
    name: 'account settings, password resets, session devices, mailed notifications',
    up(db) {
      db.exec(`
        ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'nl';
        ALTER TABLE users ADD COLUMN notify_mail TEXT NOT NULL DEFAULT 'instant';
        ALTER TABLE users ADD COLUMN unsubscribe_token TEXT;
        ALTER TABLE users ADD COLUMN deleted_at TEXT;
        ALTER TABLE sessions ADD COLUMN user_agent TEXT;
        CREATE TABLE password_resets (
          token_hash TEXT PRIMARY KEY,
          user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
          expires_at INTEGER NOT NULL,
          used_at TEXT
        );
        CREATE INDEX password_resets_by_user ON password_resets (user_id);
        ALTER TABLE notifications ADD COLUMN kind TEXT NOT NULL DEFAULT 'mention';
        ALTER TABLE notifications ADD COLUMN mailed_at TEXT;
      `);
    },
  },
  {
    version: 62,
    name: 'when each person last got their daily digest',
    up(db) {
      db.exec(`
        ALTER TABLE users ADD COLUMN last_digest_at INTEGER;
        CREATE INDEX notifications_unmailed ON notifications (user_id) WHERE mailed_at IS NULL;
      `);
    },
  },
];
