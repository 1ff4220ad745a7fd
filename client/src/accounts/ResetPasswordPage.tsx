import type { FormEvent } from 'react';
import { Link } from 'wouter';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field } from '../components/Field';
import { usePageTitle } from '../components/usePageTitle';
import { useI18n } from '../i18n/i18n';
import { accountsApi } from './accounts-api';
import { useFormRun } from './useFormRun';
import { formText } from '../components/form-text';

/** The page a reset mail links to: choose a new password (every device is signed out). */
export function ResetPasswordPage({ token }: { token: string }) {
  const { t } = useI18n();
  usePageTitle(t('account.resetTitle'));
  const action = useFormRun();
  const done = action.done !== '';
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const password = formText(new FormData(e.currentTarget), 'password');
    void action.run(async () => {
      await accountsApi.confirmReset(token, password);
      return t('account.resetDone');
    });
  };
  return (
    <div className="page page--narrow stack">
      <h1>{t('account.resetTitle')}</h1>
      {done ? (
        <p className="notice" role="status">
          {t('account.resetDone')} <Link href="/signin">{t('auth.signIn')}</Link>
        </p>
      ) : (
        <form className="stack" onSubmit={submit}>
          <ErrorAlert error={action.error} />
          <Field label={t('account.newPassword')} hint={t('auth.passwordHint')} name="password" type="password" autoComplete="new-password" minLength={10} required />
          <div>
            <button className="button" type="submit" disabled={action.busy}>
              {t('account.resetSave')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
