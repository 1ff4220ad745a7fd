import { useId, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useI18n } from '../i18n/i18n';
import { describeUploadError, importWord } from './upload-api';

/** "Importeren uit Word": a .docx becomes a new recommendation or note, opened at once. */
export function ImportWordDialog({ workspaceId }: { workspaceId: string }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const fileId = useId();
  const kindId = useId();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return;
    if (file.size > 20 * 1024 * 1024) return setError(t('import.tooLarge'));
    setBusy(true);
    setError(null);
    try {
      const { document, skippedImages } = await importWord(workspaceId, file, form.get('kind') === 'note' ? 'note' : 'recommendation');
      dialogRef.current?.close();
      if (skippedImages > 0) window.alert(t('import.skippedImages', { count: skippedImages }));
      navigate(`/d/${document.id}`);
    } catch (err) {
      setError(describeUploadError(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button button--quiet" onClick={() => { setError(null); dialogRef.current?.showModal(); }}>
        {t('import.button')}
      </button>
      <dialog ref={dialogRef} aria-labelledby={titleId}>
        <h2 id={titleId}>{t('import.title')}</h2>
        <form onSubmit={(e) => void submit(e)}>
          {error && (
            <div className="alert" role="alert" data-testid="import-error">
              {error}
            </div>
          )}
          <div className="field">
            <label htmlFor={fileId}>{t('import.file')}</label>
            <input id={fileId} name="file" type="file" required accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" />
          </div>
          <div className="field">
            <label htmlFor={kindId}>{t('import.kind')}</label>
            <select id={kindId} name="kind" defaultValue="recommendation">
              <option value="recommendation">{t('kind.recommendation.one')}</option>
              <option value="note">{t('kind.note.one')}</option>
            </select>
          </div>
          <div className="row" style={{ justifyContent: 'flex-end', gap: 'var(--space-2)' }}>
            <button type="button" className="button button--quiet" onClick={() => dialogRef.current?.close()}>
              {t('import.cancel')}
            </button>
            <button className="button" type="submit" disabled={busy}>
              {busy ? t('import.busy') : t('import.submit')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
