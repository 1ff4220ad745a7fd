import { useEffect, useState, type FormEvent } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useI18n } from '../i18n/i18n';
import { BoardCard, type CardActions } from './BoardCard';
import type { ColumnView } from './board-view';
import { columnDropId } from './card-moves';

export interface ColumnActions {
  rename(columnId: string, title: string): void;
  move(columnId: string, delta: -1 | 1): void;
  remove(columnId: string): void;
  addCard(columnId: string, text: string): void;
}

interface Props {
  column: ColumnView;
  index: number;
  count: number;
  canEdit: boolean;
  votesLeft: number;
  authorOf(userId: string): { name: string; organization: string } | null;
  actions: ColumnActions;
  cardActions: CardActions;
}

/** One angle of the workshop: its title (renamable), its cards and a form for a new one. */
export function BoardColumn({ column, index, count, canEdit, votesLeft, authorOf, actions, cardActions }: Props) {
  const { t } = useI18n();
  const [title, setTitle] = useState(column.title);
  const [text, setText] = useState('');
  const drop = useDroppable({ id: columnDropId(column.id), disabled: !canEdit });
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
    <section className="board-column" data-testid="board-column" aria-label={shown}>
      <header className="board-column__header">
        {canEdit ? (
          <textarea
            className="board-column__title"
            rows={1}
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
          <h2 className="board-column__title">{shown}</h2>
        )}
        {canEdit && (
          <div className="board-column__tools">
            <button type="button" className="board-icon-button" disabled={index === 0} aria-label={t('board.moveColumnLeft', { title: shown })} onClick={() => actions.move(column.id, -1)}>
              ←
            </button>
            <button type="button" className="board-icon-button" disabled={index === count - 1} aria-label={t('board.moveColumnRight', { title: shown })} onClick={() => actions.move(column.id, 1)}>
              →
            </button>
            <button type="button" className="board-icon-button board-danger" aria-label={t('board.deleteColumn', { title: shown })} onClick={() => actions.remove(column.id)}>
              ×
            </button>
          </div>
        )}
      </header>
      <SortableContext items={column.cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
        <ul ref={drop.setNodeRef} className={`board-column__cards${drop.isOver ? ' board-column__cards--over' : ''}`}>
          {column.cards.map((card) => (
            <BoardCard key={card.id} card={card} author={authorOf(card.authorId)} canEdit={canEdit} votesLeft={votesLeft} actions={cardActions} />
          ))}
          {column.cards.length === 0 && <li className="muted small board-column__empty">{t('board.emptyColumn')}</li>}
        </ul>
      </SortableContext>
      {canEdit && (
        <form className="board-column__add" onSubmit={submit}>
          <label className="visually-hidden" htmlFor={`new-card-${column.id}`}>
            {t('board.newCardText', { title: shown })}
          </label>
          <textarea
            id={`new-card-${column.id}`}
            rows={2}
            value={text}
            placeholder={t('board.addCard')}
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
    </section>
  );
}
