import { useCallback, useState } from 'react';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/i18n';
import { suggestionsApi } from './suggestions-api';

/**
 * Deciding suggestions, one or many, with what came of it: a notice ("2 voorstellen
 * aanvaard"), the ids whose text changed meanwhile (accepting them answers 409
 * suggestion_outdated), or an error. Every decision reads the list again.
 */
export function useSuggestionActions(documentId: string, refresh: () => Promise<void>) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [outdated, setOutdated] = useState<ReadonlySet<string>>(new Set());

  const run = useCallback(
    async (work: () => Promise<string | null>) => {
      setBusy(true);
      setError(null);
      setNotice(null);
      try {
        setNotice(await work());
      } catch (err) {
        setError(err);
      } finally {
        setBusy(false);
        await refresh();
      }
    },
    [refresh],
  );

  const markOutdated = (ids: string[]) => setOutdated((prev) => new Set([...prev, ...ids]));

  return {
    busy,
    error,
    notice,
    outdated,
    dismissError: () => setError(null),
    accept: (id: string) =>
      run(async () => {
        try {
          await suggestionsApi.accept(id);
          return t('suggestions.accepted', { count: 1 });
        } catch (err) {
          if (!(err instanceof ApiError && err.code === 'suggestion_outdated')) throw err;
          markOutdated([id]);
          return t('suggestions.outdated');
        }
      }),
    reject: (id: string) => run(async () => (await suggestionsApi.reject(id), t('suggestions.rejected', { count: 1 }))),
    withdraw: (id: string) => run(async () => (await suggestionsApi.withdraw(id), null)),
    acceptAll: (authorId?: string) =>
      run(async () => {
        const { decided, outdated: stale } = await suggestionsApi.acceptAll(documentId, authorId);
        markOutdated(stale);
        const parts = [t('suggestions.accepted', { count: decided.length })];
        if (stale.length > 0) parts.push(t('suggestions.outdatedSome', { count: stale.length }));
        return parts.join(' ');
      }),
    rejectAll: () => run(async () => t('suggestions.rejected', { count: (await suggestionsApi.rejectAll(documentId)).decided.length })),
  };
}

export type SuggestionActions = ReturnType<typeof useSuggestionActions>;
