import type { Database } from '../storage/db';
import { hashToken, newToken } from './tokens';
import type { UserRow } from './users';

/** A session lives this long after its last use. */
export const SESSION_TTL_MS = 14 * 24 * 3600_000;
// Extending on every request would be a write per request; once an hour is plenty.
const EXTEND_AFTER_MS = 3600_000;

export interface AuthenticatedSession {
  user: UserRow;
  tokenHash: string;
  expiresAt: number;
  /** True when this lookup pushed the expiry forward (the cookie should be renewed). */
  extended: boolean;
}

/**
 * Session tokens: the token itself goes to the client once; only its SHA-256 is stored,
 * so the database alone never lets anyone sign in.
 */
export class SessionRepository {
  private readonly insert;
  private readonly lookup;
  private readonly extend;
  private readonly remove;
  private readonly removeExpired;
  private readonly active;

  constructor(db: Database) {
    this.insert = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
    this.lookup = db.prepare(
      `SELECT s.expires_at AS session_expires_at, u.*
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ?`,
    );
    this.extend = db.prepare('UPDATE sessions SET expires_at = ? WHERE token_hash = ?');
    this.remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
    this.removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
    this.active = db.prepare('SELECT 1 FROM sessions WHERE token_hash = ? AND expires_at > ?').pluck();
  }

  /** Whether a session still stands (not logged out, not expired); does not extend it. */
  async isActive(tokenHash: string): Promise<boolean> {
    return this.active.get(tokenHash, Date.now()) !== undefined;
  }

  /** Starts a session and returns its token (the only time the token exists in clear). */
  create(userId: string): { token: string; expiresAt: number } {
    const token = newToken();
    const now = Date.now();
    const expiresAt = now + SESSION_TTL_MS;
    this.insert.run(hashToken(token), userId, new Date(now).toISOString(), expiresAt);
    // Expired rows are useless; sweeping them on sign-in keeps the table small without a timer.
    this.removeExpired.run(now);
    return { token, expiresAt };
  }

  /** The user behind a token, sliding the expiry forward; undefined for unknown or expired tokens. */
  authenticate(token: string): AuthenticatedSession | undefined {
    const tokenHash = hashToken(token);
    const row = this.lookup.get(tokenHash) as (UserRow & { session_expires_at: number }) | undefined;
    if (!row) return undefined;
    const now = Date.now();
    if (row.session_expires_at <= now) {
      this.remove.run(tokenHash);
      return undefined;
    }
    const { session_expires_at: current, ...user } = row;
    let expiresAt = current;
    let extended = false;
    if (now + SESSION_TTL_MS - current >= EXTEND_AFTER_MS) {
      expiresAt = now + SESSION_TTL_MS;
      this.extend.run(expiresAt, tokenHash);
      extended = true;
    }
    return { user, tokenHash, expiresAt, extended };
  }

  revoke(tokenHash: string): void {
    this.remove.run(tokenHash);
  }
}
