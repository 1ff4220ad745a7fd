import { useId, type FormEvent } from 'react';
import { useFormRun } from './useFormRun';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field } from '../components/Field';
import { usePageTitle } from '../components/usePageTitle';
import { useI18n } from '../i18n/i18n';
import type { Language } from '../i18n/translate';
import { useUser } from '../session/session';
import { accountsApi } from './accounts-api';
import { SessionsSection } from './SessionsSection';
import { DeleteAccountSection } from './DeleteAccountSection';
import { LANGUAGES, NOTIFY_MAIL } from '../../../shared/accounts';
import { formText } from '../components/form-text';

/** Name, organisation, language, mail, password, devices, and leaving Stadskamer altogether. */
export function ProfilePage() {
  const { t, setLang } = useI18n();
  const user = useUser();
  usePageTitle(t('account.profileTitle'));
  const ids = { language: useId(), notify: useId() };
  const profile = useFormRun();
  const password = useFormRun();

  const saveProfile = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const language = formText(form, 'language') as Language;
    void profile.run(async () => {
      await accountsApi.updateProfile({
        name: formText(form, 'name'),
        organization: formText(form, 'organization'),
        language,
        notifyMail: formText(form, 'notifyMail') as (typeof NOTIFY_MAIL)[number],
      });
      setLang(language);
      return t('account.saved');
    });
  };

  const changePassword = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const target = e.currentTarget;
    const form = new FormData(target);
    void password.run(async () => {
      await accountsApi.updateProfile({ currentPassword: formText(form, 'current'), newPassword: formText(form, 'new') });
      target.reset();
      return t('account.passwordChanged');
    });
  };

  return (
    <div className="page page--narrow stack">
      <h1>{t('account.profileTitle')}</h1>
      <section className="card stack" aria-labelledby={`${ids.language}-h`}>
        <h2 id={`${ids.language}-h`}>{t('account.details')}</h2>
        <form className="stack" onSubmit={saveProfile}>
          <ErrorAlert error={profile.error} />
          <Field label={t('auth.name')} name="name" defaultValue={user.name} required autoComplete="name" />
          <Field label={t('auth.organization')} name="organization" defaultValue={user.organization} required autoComplete="organization" />
          <div className="field">
            <label htmlFor={ids.language}>{t('account.language')}</label>
            <select id={ids.language} name="language" defaultValue={user.language ?? 'nl'}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`account.language.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.notify}>{t('account.notifyMail')}</label>
            <select id={ids.notify} name="notifyMail" defaultValue={user.notifyMail ?? 'instant'}>
              {NOTIFY_MAIL.map((n) => (
                <option key={n} value={n}>
                  {t(`account.notifyMail.${n}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button className="button" type="submit" disabled={profile.busy}>
              {t('account.save')}
            </button>
          </div>
          <p role="status" className="small">
            {profile.done}
          </p>
        </form>
      </section>
      <section className="card stack" aria-labelledby={`${ids.notify}-h`}>
        <h2 id={`${ids.notify}-h`}>{t('account.password')}</h2>
        <form className="stack" onSubmit={changePassword}>
          <ErrorAlert error={password.error} />
          <Field label={t('account.currentPassword')} name="current" type="password" autoComplete="current-password" required />
          <Field label={t('account.newPassword')} hint={t('account.newPasswordHint')} name="new" type="password" autoComplete="new-password" minLength={10} required />
          <div>
            <button className="button" type="submit" disabled={password.busy}>
              {t('account.changePassword')}
            </button>
          </div>
          <p role="status" className="small">
            {password.done}
          </p>
        </form>
      </section>
      <SessionsSection />
      <DeleteAccountSection />
    </div>
  );
}
