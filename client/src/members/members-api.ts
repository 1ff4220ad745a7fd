import { request } from '../api/http';
import type { Invite, InviteRole, Member } from '../../../shared/api';
import type { Role } from '../../../shared/roles';
import type { InviteListAnswer, InvitePreview } from '../../../shared/members';

const w = (wid: string) => `/api/workspaces/${encodeURIComponent(wid)}`;

/** Members and invites (owners manage, anyone leaves). */
export const membersApi = {
  createInvite: (wid: string, body: { role: InviteRole; expiresInHours?: number; singleUse?: boolean; email?: string }) =>
    request<{ invite: Invite }>('POST', `${w(wid)}/invites`, body),
  listInvites: (wid: string) => request<InviteListAnswer>('GET', `${w(wid)}/invites?limit=100`),
  revokeInvite: (id: string) => request<void>('DELETE', `/api/invites/${encodeURIComponent(id)}`),
  previewInvite: (token: string) => request<{ invite: InvitePreview }>('GET', `/api/invites/${encodeURIComponent(token)}`),
  changeRole: (wid: string, uid: string, role: Role) =>
    request<{ member: Member }>('PATCH', `${w(wid)}/members/${encodeURIComponent(uid)}`, { role }),
  remove: (wid: string, uid: string) => request<void>('DELETE', `${w(wid)}/members/${encodeURIComponent(uid)}`),
  leave: (wid: string) => request<void>('POST', `${w(wid)}/leave`),
  transferOwnership: (wid: string, userId: string) =>
    request<{ members: Member[] }>('POST', `${w(wid)}/transfer-ownership`, { userId }),
};
