import { useId, type FormEvent } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field } from '../components/Field';
import { useI18n } from '../i18n/i18n';
import { accountsApi } from './accounts-api';
import { useFormRun } from './useFormRun';
import { formText } from '../components/form-text';

/** Deleting one's account: what one wrote stays, shown as "voormalig lid". */
export function DeleteAccountSection() {
  const { t } = useI18n();
  const headingId = useId();
  const action = useFormRun();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const password = formText(new FormData(e.currentTarget), 'password');
    if (!window.confirm(t('account.deleteConfirm'))) return;
    void action.run(async () => {
      await accountsApi.deleteAccount(password);
      window.location.assign('/signin');
      return '';
    });
  };
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.delete')}</h2>
      <p>{t('account.deleteIntro')}</p>
      <form className="stack" onSubmit={submit}>
        <ErrorAlert error={action.error} />
        <Field label={t('auth.password')} name="password" type="password" autoComplete="current-password" required />
        <div>
          <button className="button button--quiet" type="submit" disabled={action.busy}>
            {t('account.deleteButton')}
          </button>
        </div>
      </form>
    </section>
  );
}
