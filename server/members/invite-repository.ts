import { sql } from 'kysely';
import type { InviteRole } from '../../shared/api';
import type { Role } from '../../shared/roles';
import { hashToken, newId, newToken } from '../auth/tokens';
import { isUniqueViolation } from '../storage/sql/errors';
import type { Db } from '../storage/sql/open-sql';

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

type Refusal = Exclude<Redemption['outcome'], 'joined' | 'already_member'>;

const COLUMNS = ['i.id', 'i.workspace_id', 'i.role', 'i.email', 'i.created_by', 'i.created_at', 'i.expires_at', 'i.max_uses', 'i.uses', 'i.revoked_at'] as const;

/** Inserts of one workspace racing for the same `seq` (PostgreSQL): one wins, the others draw again. */
const INSERT_ATTEMPTS = 10;

/** Thrown inside a redemption to undo what it wrote: someone else got there first. */
class Overtaken extends Error {}

/**
 * Invite links. Only the hash of a token is stored (like session tokens); the public `id`
 * names an invite for listing and revoking without giving the link away. Every use is
 * recorded per person, so a member who was removed cannot come back through a link they
 * already used, and a single-use link admits exactly one person even when several
 * instances redeem it at the same moment (see `redeem`).
 */
export class InviteRepository {
  constructor(private readonly db: Db) {}

