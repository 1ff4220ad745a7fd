import { useId } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n/i18n';
import { accountsApi } from './accounts-api';
import { useFormRun } from './useFormRun';

/** Where one is signed in, with "Afmelden op dit toestel" for each other device. */
export function SessionsSection() {
  const { t, formatDate } = useI18n();
  const headingId = useId();
  const [loaded, reload] = useLoad(() => accountsApi.sessions(), []);
  const action = useFormRun();
  const end = (id: string) =>
    void action.run(async () => {
      await accountsApi.endSession(id);
      reload();
      return t('account.sessionEnded');
    });
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.sessions')}</h2>
      <ErrorAlert error={action.error ?? (loaded.status === 'error' ? loaded.error : null)} />
      {loaded.status === 'ok' && (
        <ul className="member-list" data-testid="sessions">
          {loaded.data.sessions.map((s) => {
            const device = s.current ? t('account.thisDevice') : (s.userAgent ?? t('account.unknownDevice'));
            const since = formatDate(s.createdAt, true);
            return (
            <li key={s.id} className="member-row">
              <span className="member-row__who small">
                <strong id={`${headingId}-${s.id}`}>{device}</strong>
                <br />
                <span className="muted">{t('account.signedInSince', { date: since })}</span>
              </span>
              {!s.current && (
                <button type="button" className="button button--quiet button--small" disabled={action.busy} onClick={() => end(s.id)} aria-describedby={`${headingId}-${s.id}`}>
                  {t('account.endSession')}
                </button>
              )}
            </li>
            );
          })}
        </ul>
      )}
      <p role="status" className="small">
        {action.done}
      </p>
    </section>
  );
}
