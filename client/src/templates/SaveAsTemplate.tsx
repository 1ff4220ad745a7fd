import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { DocumentMeta } from '../../../shared/api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field } from '../components/Field';
import { useI18n } from '../i18n/i18n';
import { templatesApi } from './templates-api';
import { formText } from '../components/form-text';

/** "Bewaren als sjabloon": owners name a frozen copy of the document for their workspace. */
export function SaveAsTemplateDialog({ document, onClose }: { document: DocumentMeta; onClose(): void }) {
  const { t } = useI18n();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  useEffect(() => dialog.current?.showModal(), []);

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = formText(new FormData(e.currentTarget), 'name').trim();
    setBusy(true);
    setError(null);
    try {
      setSavedAs((await templatesApi.save(document.id, name)).template.name);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{t('templates.saveTitle', { title: document.title })}</h2>
      {savedAs !== null ? (
        <>
          <p role="status">{t('templates.saved.notice', { name: savedAs })}</p>
          <button type="button" className="button" autoFocus onClick={() => dialog.current?.close()}>
            OK
          </button>
        </>
      ) : (
        <form onSubmit={(e) => void save(e)} data-testid="save-template">
          <ErrorAlert error={error} onDismiss={() => setError(null)} />
          <Field label={t('templates.name')} name="name" required maxLength={300} defaultValue={document.title} hint={t('templates.saveHint')} />
          <div className="row">
            <button className="button" type="submit" disabled={busy}>
              {t('templates.saveConfirm')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => dialog.current?.close()}>
              {t('templates.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
