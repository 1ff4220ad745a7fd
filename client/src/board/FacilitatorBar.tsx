import { useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { BoardView } from './board-view';
import { LockIcon } from './LockIcon';

export interface FacilitatorActions {
  setLocked(locked: boolean): void;
  setVotesPerPerson(n: number): void;
  setVotesHidden(hidden: boolean): void;
  startTimer(minutes: number): void;
  stopTimer(): void;
  resetVotes(): void;
  startSession(requireEmail: boolean): void;
  endSession(): void;
  present(): void;
}

interface Props {
  view: BoardView;
  actions: FacilitatorActions;
  sessionRunning: boolean;
  sound: boolean;
  setSound(on: boolean): void;
}

/** What only the owner sees: the session, lock, votes (number, hidden, clearing), the round timer. */
export function FacilitatorBar({ view, actions, sessionRunning, sound, setSound }: Props) {
  const { t } = useI18n();
  const votesId = useId();
  const minutesId = useId();
  const emailId = useId();
  const soundId = useId();
  const [votes, setVotes] = useState(String(view.votesPerPerson));
  const [minutes, setMinutes] = useState('5');
  const [requireEmail, setRequireEmail] = useState(false);
  useEffect(() => setVotes(String(view.votesPerPerson)), [view.votesPerPerson]);

  function commitVotes() {
    const n = Number(votes);
    if (Number.isInteger(n) && n >= 0 && n <= 100) {
      if (n !== view.votesPerPerson) actions.setVotesPerPerson(n);
    } else setVotes(String(view.votesPerPerson));
  }

  return (
    <section className="board-facilitation" aria-label={t('board.facilitation')} data-testid="facilitation">
      <div className="board-facilitation__group">
        {sessionRunning ? (
          <button type="button" className="button button--small button--quiet" onClick={actions.endSession} data-testid="end-session">
            {t('session.end')}
          </button>
        ) : (
          <>
            <button type="button" className="button button--small" onClick={() => actions.startSession(requireEmail)} data-testid="start-session">
              {t('session.start')}
            </button>
            <span className="board-facilitation__field">
              <input id={emailId} type="checkbox" checked={requireEmail} onChange={(e) => setRequireEmail(e.target.checked)} />
              <label htmlFor={emailId}>{t('session.requireEmail')}</label>
            </span>
          </>
        )}
        <button type="button" className="button button--small button--quiet" onClick={actions.present} data-testid="present">
          {t('present.open')}
        </button>
      </div>
      <div className="board-facilitation__group">
        <button type="button" className="button button--small button--quiet" aria-pressed={view.locked} onClick={() => actions.setLocked(!view.locked)}>
          <LockIcon open={!view.locked} /> {view.locked ? t('board.unlock') : t('board.lock')}
        </button>
        <button type="button" className="button button--small button--quiet" aria-pressed={view.votesHidden} onClick={() => actions.setVotesHidden(!view.votesHidden)} data-testid="toggle-hidden">
          {view.votesHidden ? t('board.revealVotes') : t('board.hideVotes')}
        </button>
        <span className="board-facilitation__field">
          <label htmlFor={votesId}>{t('board.votesPerPerson')}</label>
          <input id={votesId} type="number" min={0} max={100} value={votes} onChange={(e) => setVotes(e.target.value)} onBlur={commitVotes} onKeyDown={(e) => e.key === 'Enter' && commitVotes()} />
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
      </div>
      <div className="board-facilitation__group">
        <span className="board-facilitation__field">
          <label htmlFor={minutesId}>{t('board.timerMinutes')}</label>
          <input id={minutesId} type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </span>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => {
            const m = Number(minutes);
            if (Number.isFinite(m) && m > 0) actions.startTimer(m);
          }}
          data-testid="start-timer"
        >
          {t('board.startTimer')}
        </button>
        {view.timerEndsAt !== null && (
          <button type="button" className="button button--small button--quiet" onClick={actions.stopTimer} data-testid="stop-timer">
            {view.timerEndsAt > Date.now() ? t('board.stopTimer') : t('board.clearTimer')}
          </button>
        )}
        <span className="board-facilitation__field">
          <input id={soundId} type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} />
          <label htmlFor={soundId}>{t('board.timerSound')}</label>
        </span>
      </div>
    </section>
  );
}
