import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../../shared/api';

export type CredentialSource = 'bearer' | 'query' | 'cookie';

export interface Credentials {
  token: string;
  via: CredentialSource;
}

export interface CredentialRules {
  /** Accept `?token=` (the sync socket: browsers cannot set headers on a WebSocket). */
  query: boolean;
  /**
   * Accept the cookie only when the request's Origin is this one (the sync socket:
   * browsers send cookies with cross-site WebSocket upgrades too). Unset: always.
   */
  cookieOrigin?: string;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The only place that reads a session token from a request, for REST, SSE and the sync
 * socket alike. Precedence: Authorization header, then `?token=` (where allowed), then
 * the session cookie.
 */
export function readCredentials(c: Context, rules: CredentialRules): Credentials | null {
  const bearer = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer) return { token: bearer, via: 'bearer' };
  const query = rules.query ? c.req.query('token') : undefined;
  if (query) return { token: query, via: 'query' };
  if (rules.cookieOrigin !== undefined && c.req.header('origin') !== rules.cookieOrigin) return null;
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/** Whether a request's Origin (or, lacking it, Referer) names `publicOrigin`; null when it sends neither. */
export function sameOrigin(c: Context, publicOrigin: string): boolean | null {
  const origin = c.req.header('origin');
  if (origin !== undefined) return origin === publicOrigin;
  const referer = c.req.header('referer');
  if (referer === undefined) return null;
  try {
    return new URL(referer).origin === publicOrigin;
  } catch {
    return false;
  }
}
