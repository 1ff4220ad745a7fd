import { useEffect, useState, useSyncExternalStore } from 'react';
import { CollabSession, type ConnectionState } from './collab-session';

/** Opens the document's session for as long as the component lives. */
export function useCollabSession(documentId: string, userId: string): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  useEffect(() => {
    const s = new CollabSession(documentId, userId);
    setSession(s);
    return () => {
      setSession(null);
      s.destroy();
    };
  }, [documentId, userId]);
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
