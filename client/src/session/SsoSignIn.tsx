import type { AuthOptions } from '../../../shared/sso';
import { SSO_ERRORS, type SsoErrorCode } from '../../../shared/sso';
import { useI18n } from '../i18n/i18n';

/** Why a previous single sign-on came back without a session, from `?sso_error=`. */
export function ssoErrorOf(search: string): SsoErrorCode | null {
  const code = new URLSearchParams(search).get('sso_error');
  return SSO_ERRORS.find((c) => c === code) ?? null;
}

/**
 * "Aanmelden via je organisatie": a plain link, because the sign-in leaves for the
 * organisation's provider and comes back to /api/auth/sso/callback, which sets the session.
 */
export function SsoSignIn({ options, next, error }: { options: AuthOptions; next: string; error: SsoErrorCode | null }) {
  const { t } = useI18n();
  if (!options.sso) return null;
  const href = `${options.sso.startUrl}?next=${encodeURIComponent(next)}`;
  return (
    <div className="card stack">
      {error && (
        <p className="alert" role="alert">
          {t(`sso.error.${error}`)}
        </p>
      )}
      {!options.passwordLogin && <p>{t('sso.passwordOff')}</p>}
      <a className="button" href={href}>
        {options.sso.label ? t('sso.buttonNamed', { label: options.sso.label }) : t('sso.button')}
      </a>
      {options.passwordLogin && <p className="muted">{t('sso.or')}</p>}
    </div>
  );
}
