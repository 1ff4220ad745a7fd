import type { Context } from 'hono';
import type { Config } from '../../config';
import type { Logger } from '../../log';
import type { Db } from '../../storage/sql/open-sql';
import { setSessionCookie } from '../middleware';
import type { SessionRepository } from '../sessions';
import type { UserRepository } from '../users';
import { OidcClient } from './oidc-client';
import { ssoRoutes } from './routes';
import { SsoAccounts } from './sso-accounts';
import { SsoRepository } from './sso-repository';

/** Single sign-on wired to this server: the routes, with or without a configured provider. */
export function createSso(deps: { config: Config; log: Logger; db: Db; users: UserRepository; sessions: SessionRepository }) {
  const { config, log } = deps;
  const logins = new SsoRepository(deps.db);
  const oidc = config.sso.oidc ? new OidcClient(config.sso.oidc) : null;
  return ssoRoutes({
    config,
    log,
    oidc,
    logins,
    accounts: new SsoAccounts(deps.users, logins),
    async startSession(c: Context, userId: string) {
      const session = await deps.sessions.create(userId);
      setSessionCookie(c, config.publicOrigin, session.token, session.expiresAt);
      return session.token;
    },
  });
}
