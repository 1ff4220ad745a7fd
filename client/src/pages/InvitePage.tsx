import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLoad } from '../components/useLoad';
import { usePageTitle } from '../components/usePageTitle';
import { useI18n } from '../i18n/i18n';
import { membersApi } from '../members/members-api';
import { api } from '../api/endpoints';

/**
 * An invite link opened by someone signed in: first say where it leads and as what
 * ("Deelnemen aan … als …?"), and join only when they confirm. A link opened by accident,
 * or by someone signed in to the wrong account, changes nothing.
 */
export function InvitePage({ token }: { token: string }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [preview] = useLoad(() => membersApi.previewInvite(token), [token]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const invite = preview.status === 'ok' ? preview.data.invite : null;
  const title = invite ? t('invite.confirmTitle', { workspace: invite.workspace.name, role: t(`role.${invite.role}`) }) : t('invite.acceptTitle');
  usePageTitle(title);

  async function join() {
    setBusy(true);
    setError(null);
    try {
      const { workspace } = await api.acceptInvite(token);
      navigate(`/w/${workspace.id}`, { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  if (preview.status === 'loading') return <p className="page muted" role="status">{t('invite.loading')}</p>;
  if (preview.status === 'error' || !invite)
    return (
      <div className="page page--narrow stack">
        <h1>{t('invite.acceptTitle')}</h1>
        <p>{t('invite.failed')}</p>
        <ErrorAlert error={preview.status === 'error' ? preview.error : null} />
        <p>
          <Link href="/">{t('app.backHome')}</Link>
        </p>
      </div>
    );
  return (
    <div className="page page--narrow stack">
      <h1>{title}</h1>
      <p>{t('invite.confirmIntro', { name: invite.invitedBy.name, organization: invite.invitedBy.organization })}</p>
      {invite.currentRole && <p className="notice">{t('invite.confirmAlready', { role: t(`role.${invite.currentRole}`) })}</p>}
      <ErrorAlert error={error} />
      <div className="row">
        <button type="button" className="button" disabled={busy} onClick={() => void join()}>
          {t('invite.join')}
        </button>
        <Link href="/" className="button button--quiet">
          {t('invite.cancel')}
        </Link>
      </div>
    </div>
  );
}
