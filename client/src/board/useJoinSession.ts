import { useCallback, useEffect, useState } from 'react';
import { joinApi } from '../api/join';
import type { JoinSession } from '../../../shared/join';

/** The board's running workshop session (code, link), with start and end for the facilitator. */
export function useJoinSession(documentId: string) {
  const [session, setSession] = useState<JoinSession | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    joinApi.session(documentId).then((r) => !cancelled && setSession(r.session), () => undefined);
    return () => {
      cancelled = true;
    };
  }, [documentId]);
  const start = useCallback(async (requireEmail: boolean) => {
    setError(null);
    try {
      setSession((await joinApi.start(documentId, { requireEmail })).session);
    } catch (err) {
      setError(err);
    }
  }, [documentId]);
  const end = useCallback(async () => {
    setError(null);
    try {
      await joinApi.end(documentId);
      setSession(null);
    } catch (err) {
      setError(err);
    }
  }, [documentId]);
  return { session, error, start, end };
}
