import { useEffect, useState, useSyncExternalStore } from 'react';
import { CollabSession, type ConnectionState } from './collab-session';
import { rememberOfflineCopy } from '../members/offline-copies';

/**
 * Opens the document's session for as long as the component lives. `workspaceId` records
 * the offline copy under its workspace (so removal can wipe it); a new `generation` opens a
 * fresh session (after the local copy was reset to the server's).
 */
export function useCollabSession(
  documentId: string,
  userId: string,
  opts: { workspaceId?: string; generation?: number } = {},
): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  const { workspaceId, generation = 0 } = opts;
  useEffect(() => {
    if (workspaceId) rememberOfflineCopy(userId, documentId, workspaceId);
    const s = new CollabSession(documentId, userId);
    setSession(s);
    return () => {
      setSession(null);
      s.destroy();
    };
  }, [documentId, userId, workspaceId, generation]);
  return session;
}

export function useConnectionState(session: CollabSession): ConnectionState {
  return useSyncExternalStore(
    (onChange) => session.subscribe(onChange),
    () => session.connection,
  );
}

/** True once the session found content nested deeper than the editor can render. */
export function useContentTooDeep(session: CollabSession): boolean {
  return useSyncExternalStore(
    (onChange) => session.subscribe(onChange),
    () => session.contentTooDeep,
  );
}
