import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { CARD_COLORS } from '../../../shared/board';
import { useI18n } from '../i18n/i18n';
import type { CardView } from './board-view';
import { groupDropId, type Direction } from './card-moves';
import { CardMenu, type CardMenuItem } from './CardMenu';
import type { PresentPerson } from './useBoardPresence';

export interface CardActions {
  edit(cardId: string, changes: { text?: string; color?: string }): void;
  remove(cardId: string): void;
  vote(cardId: string): void;
  unvote(cardId: string): void;
  moveByKey(cardId: string, direction: Direction): void;
  openMove(cardId: string): void;
  ungroup(cardId: string): void;
  /** Tells others (awareness) which card this person is editing; null when done. */
  editing(cardId: string | null): void;
  /** True once for the card a keyboard move was asked for, so it takes the focus back. */
  takeFocus(cardId: string): boolean;
}

export interface CardPermissions {
  /** author or owner, board open: text, colour, delete, move */
  mayEdit: boolean;
  /** any board writer while the board is open */
  mayVote: boolean;
  /** the facilitator: clusters */
  mayGroup: boolean;
}

interface Props {
  card: CardView;
  author: { name: string; organization: string } | null;
  permissions: CardPermissions;
  votesLeft: number;
  votesHidden: boolean;
  /** others editing this card now */
  editors: PresentPerson[];
  /** a card is being dragged by the facilitator: show this card's cluster drop zone */
  showGroupZone: boolean;
  actions: CardActions;
}

const KEY_DIRECTIONS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** One sticky note, compact: its text first, then one line with author, votes and actions. */
export function BoardCard({ card, author, permissions, votesLeft, votesHidden, editors, showGroupZone, actions }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(card.text);
  const sortable = useSortable({ id: card.id, disabled: !permissions.mayEdit || editing });
  const groupZone = useDroppable({ id: groupDropId(card.id), disabled: !showGroupZone || sortable.isDragging });
  const style = { transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition };
  const label = card.text.trim() === '' ? '…' : card.text;
  const body = useRef<HTMLDivElement | null>(null);
  // A card moved to another column is a new element there; one moved within its column may
  // lose focus when the DOM reorders. Either way the keyboard user keeps their place.
  useEffect(() => {
    if (actions.takeFocus(card.id)) body.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [card.id, card.columnId, card.order]);

  function startEditing() {
    setDraft(card.text);
    setEditing(true);
    actions.editing(card.id);
  }
  function stopEditing() {
    setEditing(false);
    actions.editing(null);
  }
  function save() {
    if (draft !== card.text) actions.edit(card.id, { text: draft });
    stopEditing();
  }

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    const direction = KEY_DIRECTIONS[e.key];
    if (e.altKey && direction && permissions.mayEdit && e.target === e.currentTarget) {
      e.preventDefault();
      actions.moveByKey(card.id, direction);
      return;
    }
    sortable.listeners?.onKeyDown?.(e);
  }

  const menu: CardMenuItem[] = [];
  if (permissions.mayEdit) {
    menu.push({ label: t('board.editCard'), onSelect: startEditing });
    menu.push({ label: t('board.moveTo'), onSelect: () => actions.openMove(card.id) });
  }
  if (permissions.mayGroup && card.groupId) menu.push({ label: t('board.ungroup'), onSelect: () => actions.ungroup(card.id) });
  if (permissions.mayEdit) menu.push({ label: t('board.deleteCard'), onSelect: () => actions.remove(card.id), danger: true });

  const color = (CARD_COLORS as readonly string[]).includes(card.color) ? card.color : CARD_COLORS[0];
  const editor = editors[0];
  return (
    <li
      ref={sortable.setNodeRef}
      style={{ ...style, ...(editor?.color ? { ['--editor-color' as string]: editor.color } : {}) }}
      className={`board-card board-card--${color}${sortable.isDragging ? ' board-card--dragging' : ''}${editor ? ' board-card--edited' : ''}`}
      data-testid="board-card"
      data-card-id={card.id}
    >
      {editor && (
        <p className="board-card__editor small" data-testid="card-editor">
          {t('board.editingBy', { name: editor.name })}
        </p>
      )}
      <div ref={body} className="board-card__body" {...sortable.attributes} {...sortable.listeners} onKeyDown={onKeyDown} tabIndex={0} aria-describedby="board-move-hint">
        {editing ? null : (
          <p className="board-card__text" data-testid="card-text" lang="nl">
            {card.text}
          </p>
        )}
      </div>
      {showGroupZone && (
        <div ref={groupZone.setNodeRef} className={`board-card__group-zone${groupZone.isOver ? ' board-card__group-zone--over' : ''}`} data-testid="group-zone">
          {t('board.groupHere')}
        </div>
      )}
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
              } else if (e.key === 'Escape') stopEditing();
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
            <button type="button" className="button button--small button--quiet" onClick={stopEditing}>
              {t('board.cancel')}
            </button>
          </div>
        </div>
      )}
      <div className="board-card__footer">
        <span className="board-card__author small">{author ? t('board.author', { name: author.name, organization: author.organization }) : t('board.unknownAuthor')}</span>
        <span className="board-card__votes" data-testid="card-votes">
          {votesHidden ? (
            <span className="board-card__count" data-testid="card-votes-hidden">
              {card.myVotes > 0 ? t('board.myVotesOnly', { count: card.myVotes }) : t('board.votesHiddenShort')}
            </span>
          ) : (
            <span className="board-card__count">{t('board.votes', { count: card.votes })}</span>
          )}
        </span>
        <span className="board-card__actions">
          {permissions.mayVote && (
            <>
              <button type="button" className="board-icon-button" aria-label={t('board.unvote', { card: label })} title={t('board.unvote', { card: label })} disabled={card.myVotes === 0} onClick={() => actions.unvote(card.id)}>
                −
              </button>
              <button type="button" className="board-icon-button" aria-label={t('board.vote', { card: label })} title={t('board.vote', { card: label })} disabled={votesLeft === 0} onClick={() => actions.vote(card.id)}>
                +
              </button>
            </>
          )}
          <CardMenu cardLabel={label} items={editing ? [] : menu} />
        </span>
      </div>
    </li>
  );
}
