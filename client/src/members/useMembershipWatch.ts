import { useEffect, useState } from 'react';
import { api } from '../api/endpoints';
import { ApiError } from '../api/http';
import type { Role } from '../../../shared/roles';
import { useWorkspaceEvents } from '../live/useWorkspaceEvents';

export type Membership = { status: 'member'; role: Role } | { status: 'removed' };

/**
 * The signed-in person's own membership of a workspace, kept current while a page is open:
 * a role change or removal arrives on the workspace's event stream (also replayed after a
 * reconnect), and whenever the stream or the document's socket is refused the server is
 * asked directly, since a removed person's stream may be closed before the event arrives.
 */
export function useMembershipWatch(workspaceId: string, userId: string, initialRole: Role, refused: boolean): Membership {
  const [membership, setMembership] = useState<Membership>({ status: 'member', role: initialRole });

  const stream = useWorkspaceEvents(workspaceId, (e) => {
    if (e.subject !== userId) return;
    if (e.type === 'member.role_changed' && typeof e.data.to === 'string') setMembership({ status: 'member', role: e.data.to as Role });
    if (e.type === 'member.removed' || e.type === 'member.left') setMembership({ status: 'removed' });
  });

  const recheck = refused || stream === 'down';
  useEffect(() => {
    if (!recheck) return;
    let cancelled = false;
    api.getWorkspace(workspaceId).then(
      ({ members }) => {
        const role = members.find((m) => m.user.id === userId)?.role;
        if (!cancelled) setMembership(role ? { status: 'member', role } : { status: 'removed' });
      },
      (err: unknown) => {
        if (!cancelled && err instanceof ApiError && err.status === 404) setMembership({ status: 'removed' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [recheck, workspaceId, userId]);

  return membership;
}
