import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { BoardGroup } from '../../../shared/board';
import { useI18n } from '../i18n/i18n';
import type { ColumnView } from './board-view';
import { columnDropId } from './card-moves';
import { columnItems } from './column-items';

export interface ColumnActions {
  rename(columnId: string, title: string): void;
  move(columnId: string, delta: -1 | 1): void;
  remove(columnId: string): void;
  addCard(columnId: string, text: string): void;
  renameGroup(groupId: string, title: string): void;
}

interface Props {
  column: ColumnView;
  index: number;
  count: number;
  /** the facilitator: title, order and removal of columns, cluster titles */
  isOwner: boolean;
  /** may add cards (any board writer while open) */
  canAdd: boolean;
  groups: Map<string, BoardGroup>;
  votesHidden: boolean;
  actions: ColumnActions;
  renderCard(card: ColumnView['cards'][number]): ReactNode;
  /** id of the tab that labels this column on phones */
  tabId?: string;
}

/** One angle of the workshop: its title, its cards (scrolling on their own) and a form for a new one. */
export function BoardColumn({ column, index, count, isOwner, canAdd, groups, votesHidden, actions, renderCard, tabId }: Props) {
  const { t } = useI18n();
  const [title, setTitle] = useState(column.title);
  const [text, setText] = useState('');
  const drop = useDroppable({ id: columnDropId(column.id), disabled: !canAdd });
  useEffect(() => setTitle(column.title), [column.title]);
  const shown = column.title.trim() === '' ? '…' : column.title;

  function commitTitle() {
    if (title.trim() === '') setTitle(column.title);
    else if (title !== column.title) actions.rename(column.id, title.trim());
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (text.trim() === '') return;
    actions.addCard(column.id, text.trim());
    setText('');
  }

  return (
    <section
      className="board-column"
      data-testid="board-column"
      data-column-id={column.id}
      {...(tabId ? { role: 'tabpanel', 'aria-labelledby': tabId, id: `panel-${column.id}` } : { 'aria-label': shown })}
    >
      <header className="board-column__header">
        {isOwner ? (
          <textarea
            className="board-column__title"
            rows={1}
            lang="nl"
            aria-label={t('board.columnTitle', { title: shown })}
            value={title}
            onChange={(e) => setTitle(e.target.value.replace(/\n/g, ' '))}
            onBlur={commitTitle}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                e.currentTarget.blur();
              }
            }}
          />
        ) : (
          <h2 className="board-column__title" lang="nl">
            {shown}
          </h2>
        )}
        <span className="board-column__count small muted">{t('board.cardCount', { count: column.cards.length })}</span>
        {isOwner && (
          <div className="board-column__tools">
            <button type="button" className="board-icon-button" disabled={index === 0} aria-label={t('board.moveColumnLeft', { title: shown })} title={t('board.moveColumnLeft', { title: shown })} onClick={() => actions.move(column.id, -1)}>
              ←
            </button>
            <button type="button" className="board-icon-button" disabled={index === count - 1} aria-label={t('board.moveColumnRight', { title: shown })} title={t('board.moveColumnRight', { title: shown })} onClick={() => actions.move(column.id, 1)}>
              →
            </button>
            <button type="button" className="board-icon-button board-danger" aria-label={t('board.deleteColumn', { title: shown })} title={t('board.deleteColumn', { title: shown })} onClick={() => actions.remove(column.id)}>
              ×
            </button>
          </div>
        )}
      </header>
      {canAdd && (
        <form className="board-column__add" onSubmit={submit}>
          <label className="visually-hidden" htmlFor={`new-card-${column.id}`}>
            {t('board.newCardText', { title: shown })}
          </label>
          <textarea
            id={`new-card-${column.id}`}
            rows={2}
            value={text}
            placeholder={t('board.addCardPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) submit(e);
            }}
          />
          <button type="submit" className="button button--small">
            {t('board.addCard')}
          </button>
        </form>
      )}
      <SortableContext items={column.cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
        <ul ref={drop.setNodeRef} className={`board-column__cards${drop.isOver ? ' board-column__cards--over' : ''}`}>
          {columnItems(column, groups).map((item) =>
            item.kind === 'card' ? (
              renderCard(item.card)
            ) : (
              <li key={`group-${item.group.id}`} className="board-group" data-testid="board-group">
                <div className="board-group__header">
                  {isOwner ? (
                    <input
                      className="board-group__title"
                      aria-label={t('board.groupTitle')}
                      defaultValue={item.group.title}
                      key={item.group.title}
                      onBlur={(e) => e.target.value.trim() && e.target.value !== item.group.title && actions.renameGroup(item.group.id, e.target.value.trim())}
                    />
                  ) : (
                    <h3 className="board-group__title">{item.group.title || '…'}</h3>
                  )}
                  <span className="board-group__votes small" data-testid="group-votes">
                    {votesHidden ? t('board.votesHiddenShort') : t('board.votes', { count: item.votes })}
                  </span>
                </div>
                <ul className="board-group__cards">{item.cards.map(renderCard)}</ul>
              </li>
            ),
          )}
          {column.cards.length === 0 && <li className="muted small board-column__empty">{t('board.emptyColumn')}</li>}
        </ul>
      </SortableContext>
    </section>
  );
}
