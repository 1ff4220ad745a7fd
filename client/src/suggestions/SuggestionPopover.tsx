import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Suggestion } from '../../../shared/suggestions';
import { useI18n } from '../i18n/i18n';
import { DecisionButtons, SuggestionSummary, type SuggestionPermissions } from './SuggestionCard';
import type { SuggestionActions } from './useSuggestionActions';

interface Props {
  suggestion: Suggestion;
  slot: number;
  /** The suggestion in the text: the popover opens below it. */
  target: HTMLElement;
  actions: SuggestionActions;
  permissions: SuggestionPermissions;
  onClose(): void;
}

const MARGIN = 8;

/**
 * A small card beside a suggestion in the text (opened by a click or Alt+Enter): who,
 * when, what, and the decisions the reader may take. Focus moves into it; Escape or a
 * click elsewhere closes it and gives focus back to the text.
 */
export function SuggestionPopover({ suggestion, slot, target, actions, permissions, onClose }: Props) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ top: 0, left: 0 });

  useLayoutEffect(() => {
    const r = target.getBoundingClientRect();
    const width = box.current?.offsetWidth ?? 280;
    const left = Math.max(MARGIN, Math.min(r.left, window.innerWidth - width - MARGIN));
    setPlace({ top: r.bottom + 4, left });
  }, [target]);

  useEffect(() => {
    box.current?.querySelector<HTMLElement>('button')?.focus();
    const close = () => {
      onClose();
      target.closest<HTMLElement>('[contenteditable]')?.focus();
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    const onDown = (e: PointerEvent) => !box.current?.contains(e.target as Node) && onClose();
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [target, onClose]);

  return (
    <div
      ref={box}
      className="suggestion-popover"
      role="dialog"
      aria-label={t('suggestions.popoverLabel', { name: suggestion.author.name })}
      data-testid="suggestion-popover"
      style={{ top: place.top, left: place.left }}
    >
      <SuggestionSummary suggestion={suggestion} slot={slot} />
      <DecisionButtons suggestion={suggestion} actions={actions} permissions={permissions} />
      <button type="button" className="link-button suggestion-popover__close" onClick={onClose}>
        {t('suggestions.close')}
      </button>
    </div>
  );
}
