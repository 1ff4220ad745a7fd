import type { FormEvent } from 'react';
import { Link } from 'wouter';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field } from '../components/Field';
import { usePageTitle } from '../components/usePageTitle';
import { useI18n } from '../i18n/i18n';
import { accountsApi } from './accounts-api';
import { useFormRun } from './useFormRun';
import { formText } from '../components/form-text';

/** "Wachtwoord vergeten": asks for the address and says the same whether or not it has an account. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  usePageTitle(t('account.forgotTitle'));
  const action = useFormRun();
  const sent = action.done !== '';
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const email = formText(new FormData(e.currentTarget), 'email');
    void action.run(async () => {
      await accountsApi.requestReset(email);
      return t('account.forgotSent');
    });
  };
  return (
    <div className="page page--narrow stack">
      <h1>{t('account.forgotTitle')}</h1>
      {sent ? (
        <p className="notice" role="status">
          {t('account.forgotSent')}
        </p>
      ) : (
        <form className="stack" onSubmit={submit}>
          <p>{t('account.forgotIntro')}</p>
          <ErrorAlert error={action.error} />
          <Field label={t('auth.email')} name="email" type="email" autoComplete="email" required />
          <div>
            <button className="button" type="submit" disabled={action.busy}>
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
