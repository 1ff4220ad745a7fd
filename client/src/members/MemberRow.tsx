import { useId } from 'react';
import { ROLES, type Role } from '../../../shared/roles';
import type { Member } from '../../../shared/api';
import { Avatar } from '../components/Avatar';
import { useI18n } from '../i18n/i18n';

export interface MemberActions {
  changeRole(member: Member, role: Role): void;
  remove(member: Member): void;
  transfer(member: Member): void;
}

/** One member: who they are and their role; for an owner looking at someone else, the controls to change that. */
export function MemberRow({ member, self, manage, busy }: { member: Member; self: boolean; manage: MemberActions | null; busy: boolean }) {
  const { t } = useI18n();
  const roleId = useId();
  const name = member.user.name || t('members.formerMember');
  return (
    <li className="member-row">
      <Avatar name={name} color={member.user.color} />
      <span className="member-row__who">
        <strong>{name}</strong> {self && <span className="muted">{t('workspace.you')}</span>}
        <br />
        <span className="small muted">
          {member.user.organization}
          {!manage && ` · ${t(`role.${member.role}`)}`}
        </span>
      </span>
      {manage && (
        <span className="member-row__controls">
          <label className="visually-hidden" htmlFor={roleId}>
            {t('members.roleOf', { name })}
          </label>
          <select id={roleId} value={member.role} disabled={busy} onChange={(e) => manage.changeRole(member, e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
          <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => manage.remove(member)} aria-label={t('members.removeLabel', { name })}>
            {t('members.remove')}
          </button>
          {member.role !== 'owner' && (
            <button type="button" className="link-button small" disabled={busy} onClick={() => manage.transfer(member)} aria-label={t('members.transferLabel', { name })}>
              {t('members.transfer')}
            </button>
          )}
        </span>
      )}
    </li>
  );
}
