import './lifecycle.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import type { DocumentMeta, Workspace } from '../../../shared/api';
import { canWriteContent, type Role } from '../../../shared/roles';
import { api } from '../api/endpoints';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/i18n';
import { lifecycleApi } from './document-lifecycle-api';

/**
 * "Meer acties" on a document: duplicate, archive, move (owners of both workspaces) and
 * delete to the trash. Hidden for those who may do none of it.
 */
export function DocumentActions({ document, role, onChange }: { document: DocumentMeta; role: Role; onChange(d: DocumentMeta): void }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  const [moving, setMoving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const menuId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  if (!canWriteContent(role)) return null;

  const run = async (action: () => Promise<void>) => {
    setError(null);
    setOpen(false);
    try {
      await action();
    } catch (err) {
      setError(err);
    }
  };
  const archived = document.archivedAt !== null;
  return (
    <span className="doc-actions">
      <button type="button" className="button button--quiet button--small" aria-expanded={open} aria-controls={menuId}
        onClick={() => setOpen((o) => !o)} data-testid="doc-actions">
        {t('lifecycle.more')}
      </button>
      {open && (
        <ul id={menuId} className="doc-actions__menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <li>
            <button type="button" onClick={() => void run(async () => navigate(`/d/${(await lifecycleApi.duplicate(document.id)).document.id}`))}>
              {t('lifecycle.duplicate')}
            </button>
          </li>
          <li>
            <button type="button" onClick={() => void run(async () => onChange((await lifecycleApi.archive(document.id, !archived)).document))}>
              {archived ? t('lifecycle.unarchive') : t('lifecycle.archive')}
            </button>
          </li>
          {role === 'owner' && (
            <li>
              <button type="button" onClick={() => { setOpen(false); setMoving(true); }}>
                {t('lifecycle.move')}
              </button>
            </li>
          )}
          <li>
            <button type="button" className="danger" onClick={() => {
              setOpen(false);
              dialog.current?.showModal();
            }}>
              {t('lifecycle.delete')}
            </button>
          </li>
        </ul>
      )}
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${menuId}-confirm`}>
        <h2 id={`${menuId}-confirm`}>{t('lifecycle.deleteTitle', { title: document.title })}</h2>
        <p>{t('lifecycle.deleteBody')}</p>
        <div className="row">
          <button type="button" className="button button--danger" onClick={() => {
            dialog.current?.close();
            void run(async () => {
              await lifecycleApi.trash(document.id);
              navigate(`/w/${document.workspaceId}`);
            });
          }}>
            {t('lifecycle.deleteConfirm')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => dialog.current?.close()}>
            {t('lifecycle.cancel')}
          </button>
        </div>
      </dialog>
      {moving && <MoveDialog document={document} onClose={() => setMoving(false)} onMoved={(d) => { setMoving(false); onChange(d); }} />}
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
    </span>
  );
}

function MoveDialog({ document, onClose, onMoved }: { document: DocumentMeta; onClose(): void; onMoved(d: DocumentMeta): void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const selectId = useId();
  const [targets, setTargets] = useState<Workspace[] | null>(null);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    dialog.current?.showModal();
    api.listWorkspaces().then(
      (r) => setTargets(r.workspaces.filter((w) => w.role === 'owner' && w.id !== document.workspaceId)),
      (err: unknown) => setError(err),
    );
  }, [document.workspaceId]);
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${selectId}-title`} onClose={onClose}>
      <h2 id={`${selectId}-title`}>{t('lifecycle.moveTitle', { title: document.title })}</h2>
      {targets && targets.length === 0 && <p>{t('lifecycle.moveNone')}</p>}
      {targets && targets.length > 0 && (
        <>
          <label htmlFor={selectId}>{t('lifecycle.moveTo')}</label>
          <select id={selectId} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">—</option>
            {targets.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
          <p className="small muted">{t('lifecycle.moveHint')}</p>
        </>
      )}
      <ErrorAlert error={error} />
      <div className="row">
        <button type="button" className="button" disabled={!target} onClick={() => {
          lifecycleApi.move(document.id, target).then((r) => onMoved(r.document), (err: unknown) => setError(err));
        }}>
          {t('lifecycle.moveConfirm')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => dialog.current?.close()}>
          {t('lifecycle.cancel')}
        </button>
      </div>
    </dialog>
  );
}

/** Shown on an archived document: why it cannot be changed, and how to change that. */
export function ArchivedNotice({ document }: { document: DocumentMeta }) {
  const { t, formatDate } = useI18n();
  if (!document.archivedAt) return null;
  return (
    <p className="notice" data-testid="archived-notice">
      {t('lifecycle.archivedNotice', { date: formatDate(document.archivedAt) })}
    </p>
  );
}
