import { useCallback, useEffect, useRef, useState } from 'react';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { request } from '../api/http';
import type { CollabSession } from '../editor/collab-session';
import { clearOfflineCopy } from './offline-copies';
import { dropUnaccepted, keepUnaccepted, loadUnaccepted, unacceptedBlocks } from './unaccepted-text';

export interface DemotionGuard {
  /** True once the right to edit was lost while the document was open (for the notice). */
  demoted: boolean;
  /** Text the server did not take, offered to copy; null when there is none. */
  unaccepted: string | null;
  dismiss(): void;
  /** Bumped when the local copy was reset to the server's: open a fresh session. */
  generation: number;
}

/**
 * When someone loses the right to edit while a text document is open, what they typed in
 * the meantime reached a server that no longer takes it. Compare the local copy with the
 * server's, keep what only the local copy has (to copy elsewhere), then throw the local copy
 * away and reopen from the server, so nothing is resent and the screen shows what is stored.
 */
export function useDemotionGuard(session: CollabSession | null, documentId: string, userId: string, editable: boolean): DemotionGuard {
  const [demoted, setDemoted] = useState(false);
  const [unaccepted, setUnaccepted] = useState<string | null>(() => loadUnaccepted(userId, documentId));
  const [generation, setGeneration] = useState(0);
  const wasEditable = useRef(editable);

  useEffect(() => {
    const lost = wasEditable.current && !editable;
    wasEditable.current = editable;
    if (!lost || !session) return;
    setDemoted(true);
    let cancelled = false;
    void (async () => {
      const local = yXmlFragmentToProsemirrorJSON(session.doc.getXmlFragment('default'));
      const server = await request<Record<string, unknown>>('GET', `/api/documents/${encodeURIComponent(documentId)}/export?format=json`);
      const missing = unacceptedBlocks(local, server);
      if (missing.length > 0) {
        const text = [loadUnaccepted(userId, documentId), ...missing].filter(Boolean).join('\n\n');
        keepUnaccepted(userId, documentId, text);
        if (!cancelled) setUnaccepted(text);
      }
      session.destroy();
      await clearOfflineCopy(userId, documentId);
      if (!cancelled) setGeneration((g) => g + 1);
    })().catch(() => {
      // Server unreachable: the local copy stays as it is (nothing lost); the next visit compares again.
    });
    return () => {
      cancelled = true;
    };
  }, [editable, session, documentId, userId]);

  const dismiss = useCallback(() => {
    dropUnaccepted(userId, documentId);
    setUnaccepted(null);
  }, [userId, documentId]);

  return { demoted, unaccepted, dismiss, generation };
}
