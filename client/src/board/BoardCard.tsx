import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { CARD_COLORS } from '../../../shared/board';
import { useI18n } from '../i18n/i18n';
import type { CardView } from './board-view';
import type { Direction } from './card-moves';

export interface CardActions {
  edit(cardId: string, changes: { text?: string; color?: string }): void;
  remove(cardId: string): void;
  vote(cardId: string): void;
  unvote(cardId: string): void;
  moveByKey(cardId: string, direction: Direction): void;
  /** True once for the card a keyboard move was asked for, so it takes the focus back. */
  takeFocus(cardId: string): boolean;
}

interface Props {
  card: CardView;
  author: { name: string; organization: string } | null;
  canEdit: boolean;
  votesLeft: number;
  actions: CardActions;
}

const KEY_DIRECTIONS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** One sticky note: text, author, colour, votes; draggable and movable with Alt + arrows. */
export function BoardCard({ card, author, canEdit, votesLeft, actions }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(card.text);
  const sortable = useSortable({ id: card.id, disabled: !canEdit || editing });
  const style = { transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition };
  const label = card.text.trim() === '' ? '…' : card.text;
  const body = useRef<HTMLDivElement | null>(null);
  // A card moved to another column is a new element there; one moved within its column may
  // lose focus when the DOM reorders. Either way the keyboard user keeps their place.
  // Only a change of place may take the focus: other renders leave it where the person put it.
  useEffect(() => {
    if (actions.takeFocus(card.id)) body.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [card.id, card.columnId, card.order]);

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    const direction = KEY_DIRECTIONS[e.key];
    if (e.altKey && direction && canEdit && e.target === e.currentTarget) {
      e.preventDefault();
      actions.moveByKey(card.id, direction);
      return;
    }
    sortable.listeners?.onKeyDown?.(e);
  }

  function save() {
    if (draft !== card.text) actions.edit(card.id, { text: draft });
    setEditing(false);
  }

  const color = (CARD_COLORS as readonly string[]).includes(card.color) ? card.color : CARD_COLORS[0];
  return (
    <li
      ref={sortable.setNodeRef}
      style={style}
      className={`board-card board-card--${color}${sortable.isDragging ? ' board-card--dragging' : ''}`}
      data-testid="board-card"
      data-card-id={card.id}
    >
      <div
        ref={body}
        className="board-card__body"
        {...sortable.attributes}
        {...sortable.listeners}
        onKeyDown={onKeyDown}
        tabIndex={0}
        aria-describedby="board-move-hint"
        aria-label={label}
      >
        {editing ? null : <p className="board-card__text" data-testid="card-text">{card.text}</p>}
        <p className="board-card__author small">
          {author ? t('board.author', { name: author.name, organization: author.organization }) : t('board.unknownAuthor')}
        </p>
      </div>
      {editing && (
        <div className="board-card__edit">
          <label className="visually-hidden" htmlFor={`card-${card.id}`}>
            {t('board.cardText')}
          </label>
          <textarea
            id={`card-${card.id}`}
            value={draft}
            rows={3}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                save();
              } else if (e.key === 'Escape') setEditing(false);
            }}
          />
          <fieldset className="board-card__colors">
            <legend className="visually-hidden">{t('board.color')}</legend>
            {CARD_COLORS.map((c) => (
              <button
                key={c}
                type="button"
                className={`board-swatch board-card--${c}`}
                aria-pressed={c === color}
                aria-label={`${t('board.color')}: ${t(`board.color.${c}`)}`}
                onClick={() => actions.edit(card.id, { color: c })}
              />
            ))}
          </fieldset>
          <div className="row">
            <button type="button" className="button button--small" onClick={save}>
              {t('board.save')}
            </button>
            <button type="button" className="button button--small button--quiet" onClick={() => setEditing(false)}>
              {t('board.cancel')}
            </button>
            <button type="button" className="button button--small button--quiet board-danger" onClick={() => actions.remove(card.id)}>
              {t('board.deleteCard')}
            </button>
          </div>
        </div>
      )}
      <div className="board-card__footer">
        <span className="board-card__votes" data-testid="card-votes" aria-live="polite">
          <span className="board-card__count">{card.votes === 1 ? t('board.votes.one') : t('board.votes', { count: card.votes })}</span>
          {card.myVotes > 0 && <span className="muted">{t('board.myVotes', { count: card.myVotes })}</span>}
        </span>
        {canEdit && (
          <span className="board-card__actions">
            <button
              type="button"
              className="board-icon-button"
              aria-label={t('board.unvote', { card: label })}
              disabled={card.myVotes === 0}
              onClick={() => actions.unvote(card.id)}
            >
              −
            </button>
            <button
              type="button"
              className="board-icon-button"
              aria-label={t('board.vote', { card: label })}
              disabled={votesLeft === 0}
              onClick={() => actions.vote(card.id)}
            >
              +
            </button>
            {!editing && (
              <button
                type="button"
                className="link-button small"
                onClick={() => {
                  setDraft(card.text);
                  setEditing(true);
                }}
              >
                {t('board.editCard')}
              </button>
            )}
          </span>
        )}
      </div>
    </li>
  );
}
