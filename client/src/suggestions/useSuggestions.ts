import { useCallback, useEffect, useRef, useState } from 'react';
import type { Suggestion } from '../../../shared/suggestions';
import { useWorkspaceEvents } from '../live/useWorkspaceEvents';
import { suggestionsApi } from './suggestions-api';

/**
 * The document's pending suggestions, kept current for every viewer: read again whenever
 * the workspace stream says one of this document's suggestions was made, grew or was decided.
 */
export function useSuggestions(documentId: string, workspaceId: string) {
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    // Answers may arrive out of order; only the latest request's answer counts.
    const mine = ++generation.current;
    try {
      const { suggestions: next } = await suggestionsApi.list(documentId);
      if (mine === generation.current) {
        setSuggestions(next.filter((s) => s.status === 'pending'));
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
    if (event.type.startsWith('suggestion.') && event.data.documentId === documentId) void refresh();
  });

  return { suggestions, error, refresh };
}
