import { useEffect, useId, useState } from 'react';
import { Link } from 'wouter';
import type { PeopleAnswer, PersonCard } from '../../../shared/people';
import { request } from '../api/http';
import { Avatar } from '../components/Avatar';
import { ErrorAlert } from '../components/ErrorAlert';
import { usePageTitle } from '../components/usePageTitle';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nl';
import './people.css';

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ok'; people: PersonCard[] };

/** "Wie weet wat": the living network made visible — who worked on which theme, from which city. */
export function PeoplePage() {
  const { t } = useI18n();
  usePageTitle(t('people.title'));
  const [q, setQ] = useState('');
  const [state, setState] = useState<State>({ status: 'loading' });
  const searchId = useId();

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      const query = q.trim() ? `?q=${encodeURIComponent(q.trim())}` : '';
      request<PeopleAnswer>('GET', `/api/people${query}`).then(
        (a) => !stale && setState({ status: 'ok', people: a.people }),
        (error: unknown) => !stale && setState({ status: 'error', error }),
      );
    }, 200);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [q]);

  return (
    <div className="page people-page">
      <h1>{t('people.title')}</h1>
      <p className="muted">{t('people.intro')}</p>
      <label htmlFor={searchId} className="people-page__label">
        {t('people.searchLabel')}
      </label>
      <input id={searchId} type="search" className="people-page__search" value={q} maxLength={100}
        placeholder={t('people.searchPlaceholder')} onChange={(e) => setQ(e.target.value)} data-testid="people-search" />
      {state.status === 'loading' && <p className="muted" role="status">{t('app.loading')}</p>}
      {state.status === 'error' && <ErrorAlert error={state.error} />}
      {state.status === 'ok' && state.people.length === 0 && (
        <p role="status">{q.trim() ? t('people.none', { q: q.trim() }) : t('people.empty')}</p>
      )}
      {state.status === 'ok' && state.people.length > 0 && (
        <ul className="people-list" data-testid="people-list">
          {state.people.map((p) => (
            <Person key={p.user.id} card={p} onTheme={setQ} />
          ))}
        </ul>
      )}
    </div>
  );
}

function Person({ card, onTheme }: { card: PersonCard; onTheme(theme: string): void }) {
  const { t, formatDate } = useI18n();
  return (
    <li className="person-card">
      <div className="person-card__head">
        <Avatar name={card.user.name} />
        <div>
          <h2 className="person-card__name">{card.user.name}</h2>
          <p className="person-card__org">{card.user.organization}</p>
        </div>
      </div>
      {card.themes.length > 0 && (
        <div className="person-card__themes" aria-label={t('people.themes')}>
          {card.themes.map((theme) => (
            <button key={theme.tag} type="button" className="chip" onClick={() => onTheme(theme.tag)}
              title={t('people.filterTheme', { tag: theme.tag })}>
              {theme.tag} <span className="chip__count">{theme.count}</span>
            </button>
          ))}
        </div>
      )}
      {card.recent.length > 0 ? (
        <ul className="person-card__recent" aria-label={t('people.recent')}>
          {card.recent.map((r) => (
            <li key={r.documentId}>
              <Link href={`/d/${r.documentId}`}>{r.title}</Link>
              <span className="muted"> · {t(`kind.${r.kind}.one` as MessageKey)} · {r.workspaceName} · {formatDate(r.at)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted person-card__none">{t('people.noWork')}</p>
      )}
    </li>
  );
}