  async create(input: {
    workspaceId: string;
    role: InviteRole;
    createdBy: string;
    expiresInHours: number;
    maxUses: number | null;
    email: string | null;
  }): Promise<{ id: string; token: string; expiresAt: number }> {
    const now = Date.now();
    const expiresAt = now + Math.round(input.expiresInHours * 3600_000);
    for (let attempt = 1; ; attempt++) {
      const id = newId();
      const token = newToken();
      try {
        await this.db
          .insertInto('invites')
          .values((eb) => ({
            id,
            token_hash: hashToken(token),
            workspace_id: input.workspaceId,
            role: input.role,
            email: input.email,
            created_by: input.createdBy,
            created_at: new Date(now).toISOString(),
            expires_at: expiresAt,
            max_uses: input.maxUses,
            // Newest last within the workspace; unique there, so the list's cursor is exact.
            seq: eb.selectFrom('invites').select(sql<number>`coalesce(max(seq), 0) + 1`.as('next')).where('workspace_id', '=', input.workspaceId),
          }))
          .execute();
        return { id, token, expiresAt };
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= INSERT_ATTEMPTS) throw err;
      }
    }
  }

  async findByToken(token: string): Promise<LinkedInviteRow | undefined> {
    const row = await this.db
      .selectFrom('invites as i')
      .innerJoin('workspaces as w', 'w.id', 'i.workspace_id')
      .innerJoin('users as u', 'u.id', 'i.created_by')
      .select([...COLUMNS, 'w.name as workspace_name', 'u.name as creator_name', 'u.organization as creator_organization'])
      .where('i.token_hash', '=', hashToken(token))
      .executeTakeFirst();
    return row && { ...row, id: row.id!, role: row.role as InviteRole };
  }

  async findById(id: string, db: Db = this.db): Promise<InviteRow | undefined> {
    const row = await db.selectFrom('invites as i').select(COLUMNS).where('i.id', '=', id).executeTakeFirst();
    return row && { ...row, id: row.id!, role: row.role as InviteRole };
  }

  /** Open invites (not revoked, expired or used up), newest first; `cursor` is the last row's `seq`. */
  async listOpen(workspaceId: string, page: { limit: number; cursor?: number }): Promise<OpenInviteRow[]> {
    const rows = await this.db
      .selectFrom('invites as i')
      .innerJoin('users as u', 'u.id', 'i.created_by')
      .select([...COLUMNS, 'i.seq', 'u.name as creator_name'])
      .where('i.workspace_id', '=', workspaceId)
      .where('i.revoked_at', 'is', null)
      .where('i.expires_at', '>', Date.now())
      .where((eb) => eb.or([eb('i.max_uses', 'is', null), eb('i.uses', '<', eb.ref('i.max_uses'))]))
      .where('i.seq', '<', page.cursor ?? Number.MAX_SAFE_INTEGER)
      .orderBy('i.seq', 'desc')
      .limit(page.limit)
      .execute();
    return rows.map((r) => ({ ...r, id: r.id!, role: r.role as InviteRole }));
  }

  /** True when this call revoked it (false: unknown or revoked already). */
  async revoke(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('invites')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Why a link would not admit this person now, or null when it would (or they already belong). */
  async refusal(invite: InviteRow, userId: string, now = Date.now(), db: Db = this.db): Promise<Refusal | null> {
    if (invite.revoked_at) return 'revoked';
    if (invite.expires_at <= now) return 'expired';
    if (await this.memberRole(db, invite.workspace_id, userId)) return null;
    const used = await db.selectFrom('invite_uses').select('user_id').where('invite_id', '=', invite.id).where('user_id', '=', userId).executeTakeFirst();
    if (used) return 'used_before';
    if (invite.max_uses !== null && invite.uses >= invite.max_uses) return 'used_up';
    return null;
  }

  /**
   * Uses an invite. Someone who already belongs keeps their role. The use is counted by a
   * conditional UPDATE (`uses < max_uses`) in the same transaction as the membership: on
   * PostgreSQL, racing transactions queue on the invite's row and see the count the winner
   * committed, so a single-use link admits exactly one person; on SQLite the transaction
   * holds the write lock from its start. The same person redeeming twice at once, or being
   * added meanwhile, makes the later transaction undo itself (`Overtaken`).
   */
  async redeem(inviteId: string, userId: string): Promise<Redemption> {
    try {
      return await this.db.transaction().execute(async (trx): Promise<Redemption> => {
        const invite = await this.findById(inviteId, trx);
        if (!invite) return { outcome: 'revoked' };
        const current = await this.memberRole(trx, invite.workspace_id, userId);
        const now = Date.now();
        if (current && !invite.revoked_at && invite.expires_at > now) return { outcome: 'already_member', role: current };
        const refused = await this.refusal(invite, userId, now, trx);
        if (refused === 'used_before') {
          // The same person's other redemption may have committed between the membership read
          // above and this one (READ COMMITTED): its use and its membership commit together.
          const joinedMeanwhile = await this.memberRole(trx, invite.workspace_id, userId);
          if (joinedMeanwhile) return { outcome: 'already_member', role: joinedMeanwhile };
        }
        if (refused) return { outcome: refused };
        const counted = await trx
          .updateTable('invites')
          .set((eb) => ({ uses: eb('uses', '+', 1) }))
          .where('id', '=', invite.id)
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', now)
          .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
          .returning('id')
          .executeTakeFirst();
        if (!counted) {
          // Changed since it was read: revoked or used up by someone else.
          const after = await this.findById(inviteId, trx);
          return { outcome: !after || after.revoked_at ? 'revoked' : 'used_up' };
        }
        const at = new Date(now).toISOString();
        const used = await trx
          .insertInto('invite_uses')
          .values({ invite_id: invite.id, user_id: userId, used_at: at })
          .onConflict((oc) => oc.columns(['invite_id', 'user_id']).doNothing())
          .executeTakeFirst();
        if (Number(used.numInsertedOrUpdatedRows) !== 1) throw new Overtaken();
        const joined = await trx
          .insertInto('members')
          .values({ workspace_id: invite.workspace_id, user_id: userId, role: invite.role, joined_at: at })
          .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doNothing())
          .executeTakeFirst();
        if (Number(joined.numInsertedOrUpdatedRows) !== 1) throw new Overtaken();
        return { outcome: 'joined', role: invite.role };
      });
    } catch (err) {
      if (!(err instanceof Overtaken)) throw err;
      const invite = await this.findById(inviteId);
      const role = invite && (await this.memberRole(this.db, invite.workspace_id, userId));
      return role ? { outcome: 'already_member', role } : { outcome: 'used_before' };
    }
  }

  private async memberRole(db: Db, workspaceId: string, userId: string): Promise<Role | undefined> {
    const row = await db.selectFrom('members').select('role').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
    return row?.role as Role | undefined;
  }
}
