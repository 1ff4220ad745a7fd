import { useEffect, useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/i18n';
import type { SaveState, SaveTracker } from './save-state';

export function useSaveState(tracker: SaveTracker): SaveState {
  return useSyncExternalStore(
    (onChange) => tracker.subscribe(onChange),
    () => tracker.current,
  );
}

/** "Alle wijzigingen bewaard" only once the server has confirmed every local edit. */
export function SaveIndicator({ tracker }: { tracker: SaveTracker }) {
  const { t } = useI18n();
  const state = useSaveState(tracker);
  return (
    <span className={`save-state save-state--${state}`} role="status" aria-live="polite" data-state={state} data-testid="save-state">
      <span className="visually-hidden">{t('save.label')}: </span>
      {t(`save.${state}`)}
    </span>
  );
}

/** The browser asks before closing or leaving the page only while edits are unconfirmed. */
export function useWarnBeforeLeaving(tracker: SaveTracker, message: string): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!tracker.unconfirmed) return;
      event.preventDefault();
      // Older browsers show nothing without a returnValue; modern ones show their own text.
      event.returnValue = message;
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [tracker, message]);
}
