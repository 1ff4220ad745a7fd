import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field } from '../components/Field';
import { usePageTitle } from '../components/usePageTitle';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { formText } from '../components/form-text';
import { SsoSignIn, ssoErrorOf } from '../session/SsoSignIn';
import { useAuthOptions } from '../session/useAuthOptions';

/** Where to go after signing in: only paths inside this app, never another site. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Sign in or create an account; `?next=` brings the person back where they were going. */
export function AuthPage({ mode }: { mode: 'signIn' | 'signUp' }) {
  const { t } = useI18n();
  const { signIn, signUp } = useSession();
  const [, navigate] = useLocation();
  const search = useSearch();
  const next = safeNext(search);
  const invited = next.startsWith('/invite/');
  usePageTitle(mode === 'signIn' ? t('auth.signIn') : t('auth.signUp'));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const options = useAuthOptions();
  // Until the options arrive, the password form shows as it always did.
  const passwords = options?.passwordLogin ?? true;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const value = (name: string) => formText(form, name).trim();
    setBusy(true);
    setError(null);
    try {
      if (mode === 'signIn') await signIn(value('email'), formText(form, 'password'));
      else
        await signUp({
          email: value('email'),
          password: formText(form, 'password'),
          name: value('name'),
          organization: value('organization'),
        });
      navigate(next, { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const other = mode === 'signIn' ? '/signup' : '/signin';
  const query = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
  return (
    <div className="page page--narrow stack">
      <h1>{mode === 'signIn' ? t('auth.signInTitle') : t('auth.signUpTitle')}</h1>
      {invited && <p className="notice">{t('auth.inviteIntro')}</p>}
      {options && <SsoSignIn options={options} next={next} error={ssoErrorOf(search)} />}
      {passwords && (
        <form className="card" onSubmit={(e) => void submit(e)} noValidate={false}>
          <ErrorAlert error={error} onDismiss={() => setError(null)} />
          {mode === 'signUp' && (
            <>
              <Field label={t('auth.name')} name="name" autoComplete="name" required maxLength={200} />
              <Field
                label={t('auth.organization')}
                name="organization"
                autoComplete="organization"
                hint={t('auth.organizationHint')}
                required
                maxLength={200}
              />
            </>
          )}
          <Field label={t('auth.email')} name="email" type="email" autoComplete="email" required />
          <Field
            label={t('auth.password')}
            name="password"
            type="password"
            autoComplete={mode === 'signIn' ? 'current-password' : 'new-password'}
            hint={mode === 'signUp' ? t('auth.passwordHint') : undefined}
            minLength={mode === 'signUp' ? 10 : undefined}
            required
          />
          <button className="button" type="submit" disabled={busy}>
            {mode === 'signIn' ? t('auth.signIn') : t('auth.signUp')}
          </button>
        </form>
      )}
      {passwords && mode === 'signIn' && (
        <p>
          <Link href="/forgot">{t('account.forgotLink')}</Link>
        </p>
      )}
      {passwords && (
        <p>
          {mode === 'signIn' ? t('auth.noAccount') : t('auth.haveAccount')}{' '}
          <Link href={`${other}${query}`}>{mode === 'signIn' ? t('auth.signUp') : t('auth.signIn')}</Link>
        </p>
      )}
    </div>
  );
}
