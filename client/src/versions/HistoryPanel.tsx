import './versions.css';
import { useId, useState, type FormEvent } from 'react';
import type { DocumentMeta } from '../../../shared/api';
import { canWriteContent, type Role } from '../../../shared/roles';
import type { VersionMeta } from '../../../shared/versions';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n/i18n';
import { useWorkspaceEvents } from '../live/useWorkspaceEvents';
import { VersionView } from './VersionView';
import { versionsApi } from './versions-api';

interface Props {
  document: DocumentMeta;
  role: Role;
  onClose(): void;
}

/**
 * "Geschiedenis": the document's versions (name, time, people), "Versie bewaren" for
 * editors, and one version opened read-only against the present.
 */
export function HistoryPanel({ document, role, onClose }: Props) {
  const { t } = useI18n();
  const headingId = useId();
  const [loaded, reload] = useLoad(() => versionsApi.list(document.id), [document.id]);
  const [open, setOpen] = useState<VersionMeta | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canChange = canWriteContent(role) && document.archivedAt === null;
  // Someone else's saved or restored version shows at once.
  useWorkspaceEvents(document.workspaceId, (e) => {
    if (e.subject === document.id && (e.type === 'version.created' || e.type === 'version.restored' || e.type === 'document.status_changed')) reload();
  });

  return (
    <section className="history" aria-labelledby={headingId} data-testid="history-panel">
      <div className="row history__head">
        <h2 id={headingId} className="history__title">
          {t('versions.title')}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('versions.close')}
        </button>
      </div>
      {canChange && !open && (
        <SaveVersion
          documentId={document.id}
          onSaved={(name) => {
            setNotice(t('versions.saved', { name }));
            reload();
          }}
        />
      )}
      <p className="notice" role="status" hidden={notice === null} data-testid="history-notice">
        {notice}
      </p>
      {open ? (
        <VersionView
          version={open}
          others={loaded.status === 'ok' ? loaded.data.filter((v) => v.id !== open.id) : []}
          canRestore={canChange}
          onBack={() => setOpen(null)}
          onRestored={() => {
            setOpen(null);
            setNotice(t('versions.restored'));
            reload();
          }}
        />
      ) : (
        <VersionList loaded={loaded} onOpen={(v) => {
          setNotice(null);
          setOpen(v);
        }} />
      )}
    </section>
  );
}

function SaveVersion({ documentId, onSaved }: { documentId: string; onSaved(name: string): void }) {
  const { t } = useI18n();
  const fieldId = useId();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    setBusy(true);
    setError(null);
    try {
      await versionsApi.save(documentId, trimmed);
      setName('');
      onSaved(trimmed);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="row history__save" onSubmit={(e) => void submit(e)}>
      <label htmlFor={fieldId} className="small">
        {t('versions.nameLabel')}
      </label>
      <input id={fieldId} value={name} maxLength={200} placeholder={t('versions.namePlaceholder')} onChange={(e) => setName(e.target.value)} data-testid="version-name" />
      <button type="submit" className="button" disabled={busy || name.trim() === ''} data-testid="version-save">
        {t('versions.save')}
      </button>
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
    </form>
  );
}

function VersionList({ loaded, onOpen }: { loaded: ReturnType<typeof useLoad<VersionMeta[]>>[0]; onOpen(v: VersionMeta): void }) {
  const { t, formatDate } = useI18n();
  if (loaded.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (loaded.status === 'error') return <ErrorAlert error={loaded.error} />;
  if (loaded.data.length === 0) return <p className="muted">{t('versions.empty')}</p>;
  return (
    <ol className="history__list" aria-label={t('versions.listLabel')} data-testid="version-list">
      {loaded.data.map((v) => (
        <li key={v.id}>
          <button type="button" className="history__item" onClick={() => onOpen(v)} data-testid="version-item">
            <strong>{v.name ?? t(`versions.reason.${v.reason}`)}</strong>
            <span className="small">
              <time dateTime={v.createdAt}>{formatDate(v.createdAt, true)}</time>
              {v.createdBy && ` · ${t('versions.by', { name: v.createdBy.name })}`}
            </span>
            <span className="small muted">
              {v.contributors.length > 0 ? t('versions.contributors', { names: v.contributors.map((p) => p.name).join(', ') }) : t('versions.noContributors')}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
