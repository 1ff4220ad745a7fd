import { useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { BoardView } from './board-view';

export interface FacilitatorActions {
  setLocked(locked: boolean): void;
  setVotesPerPerson(n: number): void;
  startTimer(minutes: number): void;
  stopTimer(): void;
  resetVotes(): void;
}

/** What only the owner sees: lock, the votes each person gets, the round timer, clearing votes. */
export function FacilitatorBar({ view, actions }: { view: BoardView; actions: FacilitatorActions }) {
  const { t } = useI18n();
  const votesId = useId();
  const minutesId = useId();
  const [votes, setVotes] = useState(String(view.votesPerPerson));
  const [minutes, setMinutes] = useState('5');
  useEffect(() => setVotes(String(view.votesPerPerson)), [view.votesPerPerson]);

  function commitVotes() {
    const n = Number(votes);
    if (Number.isInteger(n) && n >= 0 && n <= 100) {
      if (n !== view.votesPerPerson) actions.setVotesPerPerson(n);
    } else setVotes(String(view.votesPerPerson));
  }

  return (
    <section className="board-facilitation" aria-label={t('board.facilitation')}>
      <button type="button" className="button button--small" aria-pressed={view.locked} onClick={() => actions.setLocked(!view.locked)}>
        {view.locked ? t('board.unlock') : t('board.lock')}
      </button>
      <span className="board-facilitation__field">
        <label htmlFor={votesId}>{t('board.votesPerPerson')}</label>
        <input id={votesId} type="number" min={0} max={100} value={votes} onChange={(e) => setVotes(e.target.value)} onBlur={commitVotes} onKeyDown={(e) => e.key === 'Enter' && commitVotes()} />
      </span>
      <span className="board-facilitation__field">
        <label htmlFor={minutesId}>{t('board.timerMinutes')}</label>
        <input id={minutesId} type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => {
            const m = Number(minutes);
            if (Number.isFinite(m) && m > 0) actions.startTimer(m);
          }}
        >
          {t('board.startTimer')}
        </button>
        {view.timerEndsAt !== null && (
          <button type="button" className="button button--small button--quiet" onClick={actions.stopTimer}>
            {t('board.stopTimer')}
          </button>
        )}
      </span>
      <button
        type="button"
        className="button button--small button--quiet board-danger"
        onClick={() => {
          if (window.confirm(t('board.confirmReset'))) actions.resetVotes();
        }}
      >
        {t('board.resetVotes')}
      </button>
    </section>
  );
}
