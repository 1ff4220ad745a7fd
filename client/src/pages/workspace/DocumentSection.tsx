import { useId, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../../api/endpoints';
import type { DocumentKind, DocumentMeta } from '../../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { parseTags } from './tags';

interface Props {
  workspaceId: string;
  kind: DocumentKind;
  documents: DocumentMeta[];
  canCreate: boolean;
  filterTag: string | null;
}

/** One group of the workspace (recommendations, notes or boards): its list and its create form. */
export function DocumentSection({ workspaceId, kind, documents, canCreate, filterTag }: Props) {
  const { t, formatDate } = useI18n();
  const [, navigate] = useLocation();
  const headingId = useId();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const shown = filterTag ? documents.filter((d) => d.tags.includes(filterTag)) : documents;

  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const title = String(form.get('title') ?? '').trim();
    const tags = parseTags(String(form.get('tags') ?? ''));
    setBusy(true);
    setError(null);
    try {
      const { document } = await api.createDocument(workspaceId, { title, kind, tags });
      navigate(`/d/${document.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby={headingId} data-kind={kind}>
      <h2 id={headingId}>{t(`kind.${kind}`)}</h2>
      {shown.length === 0 ? (
        <p className="empty">{filterTag && documents.length > 0 ? t('workspace.noMatch', { tag: filterTag }) : t(`kind.${kind}.empty`)}</p>
      ) : (
        <ul className="doc-list">
          {shown.map((d) => (
            <li key={d.id}>
              <Link href={`/d/${d.id}`}>{d.title || t('doc.untitled')}</Link>{' '}
              {kind !== 'board' && <span className="badge">{t(`status.${d.status}`)}</span>}
              <div className="row small muted" style={{ gap: 'var(--space-2)', marginTop: 'var(--space-1)' }}>
                {d.tags.map((tag) => (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ))}
                <span>{t('doc.updatedAt', { date: formatDate(d.updatedAt, true) })}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {canCreate && (
        <details className="create">
          <summary>{t('doc.create', { kind: t(`kind.${kind}.one`) })}</summary>
          <form onSubmit={(e) => void create(e)} className="card" data-testid={`create-${kind}`}>
            <ErrorAlert error={error} onDismiss={() => setError(null)} />
            <Field label={t('doc.title')} name="title" required maxLength={300} />
            <Field label={t('doc.tags')} name="tags" hint={t('doc.tagsHint')} list="city-suggestions" />
            <button className="button" type="submit" disabled={busy}>
              {t('doc.createButton')}
            </button>
          </form>
        </details>
      )}
    </section>
  );
}
