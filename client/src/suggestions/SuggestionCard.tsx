import type { Suggestion } from '../../../shared/suggestions';
import { useI18n } from '../i18n/i18n';
import { describeChange } from './suggestion-text';
import type { SuggestionActions } from './useSuggestionActions';

export interface SuggestionPermissions {
  /** Editors and owners accept and reject. */
  canDecide: boolean;
  userId: string;
}

/** Aanvaarden / Verwerpen for editors, Intrekken for the author. */
export function DecisionButtons({ suggestion, actions, permissions }: { suggestion: Suggestion; actions: SuggestionActions; permissions: SuggestionPermissions }) {
  const { t } = useI18n();
  const own = suggestion.author.id === permissions.userId;
  return (
    <div className="suggestion-card__actions">
      {permissions.canDecide && (
        <>
          <button type="button" className="button button--touch" disabled={actions.busy} onClick={() => void actions.accept(suggestion.id)} data-testid="suggestion-accept">
            {t('suggestions.accept')}
          </button>
          <button type="button" className="button button--quiet button--touch" disabled={actions.busy} onClick={() => void actions.reject(suggestion.id)} data-testid="suggestion-reject">
            {t('suggestions.reject')}
          </button>
        </>
      )}
      {own && (
        <button type="button" className="button button--quiet button--touch" disabled={actions.busy} onClick={() => void actions.withdraw(suggestion.id)} data-testid="suggestion-withdraw">
          {t('suggestions.withdraw')}
        </button>
      )}
    </div>
  );
}

/** Who suggested what and when, in their colour. */
export function SuggestionSummary({ suggestion, slot }: { suggestion: Suggestion; slot: number }) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <p className="suggestion-card__who small">
        <span className={`suggestion-card__dot person-color--${slot}`} aria-hidden="true" />
        <strong>{suggestion.author.name}</strong> ({suggestion.author.organization}) ·{' '}
        <time dateTime={suggestion.updatedAt}>{formatDate(suggestion.updatedAt, true)}</time>
      </p>
      <p className="suggestion-card__change" data-testid="suggestion-change">
        {describeChange(suggestion, t)}
      </p>
    </>
  );
}

interface Props {
  suggestion: Suggestion;
  slot: number;
  outdated: boolean;
  active: boolean;
  actions: SuggestionActions;
  permissions: SuggestionPermissions;
}

/** One pending suggestion in the panel. */
export function SuggestionCard({ suggestion, slot, outdated, active, actions, permissions }: Props) {
  const { t } = useI18n();
  return (
    <li
      className={`suggestion-card${active ? ' suggestion-card--active' : ''}`}
      data-testid="suggestion-item"
      data-suggestion-id={suggestion.id}
      data-outdated={outdated ? 'true' : undefined}
    >
      <SuggestionSummary suggestion={suggestion} slot={slot} />
      {outdated && (
        <p className="notice small" data-testid="suggestion-outdated">
          {t('suggestions.outdated')}
        </p>
      )}
      <DecisionButtons suggestion={suggestion} actions={actions} permissions={permissions} />
    </li>
  );
}
