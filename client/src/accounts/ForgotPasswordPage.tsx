import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field } from '../components/Field';
import { usePageTitle } from '../components/usePageTitle';
import { useI18n } from '../i18n/i18n';
import { accountsApi } from './accounts-api';

/** "Wachtwoord vergeten": asks for the address and says the same whether or not it has an account. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  usePageTitle(t('account.forgotTitle'));
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await accountsApi.requestReset(String(new FormData(e.currentTarget).get('email')));
      setSent(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="page page--narrow stack">
      <h1>{t('account.forgotTitle')}</h1>
      {sent ? (
        <p className="notice" role="status">
          {t('account.forgotSent')}
        </p>
      ) : (
        <form className="stack" onSubmit={(e) => void submit(e)}>
          <p>{t('account.forgotIntro')}</p>
          <ErrorAlert error={error} />
          <Field label={t('auth.email')} name="email" type="email" autoComplete="email" required />
          <div>
            <button className="button" type="submit" disabled={busy}>
              {t('account.forgotSend')}
            </button>
          </div>
        </form>
      )}
      <p>
        <Link href="/signin">{t('auth.signIn')}</Link>
      </p>
    </div>
  );
}
