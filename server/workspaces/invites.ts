import type { Database } from '../storage/db';
import type { InviteRole } from '../../shared/api';
import { hashToken, newToken } from '../auth/tokens';

export const DEFAULT_INVITE_HOURS = 24 * 7;

export interface InviteRow {
  workspace_id: string;
  role: InviteRole;
  expires_at: number;
}

/**
 * Invite links: one link serves a whole group (a workshop's 35 participants) until it
 * expires. Like session tokens, only the hash of the token is stored.
 */
export class InviteRepository {
  private readonly insert;
  private readonly byHash;

  constructor(db: Database) {
    this.insert = db.prepare(
      'INSERT INTO invites (token_hash, workspace_id, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.byHash = db.prepare('SELECT workspace_id, role, expires_at FROM invites WHERE token_hash = ?');
  }

  create(input: { workspaceId: string; role: InviteRole; createdBy: string; expiresInHours: number }): {
    token: string;
    expiresAt: number;
  } {
    const token = newToken();
    const now = Date.now();
    const expiresAt = now + Math.round(input.expiresInHours * 3600_000);
    this.insert.run(hashToken(token), input.workspaceId, input.role, input.createdBy, new Date(now).toISOString(), expiresAt);
    return { token, expiresAt };
  }

  find(token: string): InviteRow | undefined {
    return this.byHash.get(hashToken(token)) as InviteRow | undefined;
  }
}
