import { useI18n } from '../i18n/i18n';
import type { StreamState } from './useWorkspaceEvents';

/** Says so when live updates are not arriving; silent while the stream is healthy. */
export function StreamStatus({ state }: { state: StreamState }) {
  const { t } = useI18n();
  return (
    <p role="status" className={state === 'down' ? 'notice live-stream live-stream--down' : 'visually-hidden'} data-testid="stream-status" data-state={state}>
      {state === 'down' ? t('live.streamDown') : state === 'connecting' ? t('live.streamConnecting') : ''}
    </p>
  );
}
