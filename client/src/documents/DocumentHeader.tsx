import { useEffect, useId, useState, type ReactNode } from 'react';
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

/** Title (editable by editors, saved on Enter or leaving the field), status, tags and the connection. */
export function DocumentHeader({ document, role, onChange, children }: Props) {
  const { t } = useI18n();
  const titleId = useId();
  const statusId = useId();
  const canEdit = canWriteContent(role) && document.archivedAt === null;
  const [title, setTitle] = useState(document.title);
  const [error, setError] = useState<unknown>(null);

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

  function commitTitle() {
    const next = title.trim();
    if (!next) setTitle(document.title);
    else if (next !== document.title) void save({ title: next });
  }

  return (
    <header className="doc-header">
      <label htmlFor={titleId} className="visually-hidden">
        {t('doc.titleLabel')}
      </label>
      {/* A textarea so a long title wraps on a phone instead of hiding its end; Enter saves. */}
      <textarea
        id={titleId}
        className="doc-title"
        rows={1}
        value={title}
        readOnly={!canEdit}
        maxLength={300}
        onChange={(e) => setTitle(e.target.value.replace(/[\r\n]+/g, ' '))}
        onBlur={commitTitle}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commitTitle();
          } else if (e.key === 'Escape') setTitle(document.title);
        }}
        data-testid="doc-title"
      />
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
