import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';

export interface CardMenuItem {
  label: string;
  onSelect(): void;
  danger?: boolean;
}

/**
 * The card's less frequent actions behind one button, so a card stays one compact line of
 * controls on a phone. A disclosure (not an ARIA menu): plain buttons in tab order.
 */
export function CardMenu({ cardLabel, items }: { cardLabel: string; items: CardMenuItem[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);
  if (items.length === 0) return null;
  return (
    <span
      className="board-card-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          root.current?.querySelector<HTMLButtonElement>('button')?.focus();
        }
      }}
    >
      <button
        type="button"
        className="board-icon-button"
        aria-expanded={open}
        aria-label={t('board.cardActions', { card: cardLabel })}
        title={t('board.cardActions', { card: cardLabel })}
        onClick={() => setOpen(!open)}
        data-testid="card-menu"
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="3" cy="8" r="1.6" fill="currentColor" />
          <circle cx="8" cy="8" r="1.6" fill="currentColor" />
          <circle cx="13" cy="8" r="1.6" fill="currentColor" />
        </svg>
      </button>
      {open && (
        <span className="board-card-menu__list">
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              className={`board-card-menu__item${item.danger ? ' board-danger' : ''}`}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </span>
      )}
    </span>
  );
}
