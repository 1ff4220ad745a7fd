import type { Db } from '../storage/sql/open-sql';
import { hashToken, newToken } from './tokens';
import { USER_COLUMNS, type UserRow } from './users';

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
  constructor(private readonly db: Db) {}

  /** Whether a session still stands (not logged out, not expired); does not extend it. */
  async isActive(tokenHash: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('token_hash', '=', tokenHash)
      .where('expires_at', '>', Date.now())
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Starts a session and returns its token (the only time the token exists in clear). */
  async create(userId: string): Promise<{ token: string; expiresAt: number }> {
    const token = newToken();
    const now = Date.now();
    const expiresAt = now + SESSION_TTL_MS;
    await this.db
      .insertInto('sessions')
      .values({ token_hash: hashToken(token), user_id: userId, created_at: new Date(now).toISOString(), expires_at: expiresAt })
      .execute();
    // Expired rows are useless; sweeping them on sign-in keeps the table small without a timer.
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    return { token, expiresAt };
  }

  /** The user behind a token, sliding the expiry forward; undefined for unknown or expired tokens. */
  async authenticate(token: string): Promise<AuthenticatedSession | undefined> {
    const tokenHash = hashToken(token);
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([...USER_COLUMNS, 'sessions.expires_at as session_expires_at'])
      .where('sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return undefined;
    const now = Date.now();
    if (row.session_expires_at <= now) {
      await this.revoke(tokenHash);
      return undefined;
    }
    const { session_expires_at: current, ...user } = row;
    let expiresAt = current;
    let extended = false;
    if (now + SESSION_TTL_MS - current >= EXTEND_AFTER_MS) {
      expiresAt = now + SESSION_TTL_MS;
      // Never shortens: another instance may have pushed it further meanwhile. Zero rows
      // means a logout won the race, and then this request must not count as signed in.
      const moved = await this.db
        .updateTable('sessions')
        .set({ expires_at: expiresAt })
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '<', expiresAt)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0 && !(await this.isActive(tokenHash))) return undefined;
      extended = true;
    }
    return { user, tokenHash, expiresAt, extended };
  }

  async revoke(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }
}
