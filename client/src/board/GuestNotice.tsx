import { useEffect, useId, useState, type FormEvent } from 'react';
import { joinApi } from '../api/join';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/i18n';

/** For people who joined with a code: they may keep their cards and votes under a full account. */
export function GuestNotice() {
  const { t } = useI18n();
  const emailId = useId();
  const passwordId = useId();
  const [guest, setGuest] = useState(false);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    joinApi.guestStatus().then((s) => setGuest(s.guest !== null), () => undefined);
  }, []);
  if (!guest) return null;
  if (done) return <p className="notice small" role="status">{t('guest.upgraded')}</p>;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await joinApi.upgrade({ email, password });
      setDone(true);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="notice small guest-notice">
      <span>{t('guest.notice')}</span>{' '}
      {!open && (
        <button type="button" className="link-button" onClick={() => setOpen(true)}>
          {t('guest.upgrade')}
        </button>
      )}
      {open && (
        <form className="guest-notice__form" onSubmit={(e) => void submit(e)}>
          <label htmlFor={emailId}>{t('field.email')}</label>
          <input id={emailId} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <label htmlFor={passwordId}>{t('field.password')}</label>
          <input id={passwordId} type="password" autoComplete="new-password" minLength={10} required value={password} onChange={(e) => setPassword(e.target.value)} />
          <button type="submit" className="button button--small">
            {t('guest.upgrade')}
          </button>
          <ErrorAlert error={error} />
        </form>
      )}
    </div>
  );
}
