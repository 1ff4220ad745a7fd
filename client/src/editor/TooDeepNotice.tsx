import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import type { CollabSession } from './collab-session';
import { MAX_CONTENT_DEPTH, plainTextBlocks } from './content-depth';

/** Instead of the editor for a document it cannot render: what happened, and its text to read. */
export function TooDeepNotice({ session }: { session: CollabSession }) {
  const { t } = useI18n();
  const blocks = useMemo(() => plainTextBlocks(session.doc.getXmlFragment('default')), [session]);
  return (
    <div className="stack" data-testid="too-deep">
      <div className="alert" role="alert">
        <div className="stack">
          <strong>{t('deep.title')}</strong>
          <span>{t('deep.body', { limit: MAX_CONTENT_DEPTH })}</span>
        </div>
      </div>
      <div className="editor editor--readonly plain-text" aria-label={t('doc.editorLabel')} role="document">
        {blocks.map((b, i) => (
          <p key={i}>{b}</p>
        ))}
      </div>
    </div>
  );
}
