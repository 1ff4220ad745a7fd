import { useId } from 'react';
import type { OpenInvite } from '../../../shared/members';
import { useI18n } from '../i18n/i18n';

/** The workspace's open invite links (owners only), each with "Intrekken". */
export function OpenInvites({ invites, onRevoke, busy }: { invites: OpenInvite[]; onRevoke(invite: OpenInvite): void; busy: boolean }) {
  const { t, formatDate } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="open-invites">
      <h3 id={headingId}>{t('invites.title')}</h3>
      {invites.length === 0 ? (
        <p className="empty small">{t('invites.empty')}</p>
      ) : (
        <ul className="member-list" data-testid="open-invites">
          {invites.map((invite) => {
            const role = t(`role.${invite.role}`);
            return (
              <li key={invite.id} className="member-row">
                <span className="member-row__who small">
                  <strong>{t('invites.summary', { role, date: formatDate(invite.expiresAt, true) })}</strong>
                  {invite.email && (
                    <>
                      <br />
                      {invite.email}
                    </>
                  )}
                  <br />
                  <span className="muted">
                    {invite.maxUses === 1 ? t('invites.singleUse') : t('invites.uses', { count: invite.uses })} · {t('invites.by', { name: invite.createdBy.name })}
                  </span>
                </span>
                <span className="member-row__controls">
                  <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => onRevoke(invite)} aria-label={t('invites.revokeLabel', { role, date: formatDate(invite.expiresAt, true) })}>
                    {t('invites.revoke')}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
