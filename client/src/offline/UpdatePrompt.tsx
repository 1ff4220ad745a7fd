import { useRegisterSW } from 'virtual:pwa-register/react';
import { useI18n } from '../i18n/i18n';

/**
 * Registers the service worker (offline app shell). A new version waits until the person
 * chooses to load it, so an update never reloads an editor in the middle of a sentence.
 */
export function UpdatePrompt() {
  const { t } = useI18n();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();
  if (!needRefresh) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <span>{t('offline.updateReady')}</span>
      <button type="button" onClick={() => void updateServiceWorker(true)}>
        {t('offline.updateLoad')}
      </button>
      <button type="button" className="link-button" onClick={() => setNeedRefresh(false)}>
        {t('offline.updateLater')}
      </button>
    </div>
  );
}
