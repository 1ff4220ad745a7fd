import { useEffect, useState } from 'react';
import { CloseCode } from '../../../shared/protocol';
import type { CollabSession } from '../editor/collab-session';
import { useI18n } from '../i18n/i18n';

const storageKey = (documentId: string) => `stadskamer:board-refused:${documentId}`;

/**
 * The server refuses a change that breaks the board rules and closes the socket with 4403.
 * Kept, the change would be resent on every reconnect (and later edits would build on it),
 * so the local copy is dropped — the socket, then the offline copy in IndexedDB — and the
 * page reloads the board as the server has it, saying what was refused.
 */
export function useBoardRefusal(session: CollabSession | null, documentId: string): void {
  useEffect(() => {
    if (!session) return;
    const onClose = (event: CloseEvent | null) => {
      if (event?.code !== CloseCode.forbidden || !event.reason.startsWith('board rule')) return;
      session.provider.disconnect();
      sessionStorage.setItem(storageKey(documentId), event.reason.replace(/^board rule:\s*/, ''));
      void session.persistence.clearData().finally(() => location.reload());
    };
    session.provider.on('connection-close', onClose);
    return () => session.provider.off('connection-close', onClose);
  }, [session, documentId]);
}

/** After such a reload: what was refused, until the person closes it. */
export function BoardRefusalNotice({ documentId }: { documentId: string }) {
  const { t } = useI18n();
  const [reason, setReason] = useState(() => sessionStorage.getItem(storageKey(documentId)));
  useEffect(() => sessionStorage.removeItem(storageKey(documentId)), [documentId]);
  if (!reason) return null;
  return (
    <div role="alert" className="board-refusal">
      <p>{t('boardRules.refused', { reason })}</p>
      <button type="button" onClick={() => setReason(null)}>
        {t('boardRules.dismiss')}
      </button>
    </div>
  );
}
