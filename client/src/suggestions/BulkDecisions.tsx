import { useState } from 'react';
import type { Suggestion } from '../../../shared/suggestions';
import { useI18n } from '../i18n/i18n';
import type { SuggestionActions } from './useSuggestionActions';

type Pending = { kind: 'accept'; authorId?: string; count: number } | { kind: 'reject'; count: number };

/** "Alle voorstellen van … aanvaarden", "Alles aanvaarden", "Alles verwerpen", each asked once more. */
export function BulkDecisions({ suggestions, actions }: { suggestions: Suggestion[]; actions: SuggestionActions }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState<Pending | null>(null);
  const authors = [...new Map(suggestions.map((s) => [s.author.id, s.author])).values()];
  const countOf = (authorId: string) => suggestions.filter((s) => s.author.id === authorId).length;

  if (asking) {
    const question = asking.kind === 'accept' ? t('suggestions.confirmAccept', { count: asking.count }) : t('suggestions.confirmReject', { count: asking.count });
    const go = () => {
      setAsking(null);
      void (asking.kind === 'accept' ? actions.acceptAll(asking.authorId) : actions.rejectAll());
    };
    return (
      <div className="suggestions-bulk suggestions-bulk--confirm" role="group" aria-label={question} data-testid="suggestions-confirm">
        <p className="small">{question}</p>
        <div className="suggestion-card__actions">
          <button type="button" className="button button--touch" onClick={go} data-testid="suggestions-confirm-yes" autoFocus>
            {t('suggestions.confirmYes')}
          </button>
          <button type="button" className="button button--quiet button--touch" onClick={() => setAsking(null)}>
            {t('suggestions.confirmNo')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="suggestions-bulk">
      {authors.length > 1 &&
        authors.map((a) => (
          <button
            key={a.id}
            type="button"
            className="button button--quiet button--touch"
            disabled={actions.busy}
            onClick={() => setAsking({ kind: 'accept', authorId: a.id, count: countOf(a.id) })}
            data-testid="suggestions-accept-author"
          >
            {t('suggestions.acceptAllOf', { name: a.name })}
          </button>
        ))}
      <div className="suggestion-card__actions">
        <button type="button" className="button button--touch" disabled={actions.busy} onClick={() => setAsking({ kind: 'accept', count: suggestions.length })} data-testid="suggestions-accept-all">
          {t('suggestions.acceptAll')}
        </button>
        <button type="button" className="button button--quiet button--touch" disabled={actions.busy} onClick={() => setAsking({ kind: 'reject', count: suggestions.length })} data-testid="suggestions-reject-all">
          {t('suggestions.rejectAll')}
        </button>
      </div>
    </div>
  );
}
