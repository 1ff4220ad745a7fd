import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { DocumentMeta } from '../../../shared/api';
import type { TrashEntry } from '../../../shared/lifecycle';
import { canWriteContent, type Role } from '../../../shared/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nl';
import { lifecycleApi } from './document-lifecycle-api';
import './lifecycle.css';

/**
 * The workspace's archive (everyone) and trash (editors), folded away until opened.
 * `documents` is the page's live document list: when it changes, so may these.
 */
export function TrashAndArchive({ workspaceId, role, documents }: { workspaceId: string; role: Role; documents: unknown }) {
  const { t, formatDate } = useI18n();
  const [archive, setArchive] = useState<DocumentMeta[] | null>(null);
  const [trash, setTrash] = useState<TrashEntry[] | null>(null);
  const [open, setOpen] = useState({ archive: false, trash: false });
  const [error, setError] = useState<unknown>(null);
  const canRestore = canWriteContent(role);

  const load = useCallback(() => {
    if (open.archive) lifecycleApi.listArchive(workspaceId).then((r) => setArchive(r.documents), setError);
    if (open.trash && canRestore) lifecycleApi.listTrash(workspaceId).then((r) => setTrash(r.documents), setError);
  }, [workspaceId, open, canRestore]);
  useEffect(load, [load, documents]);

  return (
    <section className="trash-and-archive" aria-label={t('lifecycle.archiveList')}>
      <details onToggle={(e) => setOpen((o) => ({ ...o, archive: (e.target as HTMLDetailsElement).open }))}>
        <summary>{t('lifecycle.archiveList')}</summary>
        {archive?.length === 0 && <p className="muted">{t('lifecycle.archiveEmpty')}</p>}
        <ul className="trash-list">
          {archive?.map((d) => (
            <li key={d.id}>
              <Link href={`/d/${d.id}`}>{d.title}</Link>
              <span className="small muted">{t(`kind.${d.kind}.one` as MessageKey)}</span>
            </li>
          ))}
        </ul>
      </details>
      {canRestore && (
        <details onToggle={(e) => setOpen((o) => ({ ...o, trash: (e.target as HTMLDetailsElement).open }))} data-testid="trash">
          <summary>{t('lifecycle.trash')}</summary>
          <p className="small muted">{t('lifecycle.trashHint')}</p>
          {trash?.length === 0 && <p className="muted">{t('lifecycle.trashEmpty')}</p>}
          <ul className="trash-list">
            {trash?.map((d) => (
              <li key={d.id}>
                <span>
                  {d.title} <span className="small muted">· {t('lifecycle.purgeOn', { date: formatDate(d.purgeAt) })}</span>
                </span>
                <button type="button" className="button button--quiet button--small"
                  onClick={() => void lifecycleApi.restore(d.id).then(load, setError)}>
                  {t('lifecycle.restore')}
                  <span className="visually-hidden">: {d.title}</span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
    </section>
  );
}
