import { useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError, request } from '../api/http';
import type { DocumentMeta } from '../../../shared/api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/i18n';

/**
 * "Aanbevelingen maken" (owners): once per board; a second time asks whether to update the
 * draft made before or to make a new one. While the votes are hidden the server refuses
 * (everyone reads a draft), and the button says to reveal them first.
 */
export function DraftButton({ boardId }: { boardId: string }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function make(mode?: 'update' | 'new') {
    setError(null);
    setBusy(true);
    try {
      const { document } = await request<{ document: DocumentMeta }>('POST', `/api/documents/${encodeURIComponent(boardId)}/draft`, mode ? { mode } : {});
      navigate(`/d/${document.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'draft_exists') setAsking(true);
      else if (err instanceof ApiError && err.code === 'votes_hidden') setError(t('board.draftVotesHidden'));
      else setError(err);
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button button--small" disabled={busy} onClick={() => void make()} data-testid="make-draft">
        {busy ? t('board.makingDraft') : t('board.makeDraft')}
      </button>
      {asking && (
        <div className="board-draft-choice" role="group" aria-label={t('board.draftExists')}>
          <p className="small">{t('board.draftExists')}</p>
          <button type="button" className="button button--small" onClick={() => void make('update')} data-testid="draft-update">
            {t('board.draftUpdate')}
          </button>
          <button type="button" className="button button--small button--quiet" onClick={() => void make('new')} data-testid="draft-new">
            {t('board.draftNew')}
          </button>
          <button type="button" className="link-button small" onClick={() => setAsking(false)}>
            {t('board.cancel')}
          </button>
        </div>
      )}
      {typeof error === 'string' ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : (
        <ErrorAlert error={error} onDismiss={() => setError(null)} />
      )}
    </>
  );
}
