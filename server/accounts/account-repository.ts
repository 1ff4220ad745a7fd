import { createHash } from 'node:crypto';
import type { Database } from '../storage/db';
import { hashToken, newToken } from '../auth/tokens';

export const RESET_TTL_MS = 3600_000;

export interface SessionInfo {
  id: string;
  tokenHash: string;
  createdAt: string;
  expiresAt: number;
  userAgent: string | null;
}

export interface ProfileChange {
  name?: string;
  organization?: string;
  language?: 'nl' | 'en';
  notifyMail?: 'instant' | 'daily' | 'off';
}

export class SoleOwnerError extends Error {
  constructor(readonly workspaceIds: string[]) {
    super('sole owner');
  }
}

/** A session's public id: names it in the sessions list without giving away its token hash. */
export function sessionId(tokenHash: string): string {
  return createHash('sha256').update(`session-id:${tokenHash}`).digest('base64url').slice(0, 22);
}

/**
 * A person's own account: profile, password, sessions, password-reset tokens, deletion.
 * Reset tokens, like session tokens, are stored only as hashes.
 */
export class AccountRepository {
  private readonly stmts;

  constructor(private readonly db: Database) {
    this.stmts = {
      insertReset: db.prepare('INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES (?, ?, ?)'),
      findReset: db.prepare('SELECT user_id, expires_at, used_at FROM password_resets WHERE token_hash = ?'),
      useReset: db.prepare('UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL'),
      dropResets: db.prepare('DELETE FROM password_resets WHERE user_id = ? OR expires_at <= ?'),
      setPassword: db.prepare('UPDATE users SET password_hash = ? WHERE id = ?'),
      sessions: db.prepare('SELECT token_hash, created_at, expires_at, user_agent FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY created_at DESC'),
      dropSession: db.prepare('DELETE FROM sessions WHERE token_hash = ? AND user_id = ?'),
      dropSessions: db.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash != ?'),
      tagSession: db.prepare('UPDATE sessions SET user_agent = ? WHERE token_hash = ? AND user_agent IS NULL'),
      soleOwned: db.prepare(
        `SELECT m.workspace_id FROM members m
          WHERE m.user_id = ? AND m.role = 'owner'
            AND NOT EXISTS (SELECT 1 FROM members o WHERE o.workspace_id = m.workspace_id AND o.role = 'owner' AND o.user_id != m.user_id)
            AND EXISTS (SELECT 1 FROM members x WHERE x.workspace_id = m.workspace_id AND x.user_id != m.user_id)`,
      ).pluck(),
      memberships: db.prepare('SELECT workspace_id FROM members WHERE user_id = ?').pluck(),
      dropMemberships: db.prepare('DELETE FROM members WHERE user_id = ?'),
      anonymise: db.prepare(
        `UPDATE users SET email = ?, password_hash = '!', name = 'voormalig lid', organization = '', deleted_at = ?, unsubscribe_token = NULL WHERE id = ?`,
      ),
    };
  }

  async createReset(userId: string): Promise<string> {
    const token = newToken();
    this.stmts.insertReset.run(hashToken(token), userId, Date.now() + RESET_TTL_MS);
    return token;
  }

  /** Uses a reset token once: the user id, or null when unknown, expired or used. */
  async consumeReset(token: string): Promise<string | null> {
    const hash = hashToken(token);
    return this.db
      .transaction(() => {
        const row = this.stmts.findReset.get(hash) as { user_id: string; expires_at: number; used_at: string | null } | undefined;
        if (!row || row.used_at || row.expires_at <= Date.now()) return null;
        if (this.stmts.useReset.run(new Date().toISOString(), hash).changes !== 1) return null;
        return row.user_id;
      })
      .immediate();
  }

  /** Sets a new password hash and ends every session except `keep` (none when null); spent reset links go too. */
  async changePassword(userId: string, passwordHash: string, keep: string | null): Promise<void> {
    this.db.transaction(() => {
      this.stmts.setPassword.run(passwordHash, userId);
      this.stmts.dropSessions.run(userId, keep ?? '');
      this.stmts.dropResets.run(userId, Date.now());
    })();
  }

  async updateProfile(userId: string, change: ProfileChange): Promise<void> {
    const columns: [string, string][] = [];
    if (change.name !== undefined) columns.push(['name', change.name]);
    if (change.organization !== undefined) columns.push(['organization', change.organization]);
    if (change.language !== undefined) columns.push(['language', change.language]);
    if (change.notifyMail !== undefined) columns.push(['notify_mail', change.notifyMail]);
    if (columns.length === 0) return;
    // Column names come from the fixed list above, never from the request.
    this.db.prepare(`UPDATE users SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map(([, v]) => v), userId);
  }

  async sessions(userId: string): Promise<SessionInfo[]> {
    const rows = this.stmts.sessions.all(userId, Date.now()) as { token_hash: string; created_at: string; expires_at: number; user_agent: string | null }[];
    return rows.map((r) => ({ id: sessionId(r.token_hash), tokenHash: r.token_hash, createdAt: r.created_at, expiresAt: r.expires_at, userAgent: r.user_agent }));
  }

  /** Ends one of the person's own sessions by its public id; false when they have no such session. */
  async endSession(userId: string, id: string): Promise<string | null> {
    const target = (await this.sessions(userId)).find((s) => s.id === id);
    if (!target) return null;
    this.stmts.dropSession.run(target.tokenHash, userId);
    return target.tokenHash;
  }

  async tagSession(tokenHash: string, userAgent: string): Promise<void> {
    this.stmts.tagSession.run(userAgent.slice(0, 300), tokenHash);
  }

  /**
   * Deletes an account: memberships and sessions go, the user row stays (authored comments
   * and cards still name someone) as "voormalig lid" with no address and no password.
   * Refused while they are the only owner of a workspace others belong to.
   */
  async deleteAccount(userId: string): Promise<string[]> {
    return this.db
      .transaction(() => {
        const sole = this.stmts.soleOwned.all(userId) as string[];
        if (sole.length > 0) throw new SoleOwnerError(sole);
        const workspaceIds = this.stmts.memberships.all(userId) as string[];
        this.stmts.dropMemberships.run(userId);
        this.stmts.dropSessions.run(userId, '');
        this.stmts.dropResets.run(userId, Date.now());
        this.stmts.anonymise.run(`deleted-${userId}@invalid`, new Date().toISOString(), userId);
        return workspaceIds;
      })
      .immediate();
  }
}
