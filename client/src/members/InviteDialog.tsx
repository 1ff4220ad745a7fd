import { INVITE_ROLES } from '../../../shared/roles';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Invite } from '../../../shared/api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/i18n';
import { membersApi } from './members-api';
import { formText } from '../components/form-text';

const LIFETIMES_HOURS = [24, 72, 168, 720];

/**
 * The owner's invite dialog: pick a role and a lifetime, optionally an e-mail address (we
 * mail the link) or single use, and get a link to pass on. A native <dialog> opened
 * modally traps focus and closes on Escape without any extra code.
 */
export function InviteDialog({ workspaceId, onCreated }: { workspaceId: string; onCreated(): void }) {
  const { t, formatDate } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const ids = { title: useId(), role: useId(), lifetime: useId(), email: useId(), emailHint: useId(), single: useId(), link: useId() };
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
    const email = formText(form, 'email').trim();
    setBusy(true);
    setError(null);
    try {
      const result = await membersApi.createInvite(workspaceId, {
        role: formText(form, 'role') as (typeof INVITE_ROLES)[number],
        expiresInHours: Number(form.get('lifetime')),
        singleUse: form.get('singleUse') === 'on' || undefined,
        email: email || undefined,
      });
      setInvite(result.invite);
      onCreated();
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
      <button type="button" className="button button--small" onClick={open}>
        {t('invite.open')}
      </button>
      <dialog ref={dialogRef} aria-labelledby={ids.title}>
        <h2 id={ids.title}>{t('invite.title')}</h2>
        <form onSubmit={(e) => void create(e)} className="stack">
          <ErrorAlert error={error} />
          <div className="field">
            <label htmlFor={ids.role}>{t('invite.role')}</label>
            <select id={ids.role} name="role" defaultValue="editor">
              {INVITE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.lifetime}>{t('invite.expires')}</label>
            <select id={ids.lifetime} name="lifetime" defaultValue="168">
              {LIFETIMES_HOURS.map((h) => (
                <option key={h} value={h}>
                  {h < 48 ? t('invite.hours', { count: h }) : t('invite.days', { count: h / 24 })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.email}>{t('invite.email')}</label>
            <input id={ids.email} name="email" type="email" autoComplete="off" aria-describedby={ids.emailHint} />
            <span className="field__hint" id={ids.emailHint}>
              {t('invite.emailHint')}
            </span>
          </div>
          <label className="checkbox" htmlFor={ids.single}>
            <input id={ids.single} name="singleUse" type="checkbox" /> {t('invite.singleUse')}
          </label>
          <div>
            <button className="button" type="submit" disabled={busy}>
              {t('invite.create')}
            </button>
          </div>
        </form>
        {invite && (
          <div className="stack" style={{ marginTop: 'var(--space-4)' }}>
            {invite.email && (
              <p className={invite.mailed ? 'notice' : 'alert'} role="status">
                {invite.mailed ? t('invite.mailed', { email: invite.email }) : t('invite.mailFailed')}
              </p>
            )}
            <div className="field">
              <label htmlFor={ids.link}>{t('invite.linkLabel')}</label>
              <input id={ids.link} ref={linkRef} type="text" readOnly value={invite.url} data-testid="invite-url" />
              <span className="field__hint">
                {t(`role.${invite.role}`)} · {t('invite.validUntil', { date: formatDate(invite.expiresAt, true) })}
                {invite.singleUse && ` · ${t('invites.singleUse')}`}
              </span>
            </div>
            <div>
              <button type="button" className="button button--quiet" onClick={() => void copy()}>
                {copied ? t('invite.copied') : t('invite.copy')}
              </button>
            </div>
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
