import { describeError } from '../api/messages';
import { useI18n } from '../i18n/i18n';

/** A failure as one readable sentence, announced to screen readers as it appears. */
export function ErrorAlert({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const { t } = useI18n();
  if (error === null || error === undefined) return null;
  return (
    <div className="alert" role="alert">
      <span>{describeError(error, t)}</span>
      {onDismiss && (
        <button type="button" className="link-button" onClick={onDismiss}>
          {t('error.dismiss')}
        </button>
      )}
    </div>
  );
}
