import { INVITE_ROLES } from '../../../../shared/roles';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints';
import type { Invite } from '../../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';

const LIFETIMES_HOURS = [24, 72, 168, 720];

/**
 * The owner's invite dialog: pick a role and a lifetime, get a link to pass on. A native
 * <dialog> opened modally traps focus and closes on Escape without any extra code.
 */
export function InviteDialog({ workspaceId }: { workspaceId: string }) {
  const { t, formatDate } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const roleId = useId();
  const lifetimeId = useId();
  const linkId = useId();
  const [invite, setInvite] = useState<Invite | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (invite) linkRef.current?.select();
  }, [invite]);

  function open() {
    setInvite(null);
    setError(null);
    setCopied(false);
    dialogRef.current?.showModal();
  }

  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const role = String(form.get('role')) as (typeof INVITE_ROLES)[number];
    const expiresInHours = Number(form.get('lifetime'));
    setBusy(true);
    setError(null);
    try {
      const result = await api.createInvite(workspaceId, { role, expiresInHours });
      setInvite(result.invite);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!invite) return;
    try {
      await navigator.clipboard.writeText(invite.url);
      setCopied(true);
    } catch {
      // No clipboard permission: the link is selected in its field for Ctrl+C.
      linkRef.current?.select();
    }
  }

  return (
    <>
      <button type="button" className="button" onClick={open}>
        {t('invite.open')}
      </button>
      <dialog ref={dialogRef} aria-labelledby={titleId}>
        <h2 id={titleId}>{t('invite.title')}</h2>
        <form onSubmit={(e) => void create(e)}>
          <ErrorAlert error={error} />
          <div className="field">
            <label htmlFor={roleId}>{t('invite.role')}</label>
            <select id={roleId} name="role" defaultValue="editor">
              {INVITE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={lifetimeId}>{t('invite.expires')}</label>
            <select id={lifetimeId} name="lifetime" defaultValue="168">
              {LIFETIMES_HOURS.map((h) => (
                <option key={h} value={h}>
                  {h < 48 ? t('invite.hours', { count: h }) : t('invite.days', { count: h / 24 })}
                </option>
              ))}
            </select>
          </div>
          <button className="button" type="submit" disabled={busy}>
            {t('invite.create')}
          </button>
        </form>
        {invite && (
          <div className="stack" style={{ marginTop: 'var(--space-4)' }}>
            <div className="field">
              <label htmlFor={linkId}>{t('invite.linkLabel')}</label>
              <input id={linkId} ref={linkRef} type="text" readOnly value={invite.url} data-testid="invite-url" />
              <span className="field__hint">
                {t(`role.${invite.role}`)} · {t('invite.validUntil', { date: formatDate(invite.expiresAt, true) })}
              </span>
            </div>
            <button type="button" className="button button--quiet" onClick={() => void copy()}>
              {copied ? t('invite.copied') : t('invite.copy')}
            </button>
            <span className="visually-hidden" aria-live="polite">
              {copied ? t('invite.copied') : ''}
            </span>
          </div>
        )}
        <div className="row" style={{ justifyContent: 'flex-end', marginTop: 'var(--space-4)' }}>
          <button type="button" className="button button--quiet" onClick={() => dialogRef.current?.close()}>
            {t('invite.close')}
          </button>
        </div>
      </dialog>
    </>
  );
}
