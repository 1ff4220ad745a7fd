import { useI18n } from '../i18n/i18n';
import type { CollabSession } from './collab-session';
import { useConnectionState } from './useCollabSession';

/** verbonden / opnieuw verbinden… / offline — a polite live region, so the change is announced once. */
export function ConnectionIndicator({ session }: { session: CollabSession }) {
  const { t } = useI18n();
  const state = useConnectionState(session);
  const label =
    state === 'connected'
      ? t('connection.connected')
      : state === 'offline'
        ? t('connection.offline')
        : state === 'denied'
          ? t('error.documentGone')
          : t('connection.connecting');
  const look = state === 'denied' ? 'offline' : state;
  return (
    <span className={`connection connection--${look}`} role="status" aria-live="polite" data-state={state} data-testid="connection">
      <span className="visually-hidden">{t('connection.label')}: </span>
      {label}
    </span>
  );
}
