import type { Db } from '../../storage/sql/open-sql';
import { hashToken } from '../tokens';

/** A sign-in started here is finished within this time or not at all. */
export const SSO_LOGIN_TTL_MS = 10 * 60_000;

export interface PendingLogin {
  nonce: string;
  verifier: string;
  next: string;
}

/**
 * Sign-ins under way (kept in the shared store, so the provider may send the person back to
 * any instance) and the identities linked to accounts. The state is stored only as a hash.
 */
export class SsoRepository {
  constructor(private readonly db: Db) {}

  async begin(state: string, login: PendingLogin): Promise<void> {
    const now = Date.now();
    await this.db.deleteFrom('sso_logins').where('expires_at', '<=', now).execute();
    await this.db
      .insertInto('sso_logins')
      .values({ state_hash: hashToken(state), ...login, expires_at: now + SSO_LOGIN_TTL_MS })
      .execute();
  }

  /** The pending sign-in for this state, removed in the same statement: a state works once. */
  async take(state: string): Promise<PendingLogin | undefined> {
    const row = await this.db
      .deleteFrom('sso_logins')
      .where('state_hash', '=', hashToken(state))
      .where('expires_at', '>', Date.now())
      .returning(['nonce', 'verifier', 'next'])
      .executeTakeFirst();
    return row;
  }

  async userFor(issuer: string, subject: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('user_identities')
      .select('user_id')
      .where('issuer', '=', issuer)
      .where('subject', '=', subject)
      .executeTakeFirst();
    return row?.user_id;
  }

  async link(issuer: string, subject: string, userId: string): Promise<void> {
    await this.db
      .insertInto('user_identities')
      .values({ issuer, subject, user_id: userId, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(['issuer', 'subject']).doNothing())
      .execute();
  }
}
