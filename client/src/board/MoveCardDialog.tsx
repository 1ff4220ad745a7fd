import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { ColumnView } from './board-view';
import { arranged } from './card-moves';

interface Props {
  cardId: string;
  columns: ColumnView[];
  onMove(columnId: string, index: number): void;
  onClose(): void;
}

/**
 * "Verplaatsen naar…": a column and a place in it, for touch screens and screen readers
 * alike (a modal dialog keeps the focus inside and Escape closes it).
 */
export function MoveCardDialog({ cardId, columns, onMove, onClose }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const columnId = useId();
  const positionId = useId();
  const current = columns.find((c) => c.cards.some((card) => card.id === cardId));
  const [target, setTarget] = useState(current?.id ?? columns[0]?.id ?? '');
  const others = arranged(columns.find((c) => c.id === target) ?? { id: '', title: '', cards: [] }).filter((c) => c.id !== cardId);
  const currentIndex = current?.id === target ? arranged(current).findIndex((c) => c.id === cardId) : others.length;
  const [position, setPosition] = useState(currentIndex);
  useEffect(() => setPosition(current?.id === target ? Math.max(0, currentIndex) : others.length), [target]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog ref={ref} className="board-dialog" aria-labelledby={`${columnId}-title`} onClose={onClose} data-testid="move-dialog">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onMove(target, position);
          ref.current?.close();
        }}
      >
        <h2 id={`${columnId}-title`} className="board-dialog__title">
          {t('board.moveTo')}
        </h2>
        <label htmlFor={columnId}>{t('board.moveColumn')}</label>
        <select id={columnId} value={target} onChange={(e) => setTarget(e.target.value)} data-testid="move-column">
          {columns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title.trim() || '…'}
            </option>
          ))}
        </select>
        <label htmlFor={positionId}>{t('board.movePosition')}</label>
        <select id={positionId} value={position} onChange={(e) => setPosition(Number(e.target.value))} data-testid="move-position">
          {Array.from({ length: others.length + 1 }, (_, i) => (
            <option key={i} value={i}>
              {i === 0 ? t('board.positionTop') : i === others.length ? t('board.positionBottom', { n: i + 1 }) : String(i + 1)}
            </option>
          ))}
        </select>
        <div className="row">
          <button type="submit" className="button button--small">
            {t('board.moveConfirm')}
          </button>
          <button type="button" className="button button--small button--quiet" onClick={() => ref.current?.close()}>
            {t('board.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
