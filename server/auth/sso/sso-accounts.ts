import { EmailTakenError, type UserRepository, type UserRow } from '../users';
import type { VerifiedIdentity } from './oidc-client';
import type { SsoRepository } from './sso-repository';

/** The password hash of an account made by single sign-on: no password ever matches it. */
export const NO_PASSWORD = 'sso-only';

/**
 * Finds the account of a verified identity: the one linked to it before, else the account
 * with its (provider-verified) e-mail address, else a new one with the name and organisation
 * from the provider's claims. The identity is linked either way.
 */
export class SsoAccounts {
  constructor(
    private readonly users: UserRepository,
    private readonly identities: SsoRepository,
  ) {}

  async signIn(identity: VerifiedIdentity): Promise<UserRow> {
    const linkedId = await this.identities.userFor(identity.issuer, identity.subject);
    const linked = linkedId ? await this.users.findById(linkedId) : undefined;
    if (linked && !linked.deleted_at) return linked;
    let user = await this.users.findByEmail(identity.email);
    if (!user) {
      try {
        user = await this.users.create({
          email: identity.email,
          passwordHash: NO_PASSWORD,
          name: identity.name ?? identity.email.split('@')[0]!,
          organization: identity.organization ?? '',
        });
      } catch (err) {
        // The same person signing in twice at once: the other request made the account.
        if (!(err instanceof EmailTakenError)) throw err;
        user = await this.users.findByEmail(identity.email);
        if (!user) throw err;
      }
    }
    await this.identities.link(identity.issuer, identity.subject, user.id);
    return user;
  }
}
