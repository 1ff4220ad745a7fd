import { useId } from 'react';
import type { Member } from '../../../../shared/api';
import { Avatar } from '../../components/Avatar';
import { useI18n } from '../../i18n/i18n';

/** Who is in the workspace, with the organisation they speak for and their role. */
export function MembersPanel({ members, selfId }: { members: Member[]; selfId: string }) {
  const { t } = useI18n();
  const headingId = useId();
  const others = members.filter((m) => m.user.id !== selfId);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('workspace.members')}</h2>
      <ul className="member-list">
        {members.map((m) => (
          <li key={m.user.id}>
            <Avatar name={m.user.name} color={m.user.color} />
            <span>
              <strong>{m.user.name}</strong> {m.user.id === selfId && <span className="muted">{t('workspace.you')}</span>}
              <br />
              <span className="small muted">
                {m.user.organization} · {t(`role.${m.role}`)}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {others.length === 0 && <p className="empty small">{t('workspace.membersEmpty')}</p>}
    </section>
  );
}
