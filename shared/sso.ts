/** `GET /api/auth/options`: how people may sign in on this installation. */
export interface AuthOptions {
  /** False: sign-in and registration with a password are switched off (PASSWORD_LOGIN=false). */
  passwordLogin: boolean;
  /** Single sign-on through the organisation's OpenID Connect provider, when configured. */
  sso: { label: string | null; startUrl: string } | null;
}

/** Why a single sign-on came back without a session (`/signin?sso_error=…`). */
export const SSO_ERRORS = ['sso_failed', 'sso_unavailable', 'sso_email_unverified', 'sso_expired'] as const;
export type SsoErrorCode = (typeof SSO_ERRORS)[number];
