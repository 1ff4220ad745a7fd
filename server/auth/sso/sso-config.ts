import { z } from 'zod';

/** Environment variables of single sign-on (README, "Single sign-on"). */
export const ssoEnv = {
  /** The OpenID Connect issuer (its discovery document is at /.well-known/openid-configuration). */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  /** The organisation's name on the sign-in button ("Aanmelden via …"). */
  OIDC_LABEL: z.string().min(1).max(100).optional(),
  /** false: sign-in and registration only through single sign-on. */
  PASSWORD_LOGIN: z.enum(['true', 'false', '1', '0']).default('true'),
};

type SsoEnv = z.output<z.ZodObject<typeof ssoEnv>>;

export interface SsoConfig {
  /** Null when single sign-on is not configured. */
  oidc: { issuer: string; clientId: string; clientSecret: string; label: string | null } | null;
  passwordLogin: boolean;
}

export class SsoConfigError extends Error {}

export function readSso(e: SsoEnv): SsoConfig {
  const parts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  const set = parts.filter((p) => p !== undefined).length;
  if (set !== 0 && set !== 3) {
    throw new SsoConfigError('Invalid configuration: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together.');
  }
  const passwordLogin = e.PASSWORD_LOGIN === 'true' || e.PASSWORD_LOGIN === '1';
  if (!passwordLogin && set === 0) {
    throw new SsoConfigError('Invalid configuration: PASSWORD_LOGIN=false needs single sign-on (OIDC_ISSUER …) to sign in at all.');
  }
  return {
    oidc:
      set === 3
        ? { issuer: e.OIDC_ISSUER!, clientId: e.OIDC_CLIENT_ID!, clientSecret: e.OIDC_CLIENT_SECRET!, label: e.OIDC_LABEL ?? null }
        : null,
    passwordLogin,
  };
}
