import { useCallback, useId, useState } from 'react';
import { useLocation } from 'wouter';
import type { Role } from '../../../shared/roles';
import type { OpenInvite } from '../../../shared/members';
import type { Member } from '../../../shared/api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n/i18n';
import { InviteDialog } from './InviteDialog';
import { MemberRow, type MemberActions } from './MemberRow';
import { membersApi } from './members-api';
import { OpenInvites } from './OpenInvites';
import './members.css';

interface Props {
  workspaceId: string;
  members: Member[];
  selfId: string;
  /** Something changed that the page's member list should show. */
  onChanged(): void;
}

/**
 * Who is in the workspace, with the organisation they speak for and their role. Owners
 * change roles, remove people, hand over ownership, invite and withdraw invites here;
 * everyone can leave.
 */
export function MembersPanel({ workspaceId, members, selfId, onChanged }: Props) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const headingId = useId();
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const isOwner = members.find((m) => m.user.id === selfId)?.role === 'owner';
  // Someone joining uses an invite up: refetch the open ones whenever the member list changes.
  const membership = members.map((m) => `${m.user.id}:${m.role}`).join();
  const [invites, reloadInvites] = useLoad(
    () => (isOwner ? membersApi.listInvites(workspaceId) : Promise.resolve(null)),
    [workspaceId, isOwner, membership],
  );

  const run = useCallback(
    async (action: () => Promise<unknown>, done: string) => {
      setBusy(true);
      setError(null);
      setStatus('');
      try {
        await action();
        setStatus(done);
        onChanged();
      } catch (err) {
        setError(err);
      } finally {
        setBusy(false);
      }
    },
    [onChanged],
  );

  const nameOf = (m: Member) => m.user.name || t('members.formerMember');
  const manage: MemberActions = {
    changeRole: (m, role: Role) =>
      void run(() => membersApi.changeRole(workspaceId, m.user.id, role), t('members.changed', { name: nameOf(m), role: t(`role.${role}`) })),
    remove: (m) => {
      if (!window.confirm(t('members.removeConfirm', { name: nameOf(m) }))) return;
      void run(() => membersApi.remove(workspaceId, m.user.id), t('members.removed', { name: nameOf(m) }));
    },
    transfer: (m) => {
      if (!window.confirm(t('members.transferConfirm', { name: nameOf(m) }))) return;
      void run(() => membersApi.transferOwnership(workspaceId, m.user.id), t('members.changed', { name: nameOf(m), role: t('role.owner') }));
    },
  };

  const revoke = (invite: OpenInvite) =>
    void run(async () => {
      await membersApi.revokeInvite(invite.id);
      reloadInvites();
    }, t('invites.revoked'));

  const leave = async () => {
    if (!window.confirm(t('members.leaveConfirm'))) return;
    setBusy(true);
    setError(null);
    try {
      await membersApi.leave(workspaceId);
      navigate('/', { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const others = members.filter((m) => m.user.id !== selfId);
  return (
    <section className="card members-panel" aria-labelledby={headingId}>
      <div className="members-panel__head">
        <h2 id={headingId}>{t('workspace.members')}</h2>
        {isOwner && <InviteDialog workspaceId={workspaceId} onCreated={reloadInvites} />}
      </div>
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      <ul className="member-list">
        {members.map((m) => (
          <MemberRow key={m.user.id} member={m} self={m.user.id === selfId} manage={isOwner && m.user.id !== selfId ? manage : null} busy={busy} />
        ))}
      </ul>
      {others.length === 0 && <p className="empty small">{t('workspace.membersEmpty')}</p>}
      {isOwner && invites.status === 'ok' && invites.data && <OpenInvites invites={invites.data.invites} onRevoke={revoke} busy={busy} />}
      {isOwner && invites.status === 'error' && <ErrorAlert error={invites.error} />}
      <div>
        <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => void leave()}>
          {t('members.leave')}
        </button>
      </div>
    </section>
  );
}
