import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommentThread } from '../../../shared/comments';
import { commentsApi } from './api';
import { useWorkspaceEvents } from '../live/useWorkspaceEvents';

/**
 * The document's threads, kept current for every viewer: refetched whenever the
 * workspace stream says a thread of this document changed.
 */
export function useCommentThreads(documentId: string, workspaceId: string) {
  const [threads, setThreads] = useState<CommentThread[]>([]);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    // Answers may arrive out of order; only the latest request's answer counts.
    const mine = ++generation.current;
    try {
      const { threads: next } = await commentsApi.list(documentId);
      if (mine === generation.current) {
        setThreads(next);
        setError(null);
      }
    } catch (err) {
      if (mine === generation.current) setError(err);
    }
  }, [documentId]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useWorkspaceEvents(workspaceId, (event) => {
    if (event.type.startsWith('comment.') && event.data.documentId === documentId) void refresh();
  });

  return { threads, error, refresh };
}
