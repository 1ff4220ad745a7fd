import { useState, useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/i18n';
import { refusedEdits, type Refusal } from './refused-edits';

export function useRefusal(documentId: string): Refusal | null {
  return useSyncExternalStore(
    (onChange) => refusedEdits.subscribe(onChange),
    () => refusedEdits.current(documentId),
  );
}

interface Props {
  refusal: Refusal;
  /** The person's text as it stands on their screen (their local copy). */
  text: () => string;
}

/** Says which edits the server did not take and why, and hands the person their text to copy. */
export function RefusedEditsNotice({ refusal, text }: Props) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const [snapshot] = useState(text);

  async function copy() {
    try {
      await navigator.clipboard.writeText(snapshot);
      setCopied(true);
    } catch {
      // No clipboard permission: the text stays selectable in the box below.
    }
  }

  return (
    <div className="alert refused" role="alert" data-testid="refused-edits" data-reason={refusal.reason}>
      <div className="stack">
        <strong>{t('refused.title')}</strong>
        <span>{t(`refused.${refusal.reason}`)}</span>
        <span>{t('refused.keep')}</span>
        <label className="small" htmlFor="refused-text">
          {t('refused.yourText')}
        </label>
        <textarea id="refused-text" className="refused__text" readOnly value={snapshot} rows={6} />
        <div className="row">
          <button type="button" onClick={() => void copy()}>
            {copied ? t('refused.copied') : t('refused.copy')}
          </button>
          <button type="button" className="link-button" onClick={() => location.reload()}>
            {t('refused.reload')}
          </button>
        </div>
      </div>
    </div>
  );
}
