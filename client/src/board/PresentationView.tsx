import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import type { JoinSession } from '../../../shared/join';
import type { BoardView } from './board-view';
import { columnItems } from './column-items';
import { Countdown } from './Countdown';
import { JoinCode } from './JoinCode';
import { LockIcon } from './LockIcon';

/** Cards per column a projector can show legibly from the back of the room. */
const TOP = 5;

interface Props {
  title: string;
  view: BoardView;
  session: JoinSession | null;
  peopleCount: number;
  sound: boolean;
  onClose(): void;
}

/**
 * For the projector: large type, each column with its top cards (clusters count as one),
 * the timer big, and the join code with its QR code while the session is open.
 */
export function PresentationView({ title, view, session, peopleCount, sound, onClose }: Props) {
  const { t } = useI18n();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="presentation" data-testid="presentation" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <header className="presentation__header">
        <h1 className="presentation__title" lang="nl">
          {title}
        </h1>
        <p className="presentation__meta">
          {view.locked && (
            <span className="presentation__locked">
              <LockIcon /> {t('board.locked')}
            </span>
          )}
          <span>{t('board.present', { count: peopleCount })}</span>
        </p>
        <button ref={close} type="button" className="button button--small button--quiet" onClick={onClose}>
          {t('present.close')}
        </button>
      </header>
      <div className="presentation__top">
        {view.timerEndsAt !== null && <Countdown endsAt={view.timerEndsAt} sound={sound} large />}
        {session && <JoinCode session={session} large />}
      </div>
      {view.votesHidden && <p className="presentation__hidden">{t('board.votesHiddenNotice')}</p>}
      <ol className="presentation__columns">
        {view.columns.map((column) => {
          const items = columnItems(column, view.groups);
          const ranked = view.votesHidden ? items : [...items].sort((a, b) => votesOf(b) - votesOf(a));
          return (
            <li key={column.id} className="presentation__column">
              <h2 lang="nl">{column.title.trim() || '…'}</h2>
              {ranked.length === 0 && <p className="muted">{t('board.emptyColumn')}</p>}
              <ol>
                {ranked.slice(0, TOP).map((item) => (
                  <li key={item.kind === 'card' ? item.card.id : item.group.id} lang="nl">
                    <span>{item.kind === 'card' ? item.card.text : `${item.group.title} (${item.cards.length})`}</span>
                    {!view.votesHidden && <strong className="presentation__votes">{votesOf(item)}</strong>}
                  </li>
                ))}
              </ol>
              {ranked.length > TOP && <p className="presentation__more">{t('present.more', { count: ranked.length - TOP })}</p>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function votesOf(item: ReturnType<typeof columnItems>[number]): number {
  return item.kind === 'card' ? item.card.votes : item.votes;
}
