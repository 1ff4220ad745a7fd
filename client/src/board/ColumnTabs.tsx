import { useRef, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import type { ColumnView } from './board-view';

export const tabIdFor = (columnId: string) => `tab-${columnId}`;

/** On phones one column at a time: a tab per column (arrow keys move between them). */
export function ColumnTabs({ columns, active, onSelect }: { columns: ColumnView[]; active: string; onSelect(id: string): void }) {
  const { t } = useI18n();
  const list = useRef<HTMLDivElement>(null);
  function onKeyDown(e: KeyboardEvent) {
    const i = columns.findIndex((c) => c.id === active);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? columns.length - 1 : -2;
    if (next === -2 || !columns[next]) return;
    e.preventDefault();
    onSelect(columns[next].id);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabIdFor(columns[next].id))}`)?.focus();
  }
  return (
    <div ref={list} className="board-tabs" role="tablist" aria-label={t('board.columnsLabel')} onKeyDown={onKeyDown} data-testid="column-tabs">
      {columns.map((c) => (
        <button
          key={c.id}
          id={tabIdFor(c.id)}
          type="button"
          role="tab"
          aria-selected={c.id === active}
          aria-controls={`panel-${c.id}`}
          tabIndex={c.id === active ? 0 : -1}
          className="board-tabs__tab"
          lang="nl"
          onClick={() => onSelect(c.id)}
        >
          {c.title.trim() || '…'} <span className="board-tabs__count">{c.cards.length}</span>
        </button>
      ))}
    </div>
  );
}
