import { useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/** Text the server did not take, shown with "Kopiëren" until the person dismisses it. */
export function UnacceptedText({ text, onDismiss }: { text: string; onDismiss(): void }) {
  const { t } = useI18n();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      area.current?.select();
    }
  }
  return (
    <section className="alert unaccepted" aria-labelledby={id} data-testid="unaccepted-text">
      <div className="stack">
        <h2 id={id} className="unaccepted__title">
          {t('roleChange.unacceptedTitle')}
        </h2>
        <p>{t('roleChange.unacceptedIntro')}</p>
        <textarea ref={area} readOnly value={text} rows={Math.min(8, text.split('\n').length + 1)} aria-labelledby={id} />
        <div className="row">
          <button type="button" className="button button--small" onClick={() => void copy()}>
            {copied ? t('invite.copied') : t('invite.copy')}
          </button>
          <button type="button" className="button button--quiet button--small" onClick={onDismiss}>
            {t('roleChange.dismiss')}
          </button>
        </div>
      </div>
    </section>
  );
}
