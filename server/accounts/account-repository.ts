import { createHash } from 'node:crypto';
import type { Db } from '../storage/sql/open-sql';
import { hashToken, newToken } from '../auth/tokens';
import { lockWorkspaces } from '../workspaces/owner-lock';

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
  constructor(private readonly db: Db) {}

  async createReset(userId: string): Promise<string> {
    const token = newToken();
    await this.db.insertInto('password_resets').values({ token_hash: hashToken(token), user_id: userId, expires_at: Date.now() + RESET_TTL_MS }).execute();
    return token;
  }

  /**
   * Uses a reset token once: the user id, or null when unknown, expired or used. One
   * conditional UPDATE, so two instances redeeming the same link cannot both succeed.
   */
  async consumeReset(token: string): Promise<string | null> {
    const row = await this.db
      .updateTable('password_resets')
      .set({ used_at: new Date().toISOString() })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', Date.now())
      .returning('user_id')
      .executeTakeFirst();
    return row?.user_id ?? null;
  }

  /** Sets a new password hash and ends every session except `keep` (none when null); spent reset links go too. */
  async changePassword(userId: string, passwordHash: string, keep: string | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', userId).where('token_hash', '!=', keep ?? '').execute();
      await trx.deleteFrom('password_resets').where((eb) => eb.or([eb('user_id', '=', userId), eb('expires_at', '<=', Date.now())])).execute();
    });
  }

  async updateProfile(userId: string, change: ProfileChange): Promise<void> {
    const set = {
      ...(change.name !== undefined && { name: change.name }),
      ...(change.organization !== undefined && { organization: change.organization }),
      ...(change.language !== undefined && { language: change.language }),
      ...(change.notifyMail !== undefined && { notify_mail: change.notifyMail }),
    };
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable('users').set(set).where('id', '=', userId).execute();
  }

  async sessions(userId: string): Promise<SessionInfo[]> {
    const rows = await this.db
      .selectFrom('sessions')
      .select(['token_hash', 'created_at', 'expires_at', 'user_agent'])
      .where('user_id', '=', userId)
      .where('expires_at', '>', Date.now())
      .orderBy('created_at', 'desc')
      .orderBy('token_hash')
      .execute();
    return rows.map((r) => ({ id: sessionId(r.token_hash), tokenHash: r.token_hash, createdAt: r.created_at, expiresAt: r.expires_at, userAgent: r.user_agent }));
  }

  /** Ends one of the person's own sessions by its public id: its token hash, or null when they have no such session. */
  async endSession(userId: string, id: string): Promise<string | null> {
    const target = (await this.sessions(userId)).find((s) => s.id === id);
    if (!target) return null;
    await this.db.deleteFrom('sessions').where('token_hash', '=', target.tokenHash).where('user_id', '=', userId).execute();
    return target.tokenHash;
  }

  async tagSession(tokenHash: string, userAgent: string): Promise<void> {
    await this.db.updateTable('sessions').set({ user_agent: userAgent.slice(0, 300) }).where('token_hash', '=', tokenHash).where('user_agent', 'is', null).execute();
  }

  /**
   * Deletes an account: memberships and sessions go, the user row stays (authored comments
   * and cards still name someone) as "voormalig lid" with no address and no password.
   * Refused while they are the only owner of a workspace others belong to; their
   * workspaces are locked first, so a co-owner leaving at the same moment cannot slip past.
   */
  async deleteAccount(userId: string): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const mine = await trx.selectFrom('members').select('workspace_id').where('user_id', '=', userId).execute();
      await lockWorkspaces(trx, mine.map((r) => r.workspace_id));
      const sole = await trx
        .selectFrom('members as m')
        .select('m.workspace_id')
        .where('m.user_id', '=', userId)
        .where('m.role', '=', 'owner')
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('members as o').select('o.user_id').whereRef('o.workspace_id', '=', 'm.workspace_id').where('o.role', '=', 'owner').whereRef('o.user_id', '!=', 'm.user_id'))),
        )
        .where(({ exists, selectFrom }) =>
          exists(selectFrom('members as x').select('x.user_id').whereRef('x.workspace_id', '=', 'm.workspace_id').whereRef('x.user_id', '!=', 'm.user_id')),
        )
        .orderBy('m.workspace_id')
        .execute();
      if (sole.length > 0) throw new SoleOwnerError(sole.map((r) => r.workspace_id));
      const left = await trx.deleteFrom('members').where('user_id', '=', userId).returning('workspace_id').execute();
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      await trx.deleteFrom('password_resets').where((eb) => eb.or([eb('user_id', '=', userId), eb('expires_at', '<=', Date.now())])).execute();
      await trx
        .updateTable('users')
        .set({ email: `deleted-${userId}@invalid`, password_hash: '!', name: 'voormalig lid', organization: '', deleted_at: new Date().toISOString(), unsubscribe_token: null })
        .where('id', '=', userId)
        .execute();
      return left.map((r) => r.workspace_id).sort();
    });
  }
}
