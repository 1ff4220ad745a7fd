import type { Database } from '../storage/db';
import type { InviteRole } from '../../shared/api';
import type { Role } from '../../shared/roles';
import { hashToken, newId, newToken } from '../auth/tokens';

export const DEFAULT_INVITE_HOURS = 24 * 7;

export interface InviteRow {
  id: string;
  workspace_id: string;
  role: InviteRole;
  email: string | null;
  created_by: string;
  created_at: string;
  expires_at: number;
  max_uses: number | null;
  uses: number;
  revoked_at: string | null;
}

/** An invite with what its link shows before joining. */
export interface LinkedInviteRow extends InviteRow {
  workspace_name: string;
  creator_name: string;
  creator_organization: string;
}

export interface OpenInviteRow extends InviteRow {
  creator_name: string;
  seq: number;
}

/** What happened when someone used an invite link. */
export type Redemption =
  | { outcome: 'joined' | 'already_member'; role: Role }
  | { outcome: 'revoked' | 'expired' | 'used_up' | 'used_before' };

/**
 * Invite links. Only the hash of a token is stored (like session tokens); the public `id`
 * names an invite for listing and revoking without giving the link away. Every use is
 * recorded per person, so a member who was removed cannot come back through a link they
 * already used, and a single-use link admits exactly one person even under concurrent use.
 */
export class InviteRepository {
  private readonly insert;
  private readonly byHash;
  private readonly byId;
  private readonly openPage;
  private readonly revokeStmt;
  private readonly usedBefore;
  private readonly recordUse;
  private readonly countUse;
  private readonly memberRole;
  private readonly addMember;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      `INSERT INTO invites (id, token_hash, workspace_id, role, email, created_by, created_at, expires_at, max_uses)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const columns = 'i.id, i.workspace_id, i.role, i.email, i.created_by, i.created_at, i.expires_at, i.max_uses, i.uses, i.revoked_at';
    this.byHash = db.prepare(
      `SELECT ${columns}, w.name AS workspace_name, u.name AS creator_name, u.organization AS creator_organization
         FROM invites i JOIN workspaces w ON w.id = i.workspace_id JOIN users u ON u.id = i.created_by
        WHERE i.token_hash = ?`,
    );
    this.byId = db.prepare(`SELECT ${columns} FROM invites i WHERE i.id = ?`);
    this.openPage = db.prepare(
      `SELECT ${columns}, i.rowid AS seq, u.name AS creator_name
         FROM invites i JOIN users u ON u.id = i.created_by
        WHERE i.workspace_id = ? AND i.revoked_at IS NULL AND i.expires_at > ?
          AND (i.max_uses IS NULL OR i.uses < i.max_uses) AND i.rowid < ?
        ORDER BY i.rowid DESC LIMIT ?`,
    );
    this.revokeStmt = db.prepare('UPDATE invites SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
    this.usedBefore = db.prepare('SELECT 1 FROM invite_uses WHERE invite_id = ? AND user_id = ?').pluck();
    this.recordUse = db.prepare('INSERT INTO invite_uses (invite_id, user_id, used_at) VALUES (?, ?, ?)');
    this.countUse = db.prepare('UPDATE invites SET uses = uses + 1 WHERE id = ? AND (max_uses IS NULL OR uses < max_uses)');
    this.memberRole = db.prepare('SELECT role FROM members WHERE workspace_id = ? AND user_id = ?').pluck();
    this.addMember = db.prepare('INSERT INTO members (workspace_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)');
  }

  async create(input: {
    workspaceId: string;
    role: InviteRole;
    createdBy: string;
    expiresInHours: number;
    maxUses: number | null;
    email: string | null;
  }): Promise<{ id: string; token: string; expiresAt: number }> {
    const id = newId();
    const token = newToken();
    const now = Date.now();
    const expiresAt = now + Math.round(input.expiresInHours * 3600_000);
    this.insert.run(id, hashToken(token), input.workspaceId, input.role, input.email, input.createdBy, new Date(now).toISOString(), expiresAt, input.maxUses);
    return { id, token, expiresAt };
  }

  async findByToken(token: string): Promise<LinkedInviteRow | undefined> {
    return this.byHash.get(hashToken(token)) as LinkedInviteRow | undefined;
  }

  async findById(id: string): Promise<InviteRow | undefined> {
    return this.byId.get(id) as InviteRow | undefined;
  }

  /** Open invites (not revoked, expired or used up), newest first; `cursor` is the last row's `seq`. */
  async listOpen(workspaceId: string, page: { limit: number; cursor?: number }): Promise<OpenInviteRow[]> {
    return this.openPage.all(workspaceId, Date.now(), page.cursor ?? Number.MAX_SAFE_INTEGER, page.limit) as OpenInviteRow[];
  }

  /** True when this call revoked it (false: unknown or revoked already). */
  async revoke(id: string): Promise<boolean> {
    return this.revokeStmt.run(new Date().toISOString(), id).changes === 1;
  }

  /** Why a link would not admit this person now, or null when it would (or they already belong). */
  refusal(invite: InviteRow, userId: string, now = Date.now()): Exclude<Redemption['outcome'], 'joined' | 'already_member'> | null {
    if (invite.revoked_at) return 'revoked';
    if (invite.expires_at <= now) return 'expired';
    if (this.memberRole.get(invite.workspace_id, userId)) return null;
    if (this.usedBefore.get(invite.id, userId)) return 'used_before';
    if (invite.max_uses !== null && invite.uses >= invite.max_uses) return 'used_up';
    return null;
  }

  /**
   * Uses an invite: checked and written in one write transaction, so two people racing for
   * a single-use link cannot both get in. Someone who already belongs keeps their role.
   */
  async redeem(inviteId: string, userId: string): Promise<Redemption> {
    return this.db
      .transaction((): Redemption => {
        const invite = this.byId.get(inviteId) as InviteRow | undefined;
        if (!invite) return { outcome: 'revoked' };
        const current = this.memberRole.get(invite.workspace_id, userId) as Role | undefined;
        if (current && !invite.revoked_at && invite.expires_at > Date.now()) return { outcome: 'already_member', role: current };
        const refused = this.refusal(invite, userId);
        if (refused) return { outcome: refused };
        if (this.countUse.run(invite.id).changes !== 1) return { outcome: 'used_up' };
        const now = new Date().toISOString();
        this.recordUse.run(invite.id, userId, now);
        this.addMember.run(invite.workspace_id, userId, invite.role, now);
        return { outcome: 'joined', role: invite.role };
      })
      .immediate();
  }
}
