import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getCookie, deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AuthOptions, SsoErrorCode } from '../../../shared/sso';
import type { Config } from '../../config';
import type { Logger } from '../../log';
import type { AppEnv } from '../../http/access';
import { readQuery } from '../../http/validation';
import type { OidcClient } from './oidc-client';
import { SsoError } from './oidc-client';
import { SSO_LOGIN_TTL_MS, type SsoRepository } from './sso-repository';
import type { SsoAccounts } from './sso-accounts';

/** Binds a sign-in to the browser that started it: a state arriving elsewhere is refused. */
const STATE_COOKIE = 'stadskamer_sso';

const StartQuery = z.object({ next: z.string().max(2000).optional() });
const CallbackQuery = z.object({ state: z.string().min(1).max(200).optional(), error: z.string().max(200).optional() });

export interface SsoRouteDeps {
  config: Config;
  log: Logger;
  oidc: OidcClient | null;
  logins: SsoRepository;
  accounts: SsoAccounts;
  startSession(c: Context, userId: string): Promise<string>;
}

/** Only a path inside this app, never another site. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** Sign-in options, and single sign-on: start (to the provider) and callback (back from it). */
export function ssoRoutes({ config, log, oidc, logins, accounts, startSession }: SsoRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const redirectUri = () => `${config.publicOrigin}/api/auth/sso/callback`;
  const failed = (c: Context, code: SsoErrorCode) => c.redirect(`/signin?sso_error=${code}`, 303);

  app.get('/api/auth/options', (c) => {
    const options: AuthOptions = {
      passwordLogin: config.sso.passwordLogin,
      sso: oidc ? { label: config.sso.oidc?.label ?? null, startUrl: '/api/auth/sso/start' } : null,
    };
    return c.json(options);
  });

  app.get('/api/auth/sso/start', async (c) => {
    if (!oidc) return failed(c, 'sso_unavailable');
    const { next } = readQuery(c, StartQuery);
    const secrets = {
      state: randomBytes(24).toString('base64url'),
      nonce: randomBytes(24).toString('base64url'),
      verifier: randomBytes(48).toString('base64url'),
    };
    let url: URL;
    try {
      url = await oidc.authorizationUrl(redirectUri(), secrets);
    } catch (err) {
      log.warn({ event: 'auth.sso_unavailable', err }, 'single sign-on provider unavailable');
      return failed(c, 'sso_unavailable');
    }
    await logins.begin(secrets.state, { nonce: secrets.nonce, verifier: secrets.verifier, next: safeNext(next) });
    setCookie(c, STATE_COOKIE, secrets.state, {
      path: '/api/auth/sso',
      httpOnly: true,
      secure: config.publicOrigin.startsWith('https:'),
      // Lax: the provider's redirect back is a top-level GET, which Lax cookies accompany.
      sameSite: 'Lax',
      maxAge: SSO_LOGIN_TTL_MS / 1000,
    });
    return c.redirect(url.toString(), 302);
  });

  app.get('/api/auth/sso/callback', async (c) => {
    if (!oidc) return failed(c, 'sso_unavailable');
    const query = readQuery(c, CallbackQuery);
    const cookieState = getCookie(c, STATE_COOKIE);
    deleteCookie(c, STATE_COOKIE, { path: '/api/auth/sso' });
    // The state must be the one this browser started with, and still pending; either way it is used up.
    const pending = cookieState ? await logins.take(cookieState) : undefined;
    if (!pending || query.state !== cookieState) {
      log.warn({ event: 'auth.sso_state_refused' }, 'single sign-on answer with an unknown state refused');
      return failed(c, pending ? 'sso_failed' : 'sso_expired');
    }
    const callbackUrl = new URL(c.req.url);
    // Behind a proxy the request URL is internal; the provider redirected to the public one.
    const publicCallback = new URL(`${redirectUri()}${callbackUrl.search}`);
    try {
      const identity = await oidc.finish(publicCallback, { state: cookieState!, ...pending });
      const user = await accounts.signIn(identity);
      await startSession(c, user.id);
      log.info({ event: 'auth.sso_signed_in', userId: user.id }, 'signed in through single sign-on');
      return c.redirect(pending.next, 303);
    } catch (err) {
      if (!(err instanceof SsoError)) throw err;
      log.warn({ event: 'auth.sso_refused', code: err.code, err }, 'single sign-on refused');
      return failed(c, err.code);
    }
  });

  return app;
}
