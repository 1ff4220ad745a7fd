import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { api } from '../api/endpoints';
import type { DocumentMeta, DocumentStatus } from '../../../shared/api';
import type { Role } from '../../../shared/roles';
import { DOCUMENT_STATUSES } from '../../../shared/documents';
import { canWriteContent } from '../../../shared/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/i18n';
import { ArchivedNotice, DocumentActions } from './DocumentActions';

interface Props {
  document: DocumentMeta;
  role: Role;
  onChange(next: DocumentMeta): void;
  children?: ReactNode;
}

/**
 * The title as the page's h1 — editors change it in place (a click on it or on the pencil
 * opens a field; Enter or leaving it saves, Escape cancels) — then status, tags and the
 * connection.
 */
export function DocumentHeader({ document, role, onChange, children }: Props) {
  const { t } = useI18n();
  const titleId = useId();
  const statusId = useId();
  const canEdit = canWriteContent(role) && document.archivedAt === null;
  const [title, setTitle] = useState(document.title);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const pencil = useRef<HTMLButtonElement>(null);

  useEffect(() => setTitle(document.title), [document.title]);

  async function save(patch: { title?: string; status?: DocumentStatus }) {
    setError(null);
    try {
      const { document: next } = await api.updateDocument(document.id, patch);
      onChange(next);
    } catch (err) {
      setError(err);
      setTitle(document.title);
    }
  }

  useEffect(() => {
    if (editing) field.current?.select();
  }, [editing]);

  function stopEditing(focusPencil: boolean) {
    setEditing(false);
    if (focusPencil) requestAnimationFrame(() => pencil.current?.focus());
  }

  function commitTitle(focusPencil: boolean) {
    const next = title.trim();
    if (!next) setTitle(document.title);
    else if (next !== document.title) void save({ title: next });
    stopEditing(focusPencil);
  }

  return (
    <header className="doc-header">
      {editing ? (
        <>
          <label htmlFor={titleId} className="visually-hidden">
            {t('doc.titleLabel')}
          </label>
          {/* A textarea so a long title wraps on a phone instead of hiding its end; Enter saves. */}
          <textarea
            id={titleId}
            ref={field}
            className="doc-title doc-title--field"
            rows={1}
            value={title}
            maxLength={300}
            onChange={(e) => setTitle(e.target.value.replace(/[\r\n]+/g, ' '))}
            onBlur={() => commitTitle(false)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commitTitle(true);
              } else if (e.key === 'Escape') {
                setTitle(document.title);
                stopEditing(true);
              }
            }}
            data-testid="doc-title-input"
          />
        </>
      ) : (
        <div className="doc-title-row">
          <h1 className="doc-title" data-testid="doc-title" onClick={canEdit ? () => setEditing(true) : undefined}>
            {title}
          </h1>
          {canEdit && (
            <button ref={pencil} type="button" className="icon-button" aria-label={t('doc.editTitle')} title={t('doc.editTitle')} onClick={() => setEditing(true)} data-testid="edit-title">
              <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                <path d="M12 20h9" />
                <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z" />
              </svg>
            </button>
          )}
        </div>
      )}
      <div className="row">
        {document.kind !== 'board' &&
          (canEdit ? (
            <span className="row" style={{ gap: 'var(--space-2)' }}>
              <label htmlFor={statusId} className="small">
                {t('doc.statusLabel')}
              </label>
              <select
                id={statusId}
                value={document.status}
                onChange={(e) => void save({ status: e.target.value as DocumentStatus })}
                data-testid="doc-status"
              >
                {DOCUMENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            </span>
          ) : (
            <span className="badge">
              {t('doc.statusLabel')}: {t(`status.${document.status}`)}
            </span>
          ))}
        {document.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
        {children}
        <DocumentActions document={document} role={role} onChange={onChange} />
      </div>
      <ArchivedNotice document={document} />
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
    </header>
  );
}
