import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field } from '../components/Field';
import { usePageTitle } from '../components/usePageTitle';
import { useI18n } from '../i18n/i18n';
import { accountsApi } from './accounts-api';

/** The page a reset mail links to: choose a new password (every device is signed out). */
export function ResetPasswordPage({ token }: { token: string }) {
  const { t } = useI18n();
  usePageTitle(t('account.resetTitle'));
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await accountsApi.confirmReset(token, String(new FormData(e.currentTarget).get('password')));
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="page page--narrow stack">
      <h1>{t('account.resetTitle')}</h1>
      {done ? (
        <p className="notice" role="status">
          {t('account.resetDone')} <Link href="/signin">{t('auth.signIn')}</Link>
        </p>
      ) : (
        <form className="stack" onSubmit={(e) => void submit(e)}>
          <ErrorAlert error={error} />
          <Field label={t('account.newPassword')} hint={t('auth.passwordHint')} name="password" type="password" autoComplete="new-password" minLength={10} required />
          <div>
            <button className="button" type="submit" disabled={busy}>
              {t('account.resetSave')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
