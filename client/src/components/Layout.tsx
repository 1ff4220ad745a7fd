import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';

/**
 * The frame of every page: skip link, brand, language toggle, who is signed in.
 * `tools` (search, people) and `notifications` (the bell) are shown beside the signed-in
 * name; the app passes them, so that the frame does not depend on any feature.
 */
export function Layout({
  children,
  tools,
  notifications,
}: {
  children: ReactNode;
  tools?: () => ReactNode;
  notifications?: (userId: string) => ReactNode;
}) {
  const { t, lang, setLang } = useI18n();
  const { state, signOut } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link href="/" className="topbar__brand">
          {t('app.name')}
        </Link>
        {state.status === 'signedIn' && (
          <span className="topbar__user">{t('nav.signedInAs', { name: state.user.name })}</span>
        )}
        {state.status === 'signedIn' && tools?.()}
        {state.status === 'signedIn' && notifications?.(state.user.id)}
        <button
          type="button"
          className="button button--quiet button--small"
          lang={lang === 'nl' ? 'en' : 'nl'}
          aria-label={t('lang.toggleLabel')}
          onClick={() => setLang(lang === 'nl' ? 'en' : 'nl')}
          data-testid="lang-toggle"
        >
          {t('lang.toggle')}
        </button>
        {state.status === 'signedIn' && (
          <button type="button" className="button button--quiet button--small" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
