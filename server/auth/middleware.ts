import type { Context, MiddlewareHandler } from 'hono';
import { setCookie, deleteCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../../shared/api';
import { AppError } from '../http/errors';
import { readCredentials, sameOrigin, type CredentialSource } from '../http/credentials';
import type { SessionRepository } from './sessions';
import type { UserRow } from './users';

export interface Auth {
  user: UserRow;
  tokenHash: string;
  via: CredentialSource;
}

export type AuthEnv = { Variables: { auth: Auth | null } };

/** REST and SSE take the header or the cookie; a token in the URL would end up in logs. */
const REST_CREDENTIALS = { query: false } as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: a browser sends the cookie with any request, even one a foreign page makes, so a
 * state change authenticated by the cookie must prove it comes from our own origin.
 * A state change that names a foreign origin is refused whatever its credentials, which
 * also stops a foreign page from signing a browser in to another account.
 */
export function csrfGuard(publicOrigin: () => string): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const same = sameOrigin(c, publicOrigin());
    const byCookie = readCredentials(c, REST_CREDENTIALS)?.via === 'cookie';
    if (same === false || (same === null && byCookie)) {
      throw new AppError(403, 'csrf_rejected', 'This request did not come from the Stadskamer site.');
    }
    return next();
  };
}

export function cookieOptions(publicOrigin: string, maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: 'Lax' as const,
    secure: publicOrigin.startsWith('https:'),
    path: '/',
    maxAge: maxAgeSeconds,
  };
}

export function setSessionCookie(c: Context, publicOrigin: string, token: string, expiresAt: number): void {
  setCookie(c, SESSION_COOKIE, token, cookieOptions(publicOrigin, Math.floor((expiresAt - Date.now()) / 1000)));
}

export function clearSessionCookie(c: Context, publicOrigin: string): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: publicOrigin.startsWith('https:'), httpOnly: true, sameSite: 'Lax' });
}

/** Finds out who is calling; `auth` is null for anonymous requests and unknown or expired tokens. */
export function authenticate(sessions: SessionRepository, publicOrigin: () => string): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const presented = readCredentials(c, REST_CREDENTIALS);
    const session = presented ? await sessions.authenticate(presented.token) : undefined;
    if (!presented || !session) {
      c.set('auth', null);
      return next();
    }
    c.set('auth', { user: session.user, tokenHash: session.tokenHash, via: presented.via });
    // Sliding expiry: the cookie must live as long as the session it carries.
    if (session.extended && presented.via === 'cookie') {
      setSessionCookie(c, publicOrigin(), presented.token, session.expiresAt);
    }
    return next();
  };
}
